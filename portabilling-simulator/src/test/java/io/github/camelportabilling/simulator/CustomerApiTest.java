package io.github.camelportabilling.simulator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.Map;

import static io.github.camelportabilling.simulator.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

@Timeout(60)
class CustomerApiTest {

    PortaBillingSimulator sim;
    ApiClient api;
    String token;

    @BeforeEach
    void start() throws Exception {
        sim = PortaBillingSimulator.start(0);
        api = new ApiClient(sim.baseUrl());
        token = api.login();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    long add(Map<String, Object> info) {
        return ((Number) api.ok("Customer/add_customer", Map.of("customer_info", info), token).get("i_customer")).longValue();
    }

    @Test
    void addAssignsAscendingIdsAndGetReturnsTypedFields() {
        ApiClient.Response r = api.call("Customer/add_customer",
                Map.of("customer_info", map("name", "Telecom International", "iso_4217", "USD")), token);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json()).containsOnlyKeys("i_customer");
        long first = ((Number) r.json().get("i_customer")).longValue();
        long second = add(map("name", "Second", "iso_4217", "EUR"));
        assertThat(second).isGreaterThan(first);

        Map<String, Object> info = api.call("Customer/get_customer_info", Map.of("i_customer", first), token).object("customer_info");
        assertThat(info).containsEntry("i_customer", (int) first).containsEntry("name", "Telecom International")
                .containsEntry("iso_4217", "USD").containsEntry("bill_status", "O").containsEntry("blocked", "N")
                .containsEntry("credit_limit", null).containsEntry("i_customer_type", 1).containsEntry("billing_lock", "N")
                .containsEntry("deactivate_on", null);
        assertThat(info.get("balance")).isInstanceOf(Double.class).isEqualTo(0.0);
        assertThat((String) info.get("creation_date")).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
    }

    @Test
    void extraFieldsAreStoredAndReturned() {
        long id = add(map("name", "X", "iso_4217", "USD", "email", "x@example.com", "i_time_zone", 277,
                "custom", map("a", List.of(1, 2))));
        Map<String, Object> info = api.call("Customer/get_customer_info", Map.of("i_customer", id), token).object("customer_info");
        assertThat(info).containsEntry("email", "x@example.com").containsEntry("i_time_zone", 277)
                .containsEntry("custom", map("a", List.of(1, 2)));
        api.ok("Customer/update_customer", Map.of("customer_info", map("i_customer", id, "notes", "vip", "email", null)), token);
        info = api.call("Customer/get_customer_info", Map.of("i_customer", id), token).object("customer_info");
        assertThat(info).containsEntry("notes", "vip").containsEntry("email", null).containsEntry("i_time_zone", 277);
    }

    @Test
    void unknownCustomerAnswers200WithAnEmptyObject() {
        ApiClient.Response r = api.call("Customer/get_customer_info", Map.of("i_customer", 999_999), token);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json()).isEmpty();
    }

    @Test
    void missingMandatoryFieldsAreFaultsNamingTheField() {
        ApiClient.Response noName = api.call("Customer/add_customer", Map.of("customer_info", map("iso_4217", "USD")), token);
        assertThat(noName.status()).isEqualTo(500);
        assertThat(noName.faultcode()).isEqualTo("Client.Customer.add_customer.missing_mandatory_field");
        assertThat(noName.faultstring()).contains("'name'");

        ApiClient.Response noCurrency = api.call("Customer/add_customer", Map.of("customer_info", map("name", "A")), token);
        assertThat(noCurrency.faultstring()).contains("'iso_4217'");

        assertThat(api.call("Customer/add_customer", Map.of(), token).faultstring()).contains("'customer_info'");
        assertThat(sim.customerCount()).isZero();
    }

    @Test
    void wrongTypesAreInvalidParameterFaults() {
        ApiClient.Response r = api.call("Customer/add_customer",
                Map.of("customer_info", map("name", "A", "iso_4217", "USD", "blocked", true)), token);
        assertThat(r.faultcode()).isEqualTo("Client.Customer.add_customer.invalid_parameter");
        assertThat(r.faultstring()).contains("blocked");
        assertThat(api.call("Customer/add_customer",
                Map.of("customer_info", map("name", "A", "iso_4217", "USD", "bill_status", "X")), token).faultcode())
                .isEqualTo("Client.Customer.add_customer.invalid_parameter");
        assertThat(api.call("Customer/get_customer_info", Map.of("i_customer", "abc"), token).faultcode())
                .isEqualTo("Client.Customer.get_customer_info.invalid_parameter");
    }

    @Test
    void updateChangesFieldsAndAnswersTheKey() {
        long id = add(map("name", "Old", "iso_4217", "USD"));
        ApiClient.Response r = api.call("Customer/update_customer",
                Map.of("customer_info", map("i_customer", id, "name", "New", "credit_limit", 250.5, "blocked", "Y", "balance", "12.25")),
                token);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json()).isEqualTo(Map.of("i_customer", (int) id));
        Map<String, Object> info = api.call("Customer/get_customer_info", Map.of("i_customer", id), token).object("customer_info");
        assertThat(info).containsEntry("name", "New").containsEntry("credit_limit", 250.5).containsEntry("blocked", "Y")
                .containsEntry("balance", 12.25).containsEntry("iso_4217", "USD");
    }

    @Test
    void updateOfAnUnknownCustomerIsNotFound() {
        ApiClient.Response r = api.call("Customer/update_customer", Map.of("customer_info", map("i_customer", 4242, "name", "x")), token);
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.faultcode()).isEqualTo("Server.Customer.customer_not_found");
        assertThat(api.call("Customer/update_customer", Map.of("customer_info", map("name", "x")), token).faultstring())
                .contains("'i_customer'");
    }

    @Test
    void terminateClosesAndDeleteRemoves() {
        long id = add(map("name", "T", "iso_4217", "USD"));
        assertThat(api.ok("Customer/terminate_customer", Map.of("i_customer", id), token)).isEqualTo(Map.of("success", 1));
        assertThat(api.call("Customer/get_customer_info", Map.of("i_customer", id), token).object("customer_info"))
                .containsEntry("bill_status", "C");

        assertThat(api.ok("Customer/delete_customer", Map.of("i_customer", id), token)).isEqualTo(Map.of("success", 1));
        assertThat(api.call("Customer/get_customer_info", Map.of("i_customer", id), token).json()).isEmpty();
        assertThat(api.call("Customer/delete_customer", Map.of("i_customer", id), token).faultcode())
                .isEqualTo("Server.Customer.customer_not_found");
        assertThat(api.call("Customer/terminate_customer", Map.of("i_customer", id), token).faultcode())
                .isEqualTo("Server.Customer.customer_not_found");
    }

    @Test
    void listIsInNameOrderWithLimitOffsetAndTotalOnlyWhenAsked() {
        sim.seedCustomers(25);
        ApiClient.Response all = api.call("Customer/get_customer_list", Map.of(), token);
        assertThat(all.json()).containsOnlyKeys("customer_list");
        List<Map<String, Object>> list = all.list("customer_list");
        assertThat(list).hasSize(25);
        assertThat(list).extracting(c -> ((Number) c.get("i_customer")).longValue()).doesNotHaveDuplicates();
        assertThat(list).extracting(c -> (String) c.get("name")).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);

        ApiClient.Response page = api.call("Customer/get_customer_list", Map.of("limit", 10, "offset", 20, "get_total", 1), token);
        assertThat(page.list("customer_list")).extracting(c -> c.get("name"))
                .containsExactly("Customer 000021", "Customer 000022", "Customer 000023", "Customer 000024", "Customer 000025");
        assertThat(page.json()).containsEntry("total", 25);
        assertThat(api.call("Customer/get_customer_list", Map.of("limit", 10, "get_total", 0), token).json())
                .doesNotContainKey("total");
        assertThat(api.call("Customer/get_customer_list", Map.of("offset", 100, "limit", 10), token).list("customer_list")).isEmpty();
        assertThat(api.call("Customer/get_customer_list", Map.of("offset", -1), token).faultcode())
                .isEqualTo("Client.Customer.get_customer_list.invalid_parameter");
    }

    @Test
    void listFiltersByBillStatusAndNameWithWildcards() {
        long a = add(map("name", "Alpha Telecom", "iso_4217", "USD"));
        long b = add(map("name", "Beta Telecom", "iso_4217", "USD", "bill_status", "S"));
        long c = add(map("name", "Alpha Hotels", "iso_4217", "USD", "bill_status", "S"));
        add(map("name", "Gamma", "iso_4217", "USD", "bill_status", "E"));

        // served in name order (customers' default list order), whatever order they were added in
        assertThat(names(Map.of("bill_status", "S"))).containsExactly("Alpha Hotels", "Beta Telecom");
        assertThat(names(Map.of("name", "Alpha%"))).containsExactly("Alpha Hotels", "Alpha Telecom");
        assertThat(names(Map.of("name", "%telecom"))).containsExactly("Alpha Telecom", "Beta Telecom");
        assertThat(names(Map.of("name", "%a T%"))).containsExactly("Alpha Telecom", "Beta Telecom");
        assertThat(names(Map.of("name", "Gamm_"))).containsExactly("Gamma");
        assertThat(names(Map.of("name", "Gamma"))).containsExactly("Gamma");
        assertThat(names(Map.of("name", "Gam"))).isEmpty();
        assertThat(names(Map.of("name", "Alpha%", "bill_status", "S"))).containsExactly("Alpha Hotels");
        assertThat(names(Map.of("bill_status", "D"))).isEmpty();

        ApiClient.Response filteredPage = api.call("Customer/get_customer_list",
                Map.of("name", "%Telecom", "limit", 1, "offset", 1, "get_total", 1), token);
        assertThat(filteredPage.list("customer_list")).extracting(x -> x.get("i_customer")).containsExactly((int) b);
        assertThat(filteredPage.json()).containsEntry("total", 2);
        assertThat(a).isLessThan(c);
    }

    private List<Object> names(Map<String, Object> filter) {
        return api.call("Customer/get_customer_list", filter, token).list("customer_list").stream()
                .map(x -> x.get("name")).toList();
    }
}
