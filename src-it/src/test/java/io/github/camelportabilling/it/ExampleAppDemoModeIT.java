package io.github.camelportabilling.it;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import io.github.camelportabilling.simulator.PortaBillingSimulator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quickstart: {@code java -jar portabilling-example.jar} with no PORTABILLING_* variable at all starts its own
 * simulator, runs the demo and stops with the summary, leaving its files under target/portabilling-demo of its
 * working directory. The demo data is fixed, so the counts are known: 18 open customers and 40 open accounts, plus
 * the 2 customers and 3 accounts of the inbox, minus the account the lifecycle closes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExampleAppDemoModeIT {

    private ExampleAppProcess.Result run;

    @BeforeAll
    void runTheDemo() throws Exception {
        run = ExampleAppProcess.run(getClass().getSimpleName(), Map.of());
    }

    @Test
    void itSaysItRunsOnTheEmbeddedSimulatorAndEndsWithTheSummary() throws IOException {
        Path demo = run.workDir().toRealPath();
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output())
                .contains("No PORTABILLING_HOST set: demo mode. Started the PortaBilling simulator in this JVM")
                .contains("Dropped 7 sample records into " + demo.resolve("inbox"))
                // the simulator's API description was read and used
                .containsPattern("PortaBilling API description of http://127\\.0\\.0\\.1:\\d+ loaded from"
                                 + " http://127\\.0\\.0\\.1:\\d+/doc/api/AdminInterface\\.json: OpenAPI 3\\.0\\.2,"
                                 + " release 117\\.0 \\(portabilling-simulator\\), \\d+ methods")
                .contains("=== PortaBilling example: run finished")
                .contains("created   2 customers, 3 accounts")
                .contains("rejected  2 records, in " + demo.resolve("error"))
                .contains("20 records -> " + demo.resolve("sync/open-customers.jsonl"))
                .contains("42 records -> " + demo.resolve("sync/open-accounts.jsonl"))
                .doesNotContain(PortaBillingSimulator.DEMO_PASSWORD);
        // the summary is the last thing printed; its sync files in name order
        assertThat(run.output().strip()).endsWith(demo.resolve("sync/open-customers.jsonl").toString());
    }

    @Test
    void itLeavesTheFilesTheSummaryNames() throws IOException {
        assertThat(ExampleAppContract.lines(run.workDir().resolve("sync/open-customers.jsonl"))).hasSize(20);
        assertThat(ExampleAppContract.lines(run.workDir().resolve("sync/open-accounts.jsonl"))).hasSize(42);
        assertThat(ExampleAppContract.files(run.workDir().resolve("error")))
                .filteredOn(f -> f.endsWith(".error.json")).hasSize(2);
        assertThat(ExampleAppContract.files(run.workDir().resolve("done"))).hasSize(5);
    }
}
