package io.github.camelportabilling.component;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import io.github.camelportabilling.simulator.RecordedRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** streamList takes limit (page size) and offset (start of the walk) from the body, as the adoc says. */
class StreamListBodyParamsTest extends SimulatorTestSupport {

    private static final int RECORDS = 230;

    @BeforeAll
    static void seed() {
        simulator.seedCustomers(RECORDS);
    }

    @Test
    @SuppressWarnings("unchecked")
    void limitAndOffsetInTheBodyArePageSizeAndStart() {
        Object body = template.requestBody("portabilling:Customer/customer?operation=list&streamList=true&pageSize=100",
                Map.of("limit", 50, "offset", 100));

        List<Long> ids = new ArrayList<>();
        for (Iterator<Map<String, Object>> it = (Iterator<Map<String, Object>>) body; it.hasNext(); ) {
            ids.add(((Number) it.next().get("i_customer")).longValue());
        }

        assertThat(ids).hasSize(RECORDS - 100).doesNotHaveDuplicates().isSorted();
        assertThat(ids.get(0)).isEqualTo(101L);
        List<RecordedRequest> calls = simulator.requests().stream()
                .filter(r -> "Customer/get_customer_list".equals(r.serviceMethod())).toList();
        assertThat(calls.get(0).params()).containsEntry("offset", 100);
        // each call asks for the page plus up to 8 landmark records on each side, for the boundary checks
        assertThat(calls).allSatisfy(r -> assertThat((Integer) r.params().get("limit")).isBetween(50, 50 + 16));
        assertThat(calls).hasSize(3);
    }

    @Test
    void aFaultOnALaterPageSetsTheFaultCodePropertyForErrorHandlers() throws Exception {
        context.addRoutes(new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                from("direct:walk")
                        .to("portabilling:Customer/customer?operation=list&streamList=true&pageSize=100")
                        .split(body()).streaming().to("mock:records");
            }
        });
        simulator.onCall("Customer/get_customer_list", (n, params) -> {
            if (n == 1) {
                simulator.injectFault("Customer/get_customer_list", 1,
                        io.github.camelportabilling.simulator.Fault.apiFault("Server.Customer.internal", "gone"));
            }
        });

        org.apache.camel.Exchange out = template.send("direct:walk", e -> e.getMessage().setBody(null));

        assertThat(out.getException()).isInstanceOf(PortaBillingException.class);
        assertThat(out.getProperty(PortaBillingException.FAULT_CODE_PROPERTY)).isEqualTo("Server.Customer.internal");
    }

    @Test
    void headersStillWinOverTheBody() {
        template.requestBodyAndHeaders("portabilling:Customer/customer?operation=list&streamList=true",
                Map.of("limit", 50, "offset", 100),
                Map.of(PortaBillingConstants.LIMIT, 20, PortaBillingConstants.OFFSET, 5));

        assertThat(simulator.requests().stream().filter(r -> "Customer/get_customer_list".equals(r.serviceMethod()))
                .findFirst().orElseThrow().params()).containsEntry("offset", 5)
                .hasEntrySatisfying("limit", limit -> assertThat((Integer) limit).isBetween(20, 20 + 16));
    }
}
