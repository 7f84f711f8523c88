package io.github.camelportabilling.simulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.github.camelportabilling.simulator.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Java data API, checked against what HTTP clients see. */
@Timeout(60)
class DirectDataApiTest {

    @Test
    void addedRecordsLookTheSameOverHttp() throws Exception {
        try (PortaBillingSimulator sim = PortaBillingSimulator.start(0)) {
            long c = sim.addCustomer(map("name", "Direct", "iso_4217", "GBP", "email", "d@example.com"));
            long a = sim.addAccount(map("id", "direct-1", "billing_model", -1, "i_product", 3, "i_customer", c));
            ApiClient api = new ApiClient(sim.baseUrl());
            String token = api.login();

            assertThat(api.call("Customer/get_customer_info", Map.of("i_customer", c), token).object("customer_info"))
                    .isEqualTo(ApiClient.JSON.convertValue(sim.customer(c), Map.class));
            assertThat(api.call("Account/get_account_info", Map.of("i_account", a), token).object("account_info"))
                    .isEqualTo(ApiClient.JSON.convertValue(sim.account(a), Map.class));
            assertThat(sim.account(a)).containsEntry("iso_4217", "GBP").containsEntry("billing_model", -1);
            assertThat(sim.customer(c).get("balance")).isEqualTo(0.0);
            assertThat(sim.customer(999)).isNull();
            assertThat(sim.account(1)).isNull();
        }
    }

    @Test
    void updateDeleteAndCounts() throws Exception {
        try (PortaBillingSimulator sim = PortaBillingSimulator.start(0)) {
            long c = sim.addCustomer(map("name", "Before", "iso_4217", "USD"));
            sim.updateCustomer(c, map("name", "After", "bill_status", "S"));
            assertThat(sim.customer(c)).containsEntry("name", "After").containsEntry("bill_status", "S");
            assertThat(sim.customerCount()).isEqualTo(1);

            long a = sim.addAccount(map("id", "acc", "billing_model", 1, "i_product", 1, "i_customer", c));
            sim.updateAccount(a, map("blocked", "Y"));
            assertThat(sim.account(a)).containsEntry("blocked", "Y");
            assertThat(sim.accountCount()).isEqualTo(1);
            sim.deleteAccountRecord(a);
            assertThat(sim.accountCount()).isZero();

            sim.deleteCustomerRecord(c);
            assertThat(sim.customer(c)).isNull();
            assertThat(sim.customerCount()).isZero();
            sim.deleteCustomerRecord(c); // no-op
        }
    }

    @Test
    void validationProblemsAreIllegalArgumentExceptions() throws Exception {
        try (PortaBillingSimulator sim = PortaBillingSimulator.start(0)) {
            assertThatThrownBy(() -> sim.addCustomer(map("name", "x"))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("iso_4217");
            assertThatThrownBy(() -> sim.addAccount(map("id", "x", "billing_model", 1, "i_product", 1, "i_customer", 5)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Customer 5 not found");
            long c = sim.addCustomer(map("name", "x", "iso_4217", "USD"));
            sim.addAccount(map("id", "same", "billing_model", 1, "i_product", 1, "i_customer", c));
            assertThatThrownBy(() -> sim.addAccount(map("id", "same", "billing_model", 1, "i_product", 1, "i_customer", c)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Server.Account.duplicate_id");
            assertThatThrownBy(() -> sim.updateCustomer(77, map("name", "y"))).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void seedingIsDeterministicAndSpreadsAccounts() throws Exception {
        try (PortaBillingSimulator sim = PortaBillingSimulator.builder().seedCustomers(3).seedAccounts(7).start()) {
            assertThat(sim.customerCount()).isEqualTo(3);
            assertThat(sim.accountCount()).isEqualTo(7);
            assertThat(sim.customer(1)).containsEntry("name", "Customer 000001").containsEntry("bill_status", "O")
                    .containsEntry("creation_date", "2024-01-01 00:01:00");
            assertThat(sim.account(100001)).containsEntry("id", "15550000001").containsEntry("i_customer", 1)
                    .containsEntry("bill_status", "O");
            assertThat(sim.account(100004)).containsEntry("i_customer", 1);
            assertThat(sim.account(100002)).containsEntry("i_customer", 2);
            sim.seedCustomers(1);
            assertThat(sim.customer(4)).containsEntry("name", "Customer 000004");
        }
        try (PortaBillingSimulator sim = PortaBillingSimulator.builder().seedAccounts(2).start()) {
            assertThat(sim.customerCount()).isEqualTo(1);
            assertThat(sim.accountCount()).isEqualTo(2);
        }
    }

    @Test
    void demoDataHasMixedStatuses() throws Exception {
        try (PortaBillingSimulator sim = PortaBillingSimulator.builder().demoData().start()) {
            assertThat(sim.customerCount()).isBetween(20, 60);
            assertThat(sim.accountCount()).isBetween(20, 100);
            ApiClient api = new ApiClient(sim.baseUrl());
            String token = api.login();
            Set<Object> customerStatuses = api.call("Customer/get_customer_list", Map.of(), token).list("customer_list").stream()
                    .map(c -> c.get("bill_status")).collect(Collectors.toSet());
            assertThat(customerStatuses).containsExactlyInAnyOrder("O", "S", "C", "E", "D");
            List<Map<String, Object>> accounts = api.call("Account/get_account_list", Map.of(), token).list("account_list");
            assertThat(accounts).extracting(x -> x.get("bill_status")).contains("O", "I", "C");
            assertThat(accounts).extracting(x -> x.get("blocked")).contains("Y", "N");
            assertThat(accounts).extracting(x -> x.get("billing_model")).contains(-1, 1);
        }
    }
}
