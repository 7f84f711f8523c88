package io.github.camelportabilling.simulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Map;

import static io.github.camelportabilling.simulator.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

@Timeout(60)
class ReadOnlyModeTest {

    @Test
    void writesAnswerReadOnlyModeWhileReadsGoOn() throws Exception {
        try (PortaBillingSimulator sim = PortaBillingSimulator.builder().seedAccounts(2).start()) {
            ApiClient api = new ApiClient(sim.baseUrl());
            String token = api.login();
            sim.setReadOnly(true);

            Map<String, Map<String, Object>> writes = Map.of(
                    "Customer/add_customer", Map.of("customer_info", map("name", "A", "iso_4217", "USD")),
                    "Customer/update_customer", Map.of("customer_info", map("i_customer", 1, "name", "B")),
                    "Customer/terminate_customer", Map.of("i_customer", 1),
                    "Customer/delete_customer", Map.of("i_customer", 1),
                    "Account/add_account", Map.of("account_info", map("id", "x", "billing_model", 1, "i_product", 1, "i_customer", 1)),
                    "Account/update_account", Map.of("account_info", map("i_account", 100001, "blocked", "Y")),
                    "Account/terminate_account", Map.of("i_account", 100001));
            writes.forEach((method, params) -> {
                ApiClient.Response r = api.call(method, params, token);
                assertThat(r.status()).as(method).isEqualTo(500);
                assertThat(r.faultcode()).as(method).isEqualTo("read_only_mode");
            });
            assertThat(sim.customerCount()).isEqualTo(1);
            assertThat(sim.account(100001)).containsEntry("blocked", "N").containsEntry("bill_status", "O");

            assertThat(api.call("Account/get_account_list", Map.of(), token).list("account_list")).hasSize(2);
            assertThat(api.call("Customer/get_customer_info", Map.of("i_customer", 1), token).status()).isEqualTo(200);
            assertThat(api.call("Session/login", Map.of("login", "demo", "password", "demo-password")).status()).isEqualTo(200);

            sim.setReadOnly(false);
            assertThat(api.call("Account/terminate_account", Map.of("i_account", 100001), token).status()).isEqualTo(200);
        }
    }
}
