package io.github.camelportabilling.component;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.camelportabilling.simulator.Fault;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * streamList over HTTP in the simulator's default list order (customers by name); {@link StreamListKeyOrderTest} runs
 * the same cases in i_customer order. Besides 10,000 seeded customers (whose names happen to sort like their keys),
 * 500 are named in a scrambled order so that name order and key order differ.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class StreamListTest extends SimulatorTestSupport {

    private static final int RECORDS = 10_500;

    @BeforeAll
    static void seed() {
        simulator.seedCustomers(10_000);
        java.util.List<Integer> numbers = new java.util.ArrayList<>();
        for (int i = 0; i < 500; i++) {
            numbers.add(i);
        }
        java.util.Collections.shuffle(numbers, new java.util.Random(11));
        for (int n : numbers) {
            newCustomer(String.format("Client %05d", n));
        }
    }

    /** Options added to every streamList URI of the suite: variants run it with other ways of fetching pages. */
    protected String listOptions() {
        return "";
    }

    /** The page fetches the suite's options allow in flight at once. */
    protected int parallelPages() {
        return 1;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:walk")
                        .to("portabilling:Customer/customer?operation=list&streamList=true&pageSize=100" + listOptions())
                        .split(body()).streaming()
                        .to("mock:records");
            }
        };
    }

    @Test
    void streamListWalksEveryRecordFetchingOnePageAtATime() throws Exception {
        MockEndpoint records = getMockEndpoint("mock:records");
        records.expectedMessageCount(RECORDS);

        Exchange out = template.send("direct:walk", e -> e.getMessage().setBody(null));

        assertThat(out.getException()).isNull();
        records.assertIsSatisfied();
        List<Long> ids = records.getExchanges().stream()
                .map(e -> ((Number) e.getMessage().getBody(Map.class).get("i_customer")).longValue())
                .toList();
        assertThat(ids).doesNotHaveDuplicates().hasSize(RECORDS);
        List<String> names = records.getExchanges().stream()
                .map(e -> (String) e.getMessage().getBody(Map.class).get("name")).toList();
        if (listOrder().equals(io.github.camelportabilling.simulator.ListOrder.KEY)) {
            assertThat(ids).isSorted();
        } else {
            assertThat(names).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
            assertThat(ids).isNotEqualTo(ids.stream().sorted().toList());
        }
        // 105 pages of 100; each window starts 8 records early and reaches 8 past the page, and the last one holds
        // fewer than that: the end
        assertThat(simulator.callCount("Customer/get_customer_list")).isEqualTo(105);
        // the furthest window (pages fetched in parallel may arrive in any order)
        assertThat(simulator.requests().stream().filter(r -> "Customer/get_customer_list".equals(r.serviceMethod()))
                .max(java.util.Comparator.comparing(r -> ((Number) r.params().get("offset")).intValue()))
                .orElseThrow().params()).containsEntry("offset", 10_392).containsEntry("limit", 116)
                .doesNotContainKey("get_total");
    }

    @Test
    void includeTotalAsksForTheTotalOnTheFirstPageOnly() throws Exception {
        Exchange out = template.send("portabilling:Customer/customer?operation=list&streamList=true&pageSize=1000"
                                     + "&includeTotal=true" + listOptions(), e -> e.getMessage().setBody(null));
        int count = 0;
        for (java.util.Iterator<?> it = out.getMessage().getBody(java.util.Iterator.class); it.hasNext(); it.next()) {
            count++;
        }

        assertThat(count).isEqualTo(RECORDS);
        assertThat(out.getMessage().getHeader(PortaBillingConstants.TOTAL, Long.class)).isEqualTo((long) RECORDS);
        List<io.github.camelportabilling.simulator.RecordedRequest> calls = simulator.requests().stream()
                .filter(r -> "Customer/get_customer_list".equals(r.serviceMethod())).toList();
        assertThat(calls).hasSize(11);
        assertThat(calls.get(0).params()).containsEntry("get_total", 1);
        assertThat(calls.subList(1, calls.size())).allSatisfy(r -> assertThat(r.params()).doesNotContainKey("get_total"));
    }

    @Test
    void withoutPrefetchTheFirstPageIsFetchedByTheProducerAndTheRestOnlyWhenIterated() {
        Object body = template.requestBody("portabilling:Customer/customer?operation=list&streamList=true&pageSize=50"
                                           + "&prefetch=false", (Object) null);

        assertThat(body).isInstanceOf(java.util.Iterator.class);
        assertThat(simulator.callCount("Customer/get_customer_list")).isEqualTo(1);
        java.util.Iterator<?> it = (java.util.Iterator<?>) body;
        for (int i = 0; i < 51; i++) {
            it.next();
        }
        assertThat(simulator.callCount("Customer/get_customer_list")).isEqualTo(2);
    }

    @Test
    void aFailedPageFetchSurfacesAsAnExceptionFromTheIterator() throws Exception {
        // the third page's window (it starts 8 records early), however the calls arrive
        simulator.onCall("Customer/get_customer_list", (n, params) -> {
            if (Integer.valueOf(192).equals(params.get("offset"))) {
                simulator.injectFault("Customer/get_customer_list", 1,
                        Fault.apiFault("Server.Customer.get_customer_list.internal_error", "database went away"));
            }
        });
        MockEndpoint records = getMockEndpoint("mock:records");

        Exchange out = template.send("direct:walk", e -> e.getMessage().setBody(null));

        assertThat(out.getException()).isInstanceOf(PortaBillingException.class)
                .hasMessageContaining("Server.Customer.get_customer_list.internal_error");
        // pages 1 and 2 (200 records) arrived; the splitter looks one record ahead in streaming mode, so the failed
        // third fetch surfaces while the 200th record is being taken
        assertThat(records.getReceivedCounter()).isBetween(199, 200);
        // with pages fetched ahead, those already asked for after the third are fetched and dropped
        assertThat(simulator.callCount("Customer/get_customer_list")).isBetween(3L, 2L + parallelPages());
    }
}
