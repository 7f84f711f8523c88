package io.github.camelportabilling.simulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static io.github.camelportabilling.simulator.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The records answer the fields and JSON types a live server answered (src/test/resources/recorded-*.txt, taken from
 * shared/reference/recorded-records.md), refuse a 1/0 or true for a Y/N flag as a real server would, and
 * get_account_info with {@code with_customer_info} answers the customer beside the account.
 */
@Timeout(60)
class RecordShapeTest {

    /** Fields a new record leaves unset (null) that the recorded, used record had a value in. */
    private static final Set<String> UNSET_UNTIL_USED = Set.of("first_usage", "first_usage_time", "last_usage",
            "credit_limit");

    PortaBillingSimulator sim;
    ApiClient api;
    String token;
    long customer;
    long account;

    @BeforeEach
    void start() throws Exception {
        sim = PortaBillingSimulator.start(0);
        api = new ApiClient(sim.baseUrl());
        token = api.login();
        customer = sim.addCustomer(map("name", "Shape Co", "iso_4217", "EUR"));
        account = sim.addAccount(map("id", "shape-1", "billing_model", 1, "i_product", 60, "i_customer", customer));
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    static Map<String, String> recorded(String name) throws IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        try (InputStream in = RecordShapeTest.class.getResourceAsStream("/recorded-" + name + ".txt");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            r.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).forEach(l -> {
                String[] parts = l.split(" ");
                fields.put(parts[0], parts[1]);
            });
        }
        return fields;
    }

    private static void assertShape(Map<String, Object> answered, Map<String, String> recorded) {
        assertThat(answered.keySet()).containsAll(recorded.keySet());
        recorded.forEach((field, type) -> {
            Object v = answered.get(field);
            if (v == null && (type.equals("null") || UNSET_UNTIL_USED.contains(field))) {
                return;
            }
            switch (type) {
                case "string" -> assertThat(v).as(field).isInstanceOf(String.class);
                case "letter" -> assertThat((String) v).as(field).hasSize(1);
                case "date" -> assertThat((String) v).as(field).matches("\\d{4}-\\d{2}-\\d{2}");
                case "datetime" -> assertThat((String) v).as(field).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
                case "integer" -> assertThat(v).as(field).isInstanceOfAny(Integer.class, Long.class);
                case "number" -> assertThat(v).as(field).isInstanceOf(Number.class);
                case "array" -> assertThat(v).as(field).isInstanceOf(List.class);
                case "null" -> assertThat(v).as(field + " is null on the recorded server").isNull();
                default -> throw new IllegalStateException(type);
            }
        });
    }

    @Test
    void accountInfoHasTheRecordedFieldsAndTypes() throws IOException {
        Map<String, String> recorded = recorded("account_info");
        assertThat(recorded).hasSize(60);
        Map<String, Object> info = api.call("Account/get_account_info", Map.of("i_account", account), token)
                .object("account_info");

        assertShape(info, recorded);
        assertThat(info).containsEntry("customer_name", "Shape Co").containsEntry("customer_blocked", "N")
                .containsEntry("ecommerce_enabled", "N").containsEntry("is_active", 1).containsEntry("i_lang", "en");
        // the listing answers the same shape
        assertShape(api.call("Account/get_account_list", Map.of("i_customer", customer), token).list("account_list").get(0),
                recorded);
    }

    @Test
    void customerInfoHasTheRecordedFieldsAndTypes() throws IOException {
        Map<String, String> recorded = recorded("customer_info");
        assertThat(recorded).hasSize(66);
        Map<String, Object> info = api.call("Customer/get_customer_info", Map.of("i_customer", customer), token)
                .object("customer_info");

        assertShape(info, recorded);
        assertThat(info).containsEntry("override_tariffs_enabled", "Y").containsEntry("billing_lock", "N");
    }

    @Test
    void accountFieldsDerivedFromTheCustomerFollowTheCustomer() {
        sim.updateCustomer(customer, map("name", "Renamed Co", "blocked", "Y", "bill_status", "S"));

        assertThat(sim.account(account)).containsEntry("customer_name", "Renamed Co").containsEntry("customer_blocked", "Y")
                .containsEntry("customer_bill_status", "S").containsEntry("customer_bill_suspended", 1);
        // sent by a client, a derived field is ignored: the server computes it
        sim.updateAccount(account, map("customer_name", "Someone Else"));
        assertThat(sim.account(account)).containsEntry("customer_name", "Renamed Co");
    }

    @Test
    void withCustomerInfoAnswersTheCustomerBesideTheAccount() {
        ApiClient.Response r = api.call("Account/get_account_info", Map.of("i_account", account, "with_customer_info", 1),
                token);

        assertThat(r.json().keySet()).containsExactly("customer_info", "account_info");
        assertThat(r.object("customer_info")).isEqualTo(
                api.call("Customer/get_customer_info", Map.of("i_customer", customer), token).object("customer_info"));
        assertThat(r.object("account_info")).containsEntry("i_account", (int) account);
        assertThat(api.call("Account/get_account_info", Map.of("i_account", account, "with_customer_info", 0), token)
                .json()).containsOnlyKeys("account_info");
    }

    static Stream<Arguments> yesNoFields() {
        Stream<Arguments> accounts = AccountRecord.SCHEMA.fieldsOf(FieldType.YES_NO).stream()
                .filter(f -> !AccountRecord.SCHEMA.isDerived(f)).map(f -> Arguments.of("Account", f));
        Stream<Arguments> customers = CustomerRecord.SCHEMA.fieldsOf(FieldType.YES_NO).stream()
                .map(f -> Arguments.of("Customer", f));
        return Stream.concat(accounts, customers);
    }

    @Test
    void theYesNoFieldsAreTheDocumentedOnes() {
        assertThat(AccountRecord.SCHEMA.fieldsOf(FieldType.YES_NO))
                .containsExactlyInAnyOrder("blocked", "ecommerce_enabled", "customer_blocked");
        assertThat(CustomerRecord.SCHEMA.fieldsOf(FieldType.YES_NO)).containsExactlyInAnyOrder("blocked",
                "balance_transfer_allowed", "callshop_enabled", "generate_invoice_earlier", "inclusive_taxation",
                "override_tariffs_enabled", "send_invoices", "bp_charge_cc");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("yesNoFields")
    void aYesNoFieldRefusesAnythingButYOrN(String service, String field) {
        String method = "update_" + service.toLowerCase();
        String key = "i_" + service.toLowerCase();
        String infoKey = service.toLowerCase() + "_info";
        long id = service.equals("Account") ? account : customer;
        for (Object wrong : new Object[] {1, 0, true, "yes", "y"}) {
            ApiClient.Response r = api.call(service + "/" + method, Map.of(infoKey, map(key, id, field, wrong)), token);
            assertThat(r.faultcode()).as(field + "=" + wrong).isEqualTo("Client." + service + "." + method + ".invalid_parameter");
            assertThat(r.faultstring()).as(field + "=" + wrong).contains("'" + field + "'", "\"Y\" or \"N\"");
        }
        assertThat(api.call(service + "/" + method, Map.of(infoKey, map(key, id, field, "Y")), token).status()).isEqualTo(200);
        Map<String, Object> stored = service.equals("Account") ? sim.account(account) : sim.customer(customer);
        assertThat(stored).containsEntry(field, "Y");
    }

    @Test
    void storedFieldsOfOtherTypesAreCheckedToo() {
        assertThat(api.call("Customer/update_customer",
                Map.of("customer_info", map("i_customer", customer, "invoice_generation_enabled", "Y")), token).faultstring())
                .contains("'invoice_generation_enabled'", "integer");
        assertThat(api.call("Account/update_account",
                Map.of("account_info", map("i_account", account, "first_usage", "yesterday")), token).faultstring())
                .contains("'first_usage'", "YYYY-MM-DD");
        assertThat(api.call("Account/update_account",
                Map.of("account_info", map("i_account", account, "service_features", "none")), token).faultstring())
                .contains("'service_features'", "array");
        // a field the simulator does not know is kept as sent
        assertThat(api.call("Account/update_account",
                Map.of("account_info", map("i_account", account, "x_custom", true)), token).status()).isEqualTo(200);
        assertThat(sim.account(account)).containsEntry("x_custom", true);
    }
}
