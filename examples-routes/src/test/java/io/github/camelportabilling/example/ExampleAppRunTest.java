package io.github.camelportabilling.example;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app's wiring, in-process: a run-once against the embedded simulator (no PORTABILLING_HOST in the given
 * environment) reads the sample inbox, closes one account, syncs, and stops by itself. The end-to-end tests in
 * src-it check the same with the packaged jar, field by field.
 */
class ExampleAppRunTest {

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS) // a hang guard only
    void aRunOnceAgainstTheEmbeddedSimulatorFinishesWithItsSummary(@TempDir Path workDir) throws Exception {
        // besides the samples: a file that is not JSON, and an account whose customer does not exist
        Files.createDirectories(workDir.resolve("inbox/customers"));
        Files.createDirectories(workDir.resolve("inbox/accounts"));
        Files.writeString(workDir.resolve("inbox/customers/broken.json"), "{\"name\": ");
        Files.writeString(workDir.resolve("inbox/accounts/zz-unknown-customer.json"),
                "{\"id\": \"x1\", \"customer_name\": \"Nobody\", \"billing_model\": 1}");

        RunSummary summary = ExampleApp.run(Map.of(), Map.of(
                "example.work-dir", workDir.toString(),
                "example.run-once", "true",
                "example.samples", "true",
                "example.run-tag", "777",
                "example.inbox.delay", "100",
                "example.sync.delay", "200"));

        assertThat(summary).isNotNull();
        assertThat(summary.finished()).isTrue();
        RunStats stats = summary.stats();
        assertThat(stats.customersCreated()).isEqualTo(2);
        assertThat(stats.accountsCreated()).extracting(RunStats.CreatedAccount::id)
                .containsExactly("demo77701", "demo77702", "demo77703");
        assertThat(stats.rejections()).extracting(RunStats.Rejection::file).containsExactly(
                "customers/broken.json", "customers/no-currency.json", "accounts/blue-cafe-2-same-id.json",
                "accounts/zz-unknown-customer.json");
        assertThat(Files.readString(workDir.resolve("error/accounts/zz-unknown-customer.error.json")))
                .contains("\"error\" : \"no customer named 'Nobody'\"");
        assertThat(workDir.resolve("error/customers/broken.json")).hasContent("{\"name\": ");
        assertThat(stats.closedAccount()).containsEntry("id", "demo77701").containsEntry("bill_status", "C");

        // the demo data has 18 open customers and 40 open accounts; the inbox adds 2 and 3, the lifecycle closes 1
        assertThat(Files.readAllLines(workDir.resolve("sync/open-customers.jsonl"))).hasSize(20);
        assertThat(Files.readAllLines(workDir.resolve("sync/open-accounts.jsonl"))).hasSize(42);
        assertThat(workDir.resolve("error/customers/no-currency.error.json")).exists();
        assertThat(workDir.resolve("done/accounts/acme-lab-1.json")).exists();
        assertThat(summary.render())
                .contains("run finished (run tag 777)", "created   2 customers, 3 accounts", "rejected  4 records",
                        "20 records -> " + workDir.resolve("sync/open-customers.jsonl"),
                        "42 records -> " + workDir.resolve("sync/open-accounts.jsonl"));
    }
}
