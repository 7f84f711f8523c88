package io.github.camelportabilling.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.github.camelportabilling.simulator.PortaBillingSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Why the replicas need a repository that reads its store on every get: two replicas on a FileLockClusterService share
 * one file of Camel's {@code FileStateRepository}. It reads the file once, when it first starts (here: when its replica
 * first leads), and answers from memory after that. The first leader's route restarts (as in a rolling restart, or
 * after a lost connection to the cluster engine), the other replica leads and goes on (its repository reads the file
 * as it starts); that one is killed, and the first takes the leadership back at the position in its own memory, as it
 * was when its route stopped, and delivers again everything the killed one had delivered. No record is lost, but the
 * duplicates are far beyond the page in flight; the consumer says so at each takeover with a warning that names the
 * repository and the shared ones to use.
 * ({@link FileLockTakeoverIT} is the same setup with {@code SharedFileStateRepository}: the successor goes on from the
 * killed leader's page.)
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class StaleStateRepositoryIT {

    static final int SEEDED = 20_000;
    static final int PAGE = 500;
    static final String PASSWORD = "replica-password";
    static final Duration STEP = Duration.ofSeconds(120);

    /** Kept when the test fails: the replicas' logs, deliveries and configurations are in it. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    private PortaBillingSimulator simulator;
    private final List<Replica> replicas = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        replicas.forEach(Replica::destroy);
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void aFileStateRepositoryGivesAReplicaThatLedBeforeItsOwnStalePositionAndTheConsumerWarns() throws Exception {
        simulator = PortaBillingSimulator.builder().seedCustomers(SEEDED).user("replica-1", PASSWORD)
                .user("replica-2", PASSWORD).start();
        Replica r1 = start(1);
        Replica r2 = start(2);
        await().atMost(STEP).pollInterval(Duration.ofMillis(20))
                .until(() -> Replica.allAlive(replicas) && r1.deliveredCount() + r2.deliveredCount() >= 4_000);
        Replica a = r1.deliveredCount() > 0 ? r1 : r2;
        Replica b = a == r1 ? r2 : r1;
        assertThat(b.deliveredCount()).as(b + " delivered while " + a + " led").isZero();

        // a's route restarts: b leads and goes on from the shared file (its repository starts now and reads it)
        a.restartRoute();
        await().atMost(STEP).pollInterval(Duration.ofMillis(20))
                .until(() -> Replica.allAlive(replicas) && b.deliveredCount() >= 4_000);
        int aBefore = a.deliveredCount();
        // at least once across a takeover: the page a was routing when its route stopped may come again (seen: 1 record)
        Set<Long> handedOver = new HashSet<>(a.delivered());
        handedOver.retainAll(new HashSet<>(b.delivered()));
        assertThat(handedOver).as("b went on from where a stopped, repeating at most the page in flight")
                .hasSizeLessThanOrEqualTo(PAGE);

        // b is killed: a leads again and reads the position from its repository's memory, as it was when it stopped
        b.kill();
        int deliveredByB = b.deliveredCount();
        await().atMost(STEP).pollInterval(Duration.ofMillis(200))
                .until(() -> Replica.allAlive(List.of(a)) && union().size() == SEEDED
                             && a.deliveredCount() - aBefore >= deliveredByB);
        a.stopCleanly();

        Set<Long> again = new HashSet<>(a.delivered());
        again.retainAll(new HashSet<>(b.delivered()));
        assertThat(union()).as("records delivered by either").hasSize(SEEDED);
        assertThat(again.size()).as("records a delivered again after b was killed: all b had delivered, not only the"
                                    + " page in flight").isGreaterThanOrEqualTo(deliveredByB - PAGE)
                .isGreaterThan(PAGE);

        assertThat(a.output()).as("the log of " + a)
                .contains("runs under a leadership mechanism (master: or a clustered route policy) with"
                          + " stateRepository FileStateRepository")
                .contains("SharedFileStateRepository");
        System.out.printf("[figure] FileStateRepository shared by 2 replicas on FileLockClusterService: %,d records;"
                          + " the leader's route restarted after %,d, the other led and was killed after %,d: the"
                          + " first took the leadership back at its own stale position and delivered %,d of them again"
                          + " (the bound with a shared repository: one page, %d); warned%n", SEEDED, aBefore,
                deliveredByB, again.size(), PAGE);
    }

    private Set<Long> union() throws Exception {
        Set<Long> all = new HashSet<>();
        for (Replica r : replicas) {
            all.addAll(r.delivered());
        }
        return all;
    }

    private Replica start(int n) throws Exception {
        String name = "replica-" + n;
        Properties p = Replica.component(simulator, PASSWORD, PAGE);
        p.putAll(FileLockTakeoverIT.fileLock(dir, name));
        p.setProperty("camel.beans.pbState", "#class:org.apache.camel.support.processor.state.FileStateRepository");
        // a java.io.File: no String to File converter is there yet when Camel Main binds its beans
        p.setProperty("camel.beans.pbState.fileStore",
                "#class:java.io.File('" + dir.resolve("cluster").resolve("positions.state") + "')");
        Replica r = Replica.start(name, name, dir, p);
        replicas.add(r);
        return r;
    }
}
