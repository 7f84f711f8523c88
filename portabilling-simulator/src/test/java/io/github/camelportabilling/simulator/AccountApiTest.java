package io.github.camelportabilling.simulator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static io.github.camelportabilling.simulator.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

@Timeout(60)
class AccountApiTest {

    PortaBillingSimulator sim;
    ApiClient api;
    String token;
    long customer;

    @BeforeEach
    void start() throws Exception {
        sim = PortaBillingSimulator.start(0);
        api = new ApiClient(sim.baseUrl());
        token = api.login();
        customer = sim.addCustomer(map("name", "Owner", "iso_4217", "EUR"));
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    Map<String, Object> account(String id) {
        return map("id", id, "billing_model", 1, "i_product", 60, "i_customer", customer);
    }

    long add(Map<String, Object> info) {
        return ((Number) api.ok("Account/add_account", Map.of("account_info", info), token).get("i_account")).longValue();
    }

    Map<String, Object> info(Map<String, Object> params) {
        return api.call("Account/get_account_info", params, token).object("account_info");
    }

    @Test
    void addAndGetByIAccountAndById() {
        ApiClient.Response r = api.call("Account/add_account", Map.of("account_info", account("6808801279@msisdn")), token);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json()).containsOnlyKeys("i_account");
        long id = ((Number) r.json().get("i_account")).longValue();

        Map<String, Object> byKey = info(Map.of("i_account", id));
        assertThat(byKey).containsEntry("i_account", (int) id).containsEntry("id", "6808801279@msisdn")
                .containsEntry("i_customer", (int) customer).containsEntry("i_product", 60).containsEntry("billing_model", 1)
                .containsEntry("bill_status", "O").containsEntry("blocked", "N").containsEntry("credit_limit", null)
                .containsEntry("iso_4217", "EUR").containsEntry("i_account_role", 1).containsEntry("expiration_date", null)
                .containsEntry("activation_date", LocalDate.now(ZoneOffset.UTC).toString());
        assertThat(byKey.get("balance")).isInstanceOf(Double.class);
        assertThat(info(Map.of("id", "6808801279@msisdn"))).isEqualTo(byKey);
    }

    @Test
    void numbersAsStringsAsTheRecordedLegacyCallSentThem() {
        ApiClient.Response r = api.legacy("Account/add_account",
                Map.of("login", PortaBillingSimulator.DEMO_LOGIN, "password", PortaBillingSimulator.DEMO_PASSWORD),
                Map.of("account_info", map("id", "552137525665", "billing_model", "1", "i_product", "1676",
                        "i_customer", String.valueOf(customer), "h323_password", "pw", "batch_name", "telecomint_accounts")));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        Map<String, Object> stored = info(Map.of("id", "552137525665"));
        assertThat(stored).containsEntry("i_product", 1676).containsEntry("billing_model", 1)
                .containsEntry("batch_name", "telecomint_accounts").containsEntry("h323_password", "pw");
    }

    @Test
    void unknownAccountAnswers200WithAnEmptyObject() {
        for (Map<String, Object> params : List.of(Map.<String, Object>of("i_account", 1), Map.<String, Object>of("id", "unknown"))) {
            ApiClient.Response r = api.call("Account/get_account_info", params, token);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.json()).isEmpty();
        }
    }

    @Test
    void eachMandatoryFieldIsNamedWhenMissing() {
        for (String field : List.of("id", "billing_model", "i_product", "i_customer")) {
            Map<String, Object> info = account("x-" + field);
            info.remove(field);
            ApiClient.Response r = api.call("Account/add_account", Map.of("account_info", info), token);
            assertThat(r.status()).isEqualTo(500);
            assertThat(r.faultcode()).isEqualTo("Client.Account.add_account.missing_mandatory_field");
            assertThat(r.faultstring()).contains("'" + field + "'");
        }
        assertThat(sim.accountCount()).isZero();
    }

    @Test
    void missingFieldFaultCodeIsConfigurable() throws Exception {
        try (PortaBillingSimulator s = PortaBillingSimulator.builder().missingFieldFaultCode("Server.{service}.{field}_required").start()) {
            ApiClient client = new ApiClient(s.baseUrl());
            ApiClient.Response r = client.call("Account/add_account", Map.of("account_info", map("id", "a")), client.login());
            assertThat(r.faultcode()).isEqualTo("Server.Account.billing_model_required");
        }
        try (PortaBillingSimulator s = PortaBillingSimulator.builder().missingFieldFaultCode("Client.missing").start()) {
            ApiClient client = new ApiClient(s.baseUrl());
            assertThat(client.call("Customer/add_customer", Map.of("customer_info", map()), client.login()).faultcode())
                    .isEqualTo("Client.missing");
        }
    }

    @Test
    void duplicateIdIsRefused() {
        add(account("dup"));
        ApiClient.Response r = api.call("Account/add_account", Map.of("account_info", account("dup")), token);
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.faultcode()).isEqualTo("Server.Account.duplicate_id");
        assertThat(sim.accountCount()).isEqualTo(1);

        long other = add(account("other"));
        assertThat(api.call("Account/update_account", Map.of("account_info", map("i_account", other, "id", "dup")), token)
                .faultcode()).isEqualTo("Server.Account.duplicate_id");
    }

    @Test
    void anUnknownCustomerIsRefused() {
        Map<String, Object> info = account("orphan");
        info.put("i_customer", 987654);
        assertThat(api.call("Account/add_account", Map.of("account_info", info), token).faultcode())
                .isEqualTo("Server.Customer.customer_not_found");
    }

    @Test
    void fieldTypesAreValidated() {
        Map<String, Object> info = account("typed");
        info.put("billing_model", 7);
        assertThat(api.call("Account/add_account", Map.of("account_info", info), token).faultcode())
                .isEqualTo("Client.Account.add_account.invalid_parameter");
        info.put("billing_model", -1);
        info.put("bill_status", "S");
        assertThat(api.call("Account/add_account", Map.of("account_info", info), token).faultstring()).contains("bill_status");
        info.put("bill_status", "I");
        info.put("blocked", "yes");
        assertThat(api.call("Account/add_account", Map.of("account_info", info), token).faultstring()).contains("blocked");
    }

    @Test
    void updateTerminateAndTheirNotFoundFaults() {
        long id = add(account("upd"));
        ApiClient.Response r = api.call("Account/update_account",
                Map.of("account_info", map("i_account", id, "blocked", "Y", "credit_limit", 50, "firstname", "Ann", "id", "upd-2")), token);
        assertThat(r.json()).isEqualTo(Map.of("i_account", (int) id));
        Map<String, Object> updated = info(Map.of("i_account", id));
        assertThat(updated).containsEntry("blocked", "Y").containsEntry("credit_limit", 50.0).containsEntry("firstname", "Ann")
                .containsEntry("id", "upd-2").containsEntry("i_product", 60);
        assertThat(info(Map.of("id", "upd"))).isNull();
        assertThat(info(Map.of("id", "upd-2"))).containsEntry("i_account", (int) id);

        assertThat(api.ok("Account/terminate_account", Map.of("i_account", id), token)).isEqualTo(Map.of("success", 1));
        assertThat(info(Map.of("i_account", id))).containsEntry("bill_status", "C");

        assertThat(api.call("Account/update_account", Map.of("account_info", map("i_account", 5, "blocked", "Y")), token).faultcode())
                .isEqualTo("Server.Account.account_not_found");
        assertThat(api.call("Account/terminate_account", Map.of("i_account", 5), token).faultcode())
                .isEqualTo("Server.Account.account_not_found");
    }

    @Test
    void listFiltersOrderAndPaging() {
        long other = sim.addCustomer(map("name", "Other", "iso_4217", "USD"));
        long a1 = add(account("ph100"));
        long a2 = add(account("ph200"));
        Map<String, Object> b = account("sip-1");
        b.put("i_customer", other);
        long b1 = add(b);
        Map<String, Object> c = account("ph300");
        c.put("bill_status", "I");
        long a3 = add(c);
        api.ok("Account/terminate_account", Map.of("i_account", a2), token);

        // served in id order (as a live server answered), not in i_account order: sip-1 comes after ph300
        assertThat(ids(Map.of())).containsExactly(a1, a2, a3, b1);
        assertThat(ids(Map.of("i_customer", customer))).containsExactly(a1, a2, a3);
        assertThat(ids(Map.of("i_customer", String.valueOf(other)))).containsExactly(b1);
        assertThat(ids(Map.of("bill_status", "C"))).containsExactly(a2);
        assertThat(ids(Map.of("bill_status", "I"))).containsExactly(a3);
        assertThat(ids(Map.of("id", "ph%"))).containsExactly(a1, a2, a3);
        assertThat(ids(Map.of("id", "%00"))).containsExactly(a1, a2, a3);
        assertThat(ids(Map.of("id", "ph_00"))).containsExactly(a1, a2, a3);
        assertThat(ids(Map.of("id", "sip-1"))).containsExactly(b1);
        assertThat(ids(Map.of("id", "ph%", "bill_status", "O"))).containsExactly(a1);
        assertThat(ids(Map.of("get_not_closed_accounts", 1))).containsExactly(a1, a3, b1);
        assertThat(ids(Map.of("id", "ph%", "limit", 2))).containsExactly(a1, a2);
        assertThat(ids(Map.of("id", "ph%", "limit", 2, "offset", 2))).containsExactly(a3);

        ApiClient.Response withTotal = api.call("Account/get_account_list", Map.of("i_customer", customer, "limit", 1, "get_total", 1), token);
        assertThat(withTotal.json()).containsEntry("total", 3);
        assertThat(api.call("Account/get_account_list", Map.of("limit", 1), token).json()).containsOnlyKeys("account_list");
    }

    @Test
    void currencyDefaultsToTheCustomers() {
        Map<String, Object> info = account("usd");
        info.put("iso_4217", "USD");
        add(info);
        assertThat(info(Map.of("id", "usd"))).containsEntry("iso_4217", "USD");
        add(account("eur"));
        assertThat(info(Map.of("id", "eur"))).containsEntry("iso_4217", "EUR");
    }

    private List<Long> ids(Map<String, Object> filter) {
        return api.call("Account/get_account_list", filter, token).list("account_list").stream()
                .map(x -> ((Number) x.get("i_account")).longValue()).toList();
    }
}
