package io.github.camelportabilling.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.github.camelportabilling.simulator.PortaBillingSimulator;
import io.github.camelportabilling.simulator.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The takeover scenario, run on each cluster service by a subclass: three replicas in JVMs of their own share the
 * cluster service and the state repository and run {@code master:pb-customers:portabilling:Customer/customer} in
 * incremental mode over 100,000 customers (pages of {@value #PAGE}), while the test adds {@value #ADDED_PER_STEP}
 * customers three times, at names that sort anywhere in the list (before the cursor too). The first leader is killed
 * hard (SIGKILL) in the middle of a page (part of it routed, the position after it not saved) and a fourth replica
 * started in its place; the next leader is stopped cleanly (SIGTERM) in the middle of a page; the remaining ones
 * finish. Asserted: every record delivered (none lost), no replica delivers a record
 * twice, the records delivered twice are at most one page per takeover (the page in flight when the leader stopped)
 * and each of them was delivered by the stopped leader and again by its successor, the successor started where the
 * stopped leader was (not at the start of the list), and on the simulator's request log the list calls of the
 * replicas never interleave: one poller at a time.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
abstract class TakeoverScenario {

    static final int SEEDED = 100_000;
    static final int PAGE = 500;
    static final int ADDED_PER_STEP = 500;
    static final String LIST = "Customer/get_customer_list";
    static final String PASSWORD = "replica-password";
    /** What routing one record costs in a replica (see ReplicaApp.DeliveryFile): a page takes longer to route than to fetch. */
    static final int RECORD_PAUSE_MICROS = 50;
    /** A hang guard for each step; on this 2-core machine a step takes seconds. */
    static final Duration STEP = Duration.ofSeconds(150);

    static PortaBillingSimulator simulator;

    /** Kept when the test fails: the replicas' logs, deliveries and configurations are in it. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    private final List<Replica> replicas = new ArrayList<>();
    private final Set<Long> expected = new HashSet<>();
    private final Random random = new Random(16);

    /** The camel.beans.pbCluster.* and camel.beans.pbState.* of this engine, for a replica named {@code name}. */
    protected abstract Properties clusterAndState(Path dir, String name) throws Exception;

    /** The cluster service and its lease settings, for the figures. */
    protected abstract String engine();

    @BeforeAll
    static void startSimulator() throws Exception {
        PortaBillingSimulator.Builder b = PortaBillingSimulator.builder().seedCustomers(SEEDED);
        for (int i = 1; i <= 4; i++) {
            b.user("replica-" + i, PASSWORD);
        }
        simulator = b.start();
    }

    @AfterAll
    static void stopSimulator() {
        if (simulator != null) {
            simulator.close();
        }
    }

    @AfterEach
    void destroyEveryReplica() {
        replicas.forEach(Replica::destroy);
    }

    @Test
    void theLeaderKilledAndTheNextOneStoppedMidCycleCostNoRecordAndAtMostOnePagePerTakeover() throws Exception {
        for (long id = 1; id <= SEEDED; id++) {
            expected.add(id);
        }
        Replica r1 = start(1);
        Replica r2 = start(2);
        Replica r3 = start(3);

        Replica first = awaitLeader(List.of(r1, r2, r3), Map.of(), 15_000);
        addCustomers();
        awaitMidPage(first, 35_000);
        long killedAt = System.nanoTime();
        first.kill();
        int deliveredByTheKilled = first.deliveredCount();
        Replica r4 = start(4);
        addCustomers();

        List<Replica> live = alive();
        Map<Replica, Integer> before = counts(live);
        Replica second = awaitLeader(live, before, 5_000);
        awaitMidPage(second, before.get(second) + 25_000);
        long stoppedAt = System.nanoTime();
        second.stopCleanly();
        addCustomers();

        live = alive();
        Replica third = awaitLeader(live, counts(live), 1);
        await().atMost(STEP).pollInterval(Duration.ofMillis(200)).until(() -> missing().isEmpty());
        for (Replica r : alive()) {
            r.stopCleanly();
        }

        // none lost
        assertThat(missing()).as("records never delivered").isEmpty();

        // duplicates: never within one replica; across a takeover at most the page in flight
        Map<Long, List<String>> byId = new HashMap<>();
        for (Replica r : replicas) {
            List<Long> ids = r.delivered();
            assertThat(new HashSet<>(ids)).as(r + " delivered a record twice").hasSameSizeAs(ids);
            for (Long id : ids) {
                byId.computeIfAbsent(id, k -> new ArrayList<>()).add(r.name);
            }
        }
        Map<String, Integer> duplicatesByPair = new LinkedHashMap<>();
        int duplicates = 0;
        for (Map.Entry<Long, List<String>> e : byId.entrySet()) {
            if (e.getValue().size() > 1) {
                duplicates += e.getValue().size() - 1;
                duplicatesByPair.merge(pair(e.getValue().toArray(String[]::new)), 1, Integer::sum);
            }
        }
        int takeovers = 2;
        for (Map.Entry<String, Integer> pair : duplicatesByPair.entrySet()) {
            assertThat(pair.getKey()).as("a record delivered twice is one a stopped leader and its successor both"
                                          + " delivered").isIn(pair(first.name, second.name),
                    pair(second.name, third.name));
            assertThat(pair.getValue()).as("records delivered again after the takeover " + pair.getKey())
                    .isLessThanOrEqualTo(PAGE);
        }
        assertThat(duplicates).isLessThanOrEqualTo(PAGE * takeovers);
        int afterKill = duplicatesByPair.getOrDefault(pair(first.name, second.name), 0);
        int afterStop = duplicatesByPair.getOrDefault(pair(second.name, third.name), 0);

        // one poller at a time, as the server saw it
        List<RecordedRequest> requests = simulator.requests();
        assertThat(requests.size()).as("the request log kept every call").isLessThan(10_000);
        List<PollerTerms.Term> terms = PollerTerms.of(requests, LIST);
        List<String> pollers = terms.stream().map(PollerTerms.Term::login).toList();
        assertThat(pollers).as("the logins of the list calls, one entry per run of calls").doesNotHaveDuplicates()
                .containsExactly(first.login, second.login, third.login);
        assertThat(PollerTerms.mostPollersAtOnce(terms)).isEqualTo(1);

        // each successor went on from the shared position, not from the start of the list
        PollerTerms.Term t1 = terms.get(0);
        PollerTerms.Term t2 = terms.get(1);
        PollerTerms.Term t3 = terms.get(2);
        assertThat(number(t2.firstOffset())).as("offset of the second leader's first page")
                .isGreaterThanOrEqualTo(number(t1.lastOffset()) - PAGE);
        assertThat(number(t3.firstOffset())).as("offset of the third leader's first page")
                .isGreaterThanOrEqualTo(number(t2.lastOffset()) - PAGE);

        System.out.printf("[figure] %s: %,d records (%,d seeded + %,d added during the run), 1 hard kill + 1 clean stop"
                          + " mid-page, lost 0, duplicates %d (bound %d = %d takeovers x page %d): %d after the kill"
                          + " (the killed leader had delivered %,d), %d after the clean stop;"
                          + " pollers active at once %d%n", engine(), expected.size(), SEEDED,
                expected.size() - SEEDED, duplicates, PAGE * takeovers, takeovers, PAGE, afterKill,
                deliveredByTheKilled, afterStop, PollerTerms.mostPollersAtOnce(terms));
        System.out.printf("[figure] %s: terms %s; takeover after SIGKILL: first list call of %s %d ms after the"
                          + " kill (offset %s, the killed leader's last %s); after SIGTERM: %s %d ms after the stop began"
                          + " (offset %s, the stopped leader's last %s)%n", engine(), describe(terms), t2.login(),
                (t2.firstNanos() - killedAt) / 1_000_000, t2.firstOffset(), t1.lastOffset(), t3.login(),
                (t3.firstNanos() - stoppedAt) / 1_000_000, t3.firstOffset(), t2.lastOffset());
        assertThat(r4.isAlive()).isFalse();
    }

    /**
     * Waits until the leader delivered at least {@code atLeast} records and is inside a page (its count is away from a
     * multiple of the page size: in the first cycle every record of a page is new), so that the kill or the stop lands
     * with part of a page delivered and the position after it not saved yet.
     */
    private static void awaitMidPage(Replica leader, int atLeast) {
        await().atMost(STEP).pollInterval(Duration.ofMillis(2)).until(() -> {
            int n = leader.deliveredCount();
            int intoPage = n % PAGE;
            return n >= atLeast && intoPage >= PAGE / 5 && intoPage <= PAGE * 4 / 5;
        });
    }

    private Replica start(int n) throws Exception {
        String name = "replica-" + n;
        Properties p = Replica.component(simulator, PASSWORD, PAGE);
        p.setProperty("replica.recordPauseMicros", String.valueOf(RECORD_PAUSE_MICROS));
        p.putAll(clusterAndState(dir, name));
        Replica r = Replica.start(name, name, dir, p);
        replicas.add(r);
        return r;
    }

    /**
     * Waits until one of the candidates delivered {@code atLeast} records more than it had ({@code before}), and
     * checks that meanwhile no other candidate delivered anything.
     */
    private Replica awaitLeader(List<Replica> candidates, Map<Replica, Integer> before, int atLeast) {
        Replica[] leader = new Replica[1];
        await().atMost(STEP).pollInterval(Duration.ofMillis(50)).until(() -> {
            for (Replica r : candidates) {
                if (r.deliveredCount() - before.getOrDefault(r, 0) >= atLeast) {
                    leader[0] = r;
                    return true;
                }
            }
            for (Replica r : candidates) {
                if (!r.isAlive()) {
                    throw new AssertionError(r + " died; its output:\n" + r.output());
                }
            }
            return false;
        });
        for (Replica r : candidates) {
            if (r != leader[0]) {
                assertThat(r.deliveredCount() - before.getOrDefault(r, 0)).as(r + " delivered while " + leader[0]
                                                                               + " led").isZero();
            }
        }
        return leader[0];
    }

    /** Adds customers whose names sort among the seeded ones ("Customer 012345" < "Customer 012345b" < ...). */
    private void addCustomers() {
        for (int i = 0; i < ADDED_PER_STEP; i++) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("name", String.format("Customer %06db%d", random.nextInt(SEEDED), i));
            fields.put("iso_4217", "USD");
            expected.add(simulator.addCustomer(fields));
        }
    }

    private Set<Long> missing() throws Exception {
        Set<Long> missing = new HashSet<>(expected);
        for (Replica r : replicas) {
            r.delivered().forEach(missing::remove);
        }
        return missing;
    }

    private List<Replica> alive() {
        return replicas.stream().filter(Replica::isAlive).toList();
    }

    private static Map<Replica, Integer> counts(List<Replica> rs) {
        Map<Replica, Integer> m = new HashMap<>();
        rs.forEach(r -> m.put(r, r.deliveredCount()));
        return m;
    }

    /** The replicas that delivered one record, in name order. */
    private static String pair(String... names) {
        return String.join("+", new java.util.TreeSet<>(List.of(names)));
    }

    private static long number(Object offset) {
        return ((Number) offset).longValue();
    }

    private static String describe(List<PollerTerms.Term> terms) {
        StringBuilder s = new StringBuilder();
        long t0 = terms.get(0).firstNanos();
        for (PollerTerms.Term t : terms) {
            s.append(String.format("%s: %d calls %d-%d ms; ", t.login(), t.calls(), (t.firstNanos() - t0) / 1_000_000,
                    (t.lastNanos() - t0) / 1_000_000));
        }
        return s.toString();
    }
}
