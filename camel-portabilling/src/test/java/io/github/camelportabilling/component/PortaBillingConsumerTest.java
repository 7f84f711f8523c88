package io.github.camelportabilling.component;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelportabilling.simulator.Fault;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The consumer over HTTP with the simulator's default list order (accounts by id, like a live server: not by
 * i_account) and the default prefetch; {@link PortaBillingConsumerKeyOrderTest} runs the same cases in i_account
 * order, {@link PortaBillingConsumerParallelTest} with four pages fetched in parallel and
 * {@link PortaBillingConsumerSequentialTest} with no page fetched ahead.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class PortaBillingConsumerTest extends SimulatorTestSupport {

    /** Ids in delivery order, with the headers that came along. */
    private final List<Long> delivered = Collections.synchronizedList(new ArrayList<>());
    private final List<Map<String, Object>> headers = Collections.synchronizedList(new ArrayList<>());

    /** Options added to every consumer URI of the suite: variants run it with other ways of fetching pages. */
    protected String listOptions() {
        return "";
    }

    @AfterEach
    void restoreSimulator() {
        simulator.setTokenLifetime(Duration.ofSeconds(172800));
    }

    @Override
    public boolean isUseRouteBuilder() {
        return false;
    }

    /** Accounts created per customer by {@link #customerWithAccounts}, in creation (i_account) order. */
    private static final Map<Long, List<Long>> ACCOUNTS = new java.util.concurrent.ConcurrentHashMap<>();
    /** The id string of each account created here: the list order of the natural setting. */
    private static final Map<Long, String> ID_STRINGS = new java.util.concurrent.ConcurrentHashMap<>();

    /** A customer with {@code n} open accounts "c<customer>-0", "c<customer>-1", ...; returns the customer's id. */
    private static long customerWithAccounts(int n) {
        long customer = newCustomer("Consumer Co " + System.nanoTime());
        List<Long> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ids.add(account(customer, "c" + customer + "-" + i));
        }
        ACCOUNTS.put(customer, ids);
        return customer;
    }

    private static long account(long customer, String id) {
        long key = newAccount(customer, id);
        ID_STRINGS.put(key, id);
        return key;
    }

    private static List<Long> accountIds(long customer) {
        return ACCOUNTS.get(customer);
    }

    /** The accounts in the order the simulator lists them (by id string, or by i_account in key order). */
    private static List<Long> inListOrder(List<Long> keys) {
        java.util.Comparator<Long> byKey = java.util.Comparator.naturalOrder();
        java.util.Comparator<Long> order = simulator.listOrder().equals(io.github.camelportabilling.simulator.ListOrder.KEY)
                ? byKey : java.util.Comparator.<Long, String>comparing(ID_STRINGS::get, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(byKey);
        return keys.stream().sorted(order).toList();
    }

    private void consume(String uri, org.apache.camel.Processor extra) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri + listOptions()).routeId("sync")
                        .process(e -> {
                            if (extra != null) {
                                extra.process(e);
                            }
                        })
                        .process(this::record);
            }

            private void record(Exchange e) {
                delivered.add(e.getMessage().getHeader(PortaBillingConstants.ID, Long.class));
                headers.add(new LinkedHashMap<>(e.getMessage().getHeaders()));
                headers.get(headers.size() - 1).put("CamelBatchSize", e.getProperty(Exchange.BATCH_SIZE));
            }
        });
        context.start();
    }

    private PortaBillingConsumer syncConsumer() {
        return (PortaBillingConsumer) context.getRoute("sync").getConsumer();
    }

    @Test
    void fullModeDeliversTwentyFiveThousandRecordsExactlyOnce() throws Exception {
        long customer = customerWithAccounts(25_000);

        consume("portabilling:Account/account?filter.i_customer=" + customer + "&pageSize=500&delay=3600000", null);
        await().atMost(Duration.ofSeconds(120)).until(() -> syncConsumer().getCycles() >= 1);

        assertThat(delivered).hasSize(25_000).doesNotHaveDuplicates().isEqualTo(inListOrder(accountIds(customer)));
        // 50 pages drained without waiting the delay; the 50th window holds fewer than its landmarks: the end
        assertThat(simulator.callCount("Account/get_account_list")).isEqualTo(50);
        // get_total on the cycle's first page only
        assertThat(simulator.requests().stream().filter(r -> "Account/get_account_list".equals(r.serviceMethod()))
                .filter(r -> r.params().containsKey("get_total")).count()).isEqualTo(1);
        Map<String, Object> first = headers.get(0);
        assertThat(first).containsEntry(PortaBillingConstants.TOTAL, 25_000L)
                .containsEntry(PortaBillingConstants.PAGE_OFFSET, 0).containsEntry("CamelBatchSize", 500);
        assertThat(headers.get(24_999)).containsEntry(PortaBillingConstants.ID, delivered.get(24_999));
    }

    @Test
    void fullModeWalksTheWholeListAgainEachCycle() throws Exception {
        long customer = customerWithAccounts(30);

        consume("portabilling:Account/account?filter.i_customer=" + customer + "&pageSize=10&delay=100", null);
        await().atMost(Duration.ofSeconds(30)).until(() -> syncConsumer().getCycles() >= 3);

        context.getRouteController().stopRoute("sync");
        assertThat(delivered.size()).isGreaterThanOrEqualTo(90);
        assertThat(delivered.subList(0, 30)).isEqualTo(delivered.subList(30, 60));
    }

    @Test
    void incrementalModeDeliversOnlyRecordsAddedBetweenPollsWhereverTheyAppearInTheList() throws Exception {
        long customer = customerWithAccounts(100);

        consume("portabilling:Account/account?mode=incremental&filter.i_customer=" + customer
                + "&pageSize=30&delay=100", null);
        await().atMost(Duration.ofSeconds(30)).until(() -> delivered.size() >= 100);
        long cyclesBefore = syncConsumer().getCycles();
        List<Long> added = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            // "c<customer>-4x..." sorts into the middle of the list by id, however high its i_account
            added.add(account(customer, "c" + customer + "-4x" + i));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> delivered.size() >= 120);
        await().atMost(Duration.ofSeconds(30)).until(() -> syncConsumer().getCycles() >= cyclesBefore + 3);

        assertThat(delivered).hasSize(120).doesNotHaveDuplicates();
        assertThat(delivered.subList(100, 120)).containsExactlyInAnyOrderElementsOf(added);
        assertThat(syncConsumer().getWatermark()).isNotNull();
    }

    @Test
    void injectedServiceUnavailableOnPageFetchesStillDeliversEveryRecordExactlyOnce() throws Exception {
        long customer = customerWithAccounts(3_000);
        simulator.injectFaultRandomly("Account/get_account_list", 0.3, 42, Fault.httpStatus(503));

        // no retries inside the call: every 503 is thrown from poll() and the same page is fetched at the next poll
        consume("portabilling:Account/account?mode=incremental&filter.i_customer=" + customer
                + "&pageSize=100&delay=20&maxRetries=0", null);
        await().atMost(Duration.ofSeconds(60)).until(() -> syncConsumer().getCycles() >= 2);

        assertThat(delivered).hasSize(3_000).doesNotHaveDuplicates();
        assertThat(syncConsumer().getErrorCounter() + syncConsumer().getSuccessCounter()).isPositive();
        assertThat(simulator.requests()).anyMatch(r -> r.status() == 503);
    }

    @Test
    void retriesInsideTheCallAbsorb503sWithoutFailingAPoll() throws Exception {
        long customer = customerWithAccounts(2_000);
        simulator.injectFaultRandomly("Account/get_account_list", 0.2, 7, Fault.httpStatus(503));

        consume("portabilling:Account/account?mode=incremental&filter.i_customer=" + customer
                + "&pageSize=100&delay=20&retryBackoff=1&maxRetries=10", null);
        await().atMost(Duration.ofSeconds(60)).until(() -> syncConsumer().getCycles() >= 1);

        assertThat(delivered).hasSize(2_000).doesNotHaveDuplicates();
        PortaBillingSession session = syncConsumer().getEndpoint() instanceof PortaBillingEndpoint pe ? pe.getSession() : null;
        assertThat(session.getStats().retries()).isPositive();
    }

    @Test
    void aRouteFailureOnARecordOffersItAgainAndSkipsNothing() throws Exception {
        long customer = customerWithAccounts(100);
        long poison = accountIds(customer).get(45);
        AtomicBoolean failedOnce = new AtomicBoolean();
        AtomicInteger attempts = new AtomicInteger();

        consume("portabilling:Account/account?filter.i_customer=" + customer + "&pageSize=20&delay=50"
                + "&mode=incremental",
                e -> {
                    if (e.getMessage().getHeader(PortaBillingConstants.ID, Long.class) == poison) {
                        attempts.incrementAndGet();
                        if (failedOnce.compareAndSet(false, true)) {
                            throw new IllegalStateException("downstream system is down");
                        }
                    }
                });
        await().atMost(Duration.ofSeconds(30)).until(() -> new HashSet<>(delivered).size() >= 100);

        assertThat(new HashSet<>(delivered)).isEqualTo(new HashSet<>(accountIds(customer)));
        // the records before the failed one were done: the next poll started at the failed record; nothing repeated
        assertThat(delivered).doesNotHaveDuplicates();
        assertThat(attempts.get()).as("the failed record was offered twice").isEqualTo(2);
    }

    @Test
    void recordsClosedAndAddedWhileASyncRunsNeverCauseASkip() throws Exception {
        long customer = customerWithAccounts(2_000);
        List<Long> initial = accountIds(customer);
        Set<Long> closed = Collections.synchronizedSet(new HashSet<>());
        AtomicInteger addedCount = new AtomicInteger();
        // before every page fetch: close 15 accounts that were already delivered and add 5 new ones
        simulator.onCall("Account/get_account_list", (n, params) -> {
            List<Long> snapshot = new ArrayList<>(delivered);
            // every third of the latest: a page fetched ahead may reach the server when few records were delivered
            for (int i = 0; i < 15 && i * 3 < snapshot.size(); i++) {
                long id = snapshot.get(snapshot.size() - 1 - i * 3);
                if (closed.add(id)) {
                    simulator.updateAccount(id, Map.of("bill_status", "C"));
                }
            }
            for (int i = 0; i < 5; i++) {
                newAccount(customer, "new-" + customer + "-" + addedCount.incrementAndGet());
            }
        });

        consume("portabilling:Account/account?filter.i_customer=" + customer
                + "&filter.bill_status=O&pageSize=100&delay=3600000", null);
        await().atMost(Duration.ofSeconds(60)).until(() -> syncConsumer().getCycles() >= 1);
        simulator.clearHooks();

        assertThat(delivered).doesNotHaveDuplicates();
        Set<Long> got = new HashSet<>(delivered);
        List<Long> missed = initial.stream().filter(id -> !closed.contains(id) && !got.contains(id)).toList();
        assertThat(missed).as("records open throughout the sync that were not delivered").isEmpty();
        assertThat(closed).hasSizeGreaterThan(100);
    }

    @Test
    void tokenExpiryDuringALongSyncCausesNoFailure() throws Exception {
        long customer = customerWithAccounts(6_000);
        simulator.setTokenLifetime(Duration.ofSeconds(1));
        AtomicInteger slow = new AtomicInteger();

        consume("portabilling:Account/account?filter.i_customer=" + customer + "&pageSize=100&delay=3600000",
                e -> {
                    if (slow.incrementAndGet() % 200 == 0) {
                        Thread.sleep(40);
                    }
                });
        await().atMost(Duration.ofSeconds(90)).until(() -> syncConsumer().getCycles() >= 1);

        assertThat(delivered).hasSize(6_000).doesNotHaveDuplicates();
        assertThat(simulator.refreshCount() + simulator.loginCount()).isGreaterThan(1);
        assertThat(simulator.requests()).noneMatch(r -> r.status() == 500);
    }

    @Test
    void aRestartWithAFileStateRepositoryResumesWithoutLoss(@TempDir Path dir) throws Exception {
        long customer = customerWithAccounts(1_000);
        File store = dir.resolve("portabilling-state.txt").toFile();
        context.getRegistry().bind("cursorStore", FileStateRepository.fileStateRepository(store));
        AtomicInteger processed = new AtomicInteger();
        String uri = "portabilling:Account/account?mode=incremental&filter.i_customer=" + customer
                     + "&pageSize=100&delay=3600000&stateRepository=#cursorStore";

        consume(uri, e -> {
            if (processed.incrementAndGet() == 350) {
                // stop the route from the outside while it is mid-list
                new Thread(() -> {
                    try {
                        context.getRouteController().stopRoute("sync");
                    } catch (Exception ignored) {
                        // test thread asserts below
                    }
                }).start();
            }
        });
        await().atMost(Duration.ofSeconds(30))
                .until(() -> context.getRouteController().getRouteStatus("sync").isStopped());
        int beforeRestart = delivered.size();
        assertThat(beforeRestart).isBetween(350, 999);
        context.stop();

        // a new CamelContext with a new repository over the same file
        org.apache.camel.impl.DefaultCamelContext second = new org.apache.camel.impl.DefaultCamelContext();
        PortaBillingComponent component = new PortaBillingComponent();
        configure(component.getConfiguration());
        second.addComponent("portabilling", component);
        second.getRegistry().bind("cursorStore", FileStateRepository.fileStateRepository(store));
        List<Long> afterRestart = Collections.synchronizedList(new ArrayList<>());
        second.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri + listOptions()).routeId("sync")
                        .process(e -> afterRestart.add(e.getMessage().getHeader(PortaBillingConstants.ID, Long.class)));
            }
        });
        second.start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(
                    () -> ((PortaBillingConsumer) second.getRoute("sync").getConsumer()).getCycles() >= 1);
        } finally {
            second.stop();
        }

        Set<Long> all = new HashSet<>(delivered);
        all.addAll(afterRestart);
        assertThat(all).isEqualTo(new HashSet<>(accountIds(customer)));
        // at most the page in progress at the stop is delivered again
        assertThat(delivered.size() + afterRestart.size() - all.size()).isLessThanOrEqualTo(100);
        assertThat(afterRestart).doesNotHaveDuplicates();
    }

    @Test
    void aPageFetchErrorReachesTheConsumerHealthCheckWithTheHttpStatus() throws Exception {
        long customer = customerWithAccounts(10);
        simulator.injectFault("Account/get_account_list", 1000, Fault.htmlErrorPage(502));

        consume("portabilling:Account/account?filter.i_customer=" + customer
                + "&pageSize=100&delay=100&maxRetries=0", null);
        PortaBillingConsumer consumer = syncConsumer();
        await().atMost(Duration.ofSeconds(30)).until(() -> consumer.getErrorCounter() >= 2);

        org.apache.camel.health.HealthCheck check
                = new org.apache.camel.support.ScheduledPollConsumerHealthCheck(consumer, "consumer:sync");
        org.apache.camel.health.HealthCheck.Result result = check.call();
        assertThat(result.getState()).isEqualTo(org.apache.camel.health.HealthCheck.State.DOWN);
        assertThat(result.getDetails()).containsEntry(org.apache.camel.health.HealthCheck.HTTP_RESPONSE_CODE, 502);
        assertThat(delivered).isEmpty();
    }

    @Test
    void recordsLeavingAndReenteringBeforeTheCursorMidCycleNeitherSkipNorRepeat() throws Exception {
        long customer = customerWithAccounts(600);
        List<Long> all = accountIds(customer);
        List<Long> order = inListOrder(all);
        // every sixth account starts closed: re-opening one puts it back into the list where it sorts
        Set<Long> closedAtStart = new HashSet<>();
        for (int i = 0; i < order.size(); i += 6) {
            simulator.updateAccount(order.get(i), Map.of("bill_status", "C"));
            closedAtStart.add(order.get(i));
        }
        Set<Long> changed = Collections.synchronizedSet(new HashSet<>());
        List<Long> reopenable = new ArrayList<>(order.stream().filter(closedAtStart::contains).toList());
        // before every page fetch: the 6 records delivered last leave the list (just behind the cursor), and 4 closed
        // records that sort before the cursor come back (they enter behind it)
        simulator.onCall("Account/get_account_list", (n, params) -> {
            List<Long> snapshot = new ArrayList<>(delivered);
            if (snapshot.isEmpty()) {
                return;
            }
            for (int i = 0; i < 6 && i < snapshot.size(); i++) {
                long id = snapshot.get(snapshot.size() - 1 - i);
                if (changed.add(id)) {
                    simulator.updateAccount(id, Map.of("bill_status", "C"));
                }
            }
            int cursorAt = order.indexOf(snapshot.get(snapshot.size() - 1));
            for (int k = 0, done = 0; k < reopenable.size() && done < 4; k++) {
                long id = reopenable.get(k);
                if (order.indexOf(id) < cursorAt && changed.add(id)) {
                    simulator.updateAccount(id, Map.of("bill_status", "O"));
                    done++;
                }
            }
        });

        consume("portabilling:Account/account?filter.i_customer=" + customer
                + "&filter.bill_status=O&pageSize=50&delay=3600000", null);
        await().atMost(Duration.ofSeconds(60)).until(() -> syncConsumer().getCycles() >= 1);
        simulator.clearHooks();

        assertThat(delivered).doesNotHaveDuplicates();
        List<Long> openThroughout = all.stream().filter(id -> !closedAtStart.contains(id) && !changed.contains(id)).toList();
        assertThat(openThroughout).hasSizeGreaterThan(300);
        assertThat(new HashSet<>(delivered)).as("every record open for the whole cycle").containsAll(openThroughout);
        assertThat(changed.stream().filter(closedAtStart::contains).count()).as("records re-opened behind the cursor")
                .isGreaterThan(20);
        assertThat(changed).hasSizeGreaterThan(80);
    }
}
