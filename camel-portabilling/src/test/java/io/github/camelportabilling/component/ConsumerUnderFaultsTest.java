package io.github.camelportabilling.component;

import java.time.Duration;
import java.util.BitSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelportabilling.simulator.Fault;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The consumer over 100,000 records while 5% of the page fetches fail in the ways proxies fail: exactly 100,000
 * records delivered, none lost, none twice; here in i_customer order (the seeded names sort the same way), and in
 * {@link ConsumerUnderFaultsShuffledTest} in an arbitrary stable order.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class ConsumerUnderFaultsTest extends SimulatorTestSupport {

    @Override
    protected io.github.camelportabilling.simulator.ListOrder listOrder() {
        return io.github.camelportabilling.simulator.ListOrder.KEY;
    }

    private static final int RECORDS = 100_000;

    /** Options added to the consumer URI: variants run it with other ways of fetching pages. */
    protected String listOptions() {
        return "";
    }

    /** One bit per i_customer (1..RECORDS): a second delivery of the same id is counted as a duplicate. */
    private final BitSet seen = new BitSet(RECORDS + 1);
    private final AtomicInteger delivered = new AtomicInteger();
    private final AtomicInteger duplicates = new AtomicInteger();

    @BeforeAll
    static void seed() {
        simulator.seedCustomers(RECORDS);
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // maxRetries=1: most failures are absorbed inside the call, the rest fail the poll and the same page
                // is fetched again at the next one
                from("portabilling:Customer/customer?mode=incremental&pageSize=500&delay=10&maxRetries=1"
                     + "&retryBackoff=1" + listOptions())
                        .routeId("sync").autoStartup(false)
                        .process(e -> {
                            int id = e.getMessage().getHeader(PortaBillingConstants.ID, Long.class).intValue();
                            synchronized (seen) {
                                if (seen.get(id)) {
                                    duplicates.incrementAndGet();
                                } else {
                                    seen.set(id);
                                }
                            }
                            delivered.incrementAndGet();
                        });
            }
        };
    }

    @Test
    void everyRecordIsDeliveredExactlyOnceWhileFivePercentOfPageFetchesFail() throws Exception {
        simulator.injectFaultRandomly("Customer/get_customer_list", 0.05, 5, Fault.httpStatus(503),
                Fault.htmlErrorPage(502), Fault.dropBeforeCommit(), Fault.httpStatus(504));

        context.getRouteController().startRoute("sync");
        PortaBillingConsumer consumer = (PortaBillingConsumer) context.getRoute("sync").getConsumer();
        await().atMost(Duration.ofSeconds(240)).until(() -> consumer.getCycles() >= 2);
        context.getRouteController().stopRoute("sync");

        assertThat(delivered.get()).isEqualTo(RECORDS);
        assertThat(duplicates.get()).isZero();
        assertThat(seen.cardinality()).isEqualTo(RECORDS);
        long failedFetches = simulator.requests().stream()
                .filter(r -> r.serviceMethod().equals("Customer/get_customer_list") && r.status() != 200).count();
        assertThat(failedFetches).as("page fetches that failed").isPositive();
    }
}
