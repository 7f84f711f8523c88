package io.github.camelportabilling.component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelportabilling.simulator.Fault;
import io.github.camelportabilling.simulator.RecordedRequest;
import org.apache.camel.ServiceStatus;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A record whose exchange always fails: each failure is a failed poll (so backoffErrorThreshold/backoffMultiplier
 * space the offers out, as the simulator's receipt times show), the route's error handler handles each failure
 * once, and after maxPageAttempts offers the record is skipped or the route stops.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PoisonRecordTest extends SimulatorTestSupport {

    private static final long DELAY = 100;

    private final List<Long> delivered = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger offers = new AtomicInteger();
    private final AtomicInteger errorHandlerRuns = new AtomicInteger();
    private final AtomicInteger fetchFailuresHandled = new AtomicInteger();

    @Override
    public boolean isUseRouteBuilder() {
        return false;
    }

    private long poison;

    private long customerWithPoison(int n, int poisonIndex) {
        long customer = newCustomer("Poison Co " + System.nanoTime());
        for (int i = 0; i < n; i++) {
            long id = newAccount(customer, String.format("x%d-%03d", customer, i));
            if (i == poisonIndex) {
                poison = id;
            }
        }
        return customer;
    }

    private void consume(String uri) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                onException(Exception.class).handled(false).process(e -> {
                    if (firstCycle()) {
                        errorHandlerRuns.incrementAndGet();
                    }
                    if (!(e.getMessage().getBody() instanceof java.util.Map)) {
                        fetchFailuresHandled.incrementAndGet(); // bridged: the body is the error message
                    }
                });
                from(uri).routeId("sync").autoStartup(false).process(e -> {
                    Long id = e.getMessage().getHeader(PortaBillingConstants.ID, Long.class);
                    if (id == poison) {
                        if (firstCycle()) {
                            offers.incrementAndGet();
                        }
                        throw new IllegalStateException("the CRM refuses record " + id);
                    }
                    delivered.add(id);
                });
            }
        });
        context.start();
        context.getRouteController().startRoute("sync");
    }

    /** Counts only what happens in the first cycle: the next one offers the (skipped) record again. */
    private boolean firstCycle() {
        return syncConsumer().getCycles() == 0;
    }

    private PortaBillingConsumer syncConsumer() {
        return (PortaBillingConsumer) context.getRoute("sync").getConsumer();
    }

    /** When the windows holding the record at {@code position} were fetched (not the next page, fetched ahead). */
    private static List<Long> fetchTimes(int position) {
        return simulator.requests().stream().filter(r -> "Account/get_account_list".equals(r.serviceMethod()))
                .filter(r -> ((Number) r.params().get("offset")).intValue() <= position)
                .map(RecordedRequest::receivedNanos).toList();
    }

    @Test
    void aPoisonRecordIsOfferedMaxPageAttemptsTimesWithBackoffThenSkippedAndTheRestIsDelivered() throws Exception {
        long customer = customerWithPoison(30, 4);

        // maxPageAttempts=3 and poisonRecordAction=skip are the defaults
        consume("portabilling:Account/account?filter.i_customer=" + customer + "&pageSize=10&delay=" + DELAY
                + "&backoffErrorThreshold=1&backoffMultiplier=4&bridgeErrorHandler=true");
        await().atMost(Duration.ofSeconds(30)).until(() -> offers.get() >= 3);
        await().atMost(Duration.ofSeconds(30)).until(() -> syncConsumer().getCycles() >= 1);
        context.getRouteController().stopRoute("sync");

        List<Long> times = fetchTimes(4);
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < Math.min(3, times.size()); i++) {
            gaps.add((times.get(i) - times.get(i - 1)) / 1_000_000);
        }
        System.out.printf("poison record: offers %d, error handler runs %d, gaps between offers %s ms (delay %d ms)%n",
                offers.get(), errorHandlerRuns.get(), gaps, DELAY);
        // each failure reached the error handler once: not a second time through bridgeErrorHandler
        assertThat(errorHandlerRuns.get()).isEqualTo(offers.get());
        assertThat(fetchFailuresHandled.get()).isZero();
        // the page with the poison record was fetched once per offer; after each failed poll the backoff skips
        // scheduled polls, so each gap is several delays (a poll that returned normally would come after one)
        assertThat(gaps).hasSize(2).allSatisfy(gap -> assertThat(gap).isGreaterThanOrEqualTo(3 * DELAY));
        assertThat(offers.get()).isEqualTo(3);
        assertThat(syncConsumer().getSkipped()).isEqualTo(1);
        assertThat(new java.util.HashSet<>(delivered)).hasSize(29).doesNotContain(poison);
    }

    @Test
    void withPoisonRecordActionStopTheRouteStopsAtTheRecord() throws Exception {
        long customer = customerWithPoison(30, 14);

        consume("portabilling:Account/account?filter.i_customer=" + customer + "&pageSize=10&delay=20"
                + "&maxPageAttempts=2&poisonRecordAction=stop");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> context.getRouteController().getRouteStatus("sync") == ServiceStatus.Stopped);

        assertThat(offers.get()).isEqualTo(2);
        assertThat(errorHandlerRuns.get()).isEqualTo(2);
        // the records before it were delivered, none after it
        assertThat(delivered).hasSize(14).doesNotHaveDuplicates();
        assertThat(syncConsumer().getSkipped()).isZero();
    }

    @Test
    void aFailedPageFetchReachesTheBridgedErrorHandlerOnceAndCountsAsAFailedPoll() throws Exception {
        long customer = customerWithPoison(5, -1);
        simulator.injectFault("Account/get_account_list", 2, Fault.htmlErrorPage(502));

        consume("portabilling:Account/account?filter.i_customer=" + customer + "&pageSize=10&delay=20&maxRetries=0"
                + "&bridgeErrorHandler=true");
        await().atMost(Duration.ofSeconds(30)).until(() -> syncConsumer().getCycles() >= 1);

        context.getRouteController().stopRoute("sync");

        assertThat(fetchFailuresHandled.get()).as("two failed fetches, each bridged once").isEqualTo(2);
        assertThat(new java.util.HashSet<>(delivered)).hasSize(5);
        assertThat(simulator.requests().stream().filter(r -> r.status() == 502).count()).isEqualTo(2);
    }
}
