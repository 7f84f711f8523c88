package io.github.camelportabilling.component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelportabilling.simulator.RecordedRequest;
import org.apache.camel.Exchange;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.RouteBuilder;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Pages fetched ahead, as the simulator sees them: with prefetch the next page is requested while the route still works
 * on the one before; with parallelPages=N, N pages are in the server at once and never more; a stop leaves no call in
 * flight and no thread behind. The no-loss suites run with these settings too (the *ParallelTest and *SequentialTest
 * variants).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FetchAheadTest extends SimulatorTestSupport {

    private static final String LIST = "Account/get_account_list";

    private final List<Long> delivered = Collections.synchronizedList(new ArrayList<>());

    @Override
    public boolean isUseRouteBuilder() {
        return false;
    }

    private static long customerWithAccounts(int n) {
        long customer = newCustomer("Ahead Co " + System.nanoTime());
        for (int i = 0; i < n; i++) {
            newAccount(customer, String.format("a%d-%04d", customer, i));
        }
        return customer;
    }

    private static List<RecordedRequest> listCalls() {
        return simulator.requests().stream().filter(r -> LIST.equals(r.serviceMethod())).toList();
    }

    private void consume(String uri, org.apache.camel.Processor perRecord) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("sync").process(e -> {
                    if (perRecord != null) {
                        perRecord.process(e);
                    }
                    delivered.add(e.getMessage().getHeader(PortaBillingConstants.ID, Long.class));
                });
            }
        });
        context.start();
    }

    private PortaBillingConsumer syncConsumer() {
        return (PortaBillingConsumer) context.getRoute("sync").getConsumer();
    }

    private static boolean lastOfFirstPage(Exchange e) {
        return Integer.valueOf(0).equals(e.getMessage().getHeader(PortaBillingConstants.PAGE_OFFSET))
               && e.getProperty(Exchange.BATCH_COMPLETE, false, Boolean.class);
    }

    @Test
    void withPrefetchTheNextPageIsRequestedWhileTheRouteStillWorksOnTheOneBefore() throws Exception {
        long customer = customerWithAccounts(30);
        AtomicBoolean nextPageArrived = new AtomicBoolean();
        AtomicLong firstPageDone = new AtomicLong();

        consume("portabilling:Account/account?filter.i_customer=" + customer + "&pageSize=10&delay=3600000", e -> {
            if (lastOfFirstPage(e)) {
                // the route holds the first page's last record until the server has the second page's request
                try {
                    await().atMost(Duration.ofSeconds(10)).until(() -> listCalls().size() >= 2);
                    nextPageArrived.set(true);
                } catch (ConditionTimeoutException timeout) {
                    // asserted below
                }
                firstPageDone.set(System.nanoTime());
            }
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> syncConsumer().getCycles() >= 1);

        assertThat(nextPageArrived).as("the second page was requested while the first was processed").isTrue();
        assertThat(listCalls().get(1).receivedNanos()).isLessThan(firstPageDone.get());
        assertThat(delivered).hasSize(30).doesNotHaveDuplicates();
        assertThat(listCalls()).hasSize(3);
    }

    @Test
    void withoutPrefetchTheNextPageIsRequestedOnlyOnceThePageBeforeIsDone() throws Exception {
        long customer = customerWithAccounts(30);
        AtomicLong firstPageDone = new AtomicLong();

        consume("portabilling:Account/account?filter.i_customer=" + customer
                + "&pageSize=10&delay=3600000&prefetch=false", e -> {
                    if (lastOfFirstPage(e)) {
                        firstPageDone.set(System.nanoTime());
                    }
                });
        await().atMost(Duration.ofSeconds(60)).until(() -> syncConsumer().getCycles() >= 1);

        assertThat(listCalls().get(1).receivedNanos()).isGreaterThan(firstPageDone.get());
        assertThat(delivered).hasSize(30).doesNotHaveDuplicates();
    }

    @Test
    void parallelPagesAreInTheServerAtOnceButNeverMoreThanTheSettingPlusTheProducersOwn() throws Exception {
        long customer = customerWithAccounts(400);
        simulator.setLatency(Duration.ofMillis(20), Duration.ZERO);
        // the four windows fetched ahead after the first page are held in the server until all four are there
        CountDownLatch fourAhead = new CountDownLatch(4);
        AtomicBoolean allFourAtOnce = new AtomicBoolean();
        simulator.onCall(LIST, (n, params) -> {
            if (n >= 2 && n <= 5) {
                fourAhead.countDown();
                try {
                    if (fourAhead.await(10, TimeUnit.SECONDS) && n == 5) {
                        allFourAtOnce.set(true);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        AtomicBoolean walking = new AtomicBoolean(true);
        AtomicLong producerCalls = new AtomicLong();
        long someAccount = newAccount(newCustomer("Producer Co " + System.nanoTime()), "p" + System.nanoTime());
        Thread producer = new Thread(() -> {
            while (walking.get()) {
                template.requestBody("portabilling:Account/account?operation=get", someAccount);
                producerCalls.incrementAndGet();
            }
        });

        consume("portabilling:Account/account?filter.i_customer=" + customer + "&pageSize=20&delay=3600000"
                + "&parallelPages=4", null);
        producer.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> syncConsumer().getCycles() >= 1);
        walking.set(false);
        producer.join(10_000);

        assertThat(allFourAtOnce).as("four page fetches in the server at once").isTrue();
        // four page fetches and the one producer call at most
        assertThat(simulator.inFlightHighWaterMark()).isBetween(4, 5);
        assertThat(producerCalls.get()).isPositive();
        assertThat(delivered).hasSize(400).doesNotHaveDuplicates();
        assertThat(delivered).as("in list order (by id, here in creation order)").isSorted();
        // the total caps the windows fetched ahead: as many calls as one page at a time
        assertThat(listCalls()).hasSize(20);
    }

    @Test
    void aStopWaitsForThePageFetchesInFlightAndLeavesNoThreadBehind() throws Exception {
        long customer = customerWithAccounts(200);
        simulator.setLatency(Duration.ofSeconds(3), Duration.ZERO);
        CountDownLatch midPage = new CountDownLatch(1);

        consume("portabilling:Account/account?filter.i_customer=" + customer + "&pageSize=10&delay=3600000"
                + "&parallelPages=4", e -> {
                    if (delivered.size() == 4) {
                        // the windows of the next pages are sent while the first page is processed
                        await().atMost(Duration.ofSeconds(10)).until(() -> simulator.inFlight() > 0);
                        midPage.countDown();
                    }
                });
        assertThat(midPage.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(simulator.inFlight()).as("windows of the next pages in flight at the stop").isPositive();
        context.getRouteController().stopRoute("sync");

        assertThat(simulator.inFlight()).as("page fetches in flight after the stop").isZero();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().contains("PortaBillingPages"));
        assertThat(delivered).doesNotHaveDuplicates();
    }

    @Test
    void streamListFetchesTheNextPageWhileThePageBeforeIsIterated() throws Exception {
        simulator.seedCustomers(150);
        context.start();

        Iterator<?> it = template.requestBody("portabilling:Customer/customer?operation=list&streamList=true"
                                              + "&pageSize=50", (Object) null, Iterator.class);
        // fetching ahead starts with the iteration
        assertThat(simulator.callCount("Customer/get_customer_list")).isEqualTo(1);
        it.next();
        await().atMost(Duration.ofSeconds(10)).until(() -> simulator.callCount("Customer/get_customer_list") == 2);
        for (int i = 1; i < 51; i++) {
            it.next();
        }
        // the second page taken: the third is on its way, and one page ahead is all
        await().atMost(Duration.ofSeconds(10)).until(() -> simulator.callCount("Customer/get_customer_list") == 3);
        assertThat(simulator.inFlight()).isZero();
        assertThat(simulator.callCount("Customer/get_customer_list")).isEqualTo(3);
        ((java.io.Closeable) it).close();
        assertThat(it.hasNext()).isFalse();
    }

    @Test
    void aWindowFetchedAheadWhoseBoundaryNoLongerMatchesIsFetchedAgainAndTheCursorMovesOnlyAfterAPage()
            throws Exception {
        long customer = customerWithAccounts(100);
        AtomicBoolean moved = new AtomicBoolean();
        AtomicLong offsetWhileTheFirstPageWasProcessed = new AtomicLong(-1);
        AtomicLong offsetOnTheSecondPage = new AtomicLong(-1);
        AtomicLong callsBeforeTheMove = new AtomicLong();

        consume("portabilling:Account/account?filter.i_customer=" + customer + "&filter.bill_status=O&pageSize=10"
                + "&delay=3600000&parallelPages=4", e -> {
                    if (lastOfFirstPage(e) && moved.compareAndSet(false, true)) {
                        // the windows of the next four pages are in; the position is still the first page's
                        await().atMost(Duration.ofSeconds(10))
                                .until(() -> listCalls().size() >= 5 && simulator.inFlight() == 0);
                        offsetWhileTheFirstPageWasProcessed.set(syncConsumer().getOffset());
                        callsBeforeTheMove.set(listCalls().size());
                        // then three records of the first page leave the list, before the cursor: every window
                        // planned from here on starts three records earlier than those fetched ahead
                        for (int i = 0; i < 3; i++) {
                            simulator.updateAccount(delivered.get(i), java.util.Map.of("bill_status", "C"));
                        }
                    } else if (offsetOnTheSecondPage.get() < 0 && moved.get()) {
                        offsetOnTheSecondPage.set(syncConsumer().getOffset());
                    }
                });
        await().atMost(Duration.ofSeconds(60)).until(() -> syncConsumer().getCycles() >= 1);

        assertThat(offsetWhileTheFirstPageWasProcessed.get()).as("position while page 1 is processed").isZero();
        assertThat(offsetOnTheSecondPage.get()).as("position once page 1 is done").isEqualTo(10);
        assertThat(callsBeforeTheMove.get()).isEqualTo(5);
        assertThat(delivered).as("every record once, the three that left included (delivered before they left)")
                .hasSize(100).doesNotHaveDuplicates();
        // some window fetched ahead before the move was not used: its page was asked for again, three records
        // earlier
        List<Integer> offsets = listCalls().stream().map(r -> ((Number) r.params().get("offset")).intValue())
                .toList();
        assertThat(offsets.stream().anyMatch(o -> offsets.contains(o - 3))).as("offsets of the list calls " + offsets)
                .isTrue();
        assertThat(offsets.size()).as("more calls than pages: windows fetched again").isGreaterThan(11);
    }

    @Test
    void badFetchAheadOptionsAreRefusedWithTheirNames() {
        assertThatThrownBy(() -> context.getEndpoint("portabilling:Account/account?parallelPages=0"))
                .isInstanceOf(ResolveEndpointFailedException.class).hasMessageContaining("parallelPages");
        assertThatThrownBy(() -> context.getEndpoint("portabilling:Account/account?parallelPages=many"))
                .hasMessageContaining("parallelPages").hasMessageContaining("many");
        assertThatThrownBy(() -> context.getEndpoint("portabilling:Account/account?parallelPages=30"))
                .hasMessageContaining("parallelPages=30").hasMessageContaining("maxConnections is 20");
        assertThatThrownBy(() -> context.getEndpoint("portabilling:Account/account?parallelPages=2&prefetch=false"))
                .hasMessageContaining("prefetch=false");
        assertThat(context.getEndpoint("portabilling:Account/account?parallelPages=30&maxConnections=30",
                PortaBillingEndpoint.class).getParallelPages()).isEqualTo(30);
    }
}
