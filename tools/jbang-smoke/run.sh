#!/usr/bin/env bash
# Manual smoke check (not part of CI): the component in Camel JBang's `camel run`, against the simulator.
# Camel JBang 4.18 is not downloadable here; camel-jbang-core 4.17.0 is, so the CLI runs Camel 4.17 with our
# 4.18-built component. Run from the repository root: tools/jbang-smoke/run.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
mvn -B -q -DskipTests -pl portabilling-simulator,camel-portabilling -am install
mkdir -p tools/jbang-smoke/target
java -jar portabilling-simulator/target/portabilling-simulator-*-standalone.jar --port 18080 > tools/jbang-smoke/target/simulator.log 2>&1 &
sim=$!
trap 'kill $sim' EXIT
sleep 2
cd tools/jbang-smoke
mvn -B -q compile
mvn -B -q exec:java -Dexec.args="run route.yaml --dep=io.github.camelportabilling:camel-portabilling:0.1.0-SNAPSHOT \
  --prop=camel.component.portabilling.host=127.0.0.1 --prop=camel.component.portabilling.port=18080 \
  --prop=camel.component.portabilling.useHttps=false --prop=camel.component.portabilling.login=demo \
  --prop=camel.component.portabilling.password=demo-password --max-seconds=15"
