package io.github.camelportabilling.component;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A get whose answer holds more than the record keeps the rest reachable in the CamelPortaBillingSiblings header. */
class GetAnswerSiblingsTest extends SimulatorTestSupport {

    private static final String ACCOUNTS = "portabilling:Account/account?operation=get";

    @Test
    @SuppressWarnings("unchecked")
    void withCustomerInfoTheCustomerIsInTheSiblingsHeader() {
        long customer = newCustomer("Sibling Co");
        long account = newAccount(customer, "sib-" + System.nanoTime());
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("i_account", account);
        params.put("with_customer_info", 1);

        Exchange out = template.send(ACCOUNTS, e -> e.getMessage().setBody(params));

        assertThat(out.getException()).isNull();
        assertThat(simulator.lastRequest("Account/get_account_info").params()).containsEntry("with_customer_info", 1);
        assertThat(simulator.lastRequest("Account/get_account_info").responseBody()).contains("\"customer_info\"");
        assertThat(out.getMessage().getBody(Map.class)).containsEntry("i_account", (int) account);
        Map<String, Object> siblings = out.getMessage().getHeader("CamelPortaBillingSiblings", Map.class);
        assertThat(siblings).containsOnlyKeys("customer_info");
        assertThat((Map<String, Object>) siblings.get("customer_info")).containsEntry("i_customer", (int) customer)
                .containsEntry("name", "Sibling Co");
    }

    @Test
    void anAnswerWithOnlyTheRecordLeavesNoSiblingsHeaderBehind() {
        long account = newAccount(newCustomer("Lonely Co"), "lonely-" + System.nanoTime());

        Exchange out = template.send(ACCOUNTS, e -> {
            e.getMessage().setBody(account);
            e.getMessage().setHeader("CamelPortaBillingSiblings", Map.of("stale", 1));
        });

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeaders()).doesNotContainKey("CamelPortaBillingSiblings");
    }
}
