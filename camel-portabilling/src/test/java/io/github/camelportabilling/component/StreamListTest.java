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

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class StreamListTest extends SimulatorTestSupport {

    private static final int RECORDS = 10_000;

    @BeforeAll
    static void seed() {
        simulator.seedCustomers(RECORDS);
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:walk")
                        .to("portabilling:Customer/customer?operation=list&streamList=true&pageSize=100")
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
        assertThat(ids).doesNotHaveDuplicates().isSorted().hasSize(RECORDS);
        // 100 full pages, and one more that comes back short and ends the walk
        assertThat(simulator.callCount("Customer/get_customer_list")).isEqualTo(101);
        assertThat(simulator.lastRequest("Customer/get_customer_list").params()).containsEntry("offset", 9_999)
                .containsEntry("limit", 101);
    }

    @Test
    void theFirstPageIsFetchedByTheProducerAndTheRestOnlyWhenIterated() {
        Object body = template.requestBody("portabilling:Customer/customer?operation=list&streamList=true&pageSize=50",
                (Object) null);

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
        simulator.onCall("Customer/get_customer_list", (n, params) -> {
            if (n == 3) {
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
        assertThat(simulator.callCount("Customer/get_customer_list")).isEqualTo(3);
    }
}
