#!/usr/bin/env bash
# Manual smoke check (not part of CI): the Kamelets of camel-portabilling-kamelets in Camel JBang's `camel run`,
# against the simulator: kamelet-route.yaml (a YAML route) and kamelet-pipe.yaml (a Pipe to the catalog's log-sink).
# Nothing is installed into ~/.m2: the artifacts are deployed to a file repository under target/, which `camel run`
# reads with --repos, and JBang runs with a user home of its own (it downloads Camel 4.17 there on the first run).
# Run from the repository root: tools/jbang-smoke/run-kamelets.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work="$root/tools/jbang-smoke/target"
mkdir -p "$work/home/.m2"
cd "$root"
mvn -B -q -DskipTests -Dmaven.install.skip=true -pl camel-portabilling-kamelets -am deploy \
  -DaltDeploymentRepository=smoke::file://"$work/repo"
# deploy keeps its bookkeeping for the "smoke" repository in the local repository (no artifact): remove it
local_group="$HOME/.m2/repository/io/github/camelportabilling"
if [ -d "$local_group" ]; then
  find "$local_group" \( -name 'maven-metadata-smoke.xml' -o -name resolver-status.properties \) -delete
  find "$local_group" -depth -type d -empty -delete
fi
java -jar portabilling-simulator/target/portabilling-simulator-*-standalone.jar --port 18080 > "$work/simulator.log" 2>&1 &
sim=$!
trap 'kill $sim' EXIT
sleep 2
cd tools/jbang-smoke
mvn -B -q compile dependency:build-classpath -Dmdep.outputFile="$work/classpath.txt"
camel() {
  java -Duser.home="$work/home" -cp "target/classes:$(cat "$work/classpath.txt")" CamelCli "$@"
}
deps="--dep=io.github.camelportabilling:camel-portabilling-kamelets:0.1.0-SNAPSHOT --repos=file://$work/repo"
camel run kamelet-route.yaml $deps --prop=portabilling.host=127.0.0.1 --prop=portabilling.port=18080 \
  --prop=portabilling.login=demo --prop=portabilling.password=demo-password --max-seconds=15 | grep "JBang kamelet"
camel run kamelet-pipe.yaml $deps --prop=camel.component.portabilling.password=demo-password --max-seconds=15 \
  | grep "log-sink"
