package io.github.camelportabilling.component;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.camelportabilling.component.internal.YesNoFields;
import io.github.camelportabilling.simulator.RecordedRequest;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An update changes only what the body says, in the types the server expects: POJOs without their unset fields and
 * with exact money, explicit nulls of a Map still sent, Java booleans as "Y"/"N" for the record's Y/N flags and 1/0
 * for switches. Asserted on what the simulator received and stored.
 */
class WritesOnlyWhatTheUserMeantTest extends SimulatorTestSupport {

    private static final String CUSTOMERS = "portabilling:Customer/customer";
    private static final String ACCOUNTS = "portabilling:Account/account";

    /** A typical DTO: every field a customer has, of which an update sets a few. */
    public static class CustomerChanges {
        public Long i_customer;
        public String name;
        public String email;
        public Boolean blocked;
        public BigDecimal credit_limit;
        public BigDecimal balance;
        public Boolean callshop_enabled;
    }

    /** A DTO that clears one field on purpose. */
    public static class ClearCreditLimit {
        public Long i_customer;
        @JsonInclude(JsonInclude.Include.ALWAYS)
        public BigDecimal credit_limit;
        public String email;
    }

    private Exchange send(String uri, Object body) {
        Exchange out = template.send(uri, e -> e.getMessage().setBody(body));
        assertThat(out.getException()).as("exception").isNull();
        return out;
    }

    private static long customerWithCreditLimit(String name) {
        long id = newCustomer(name);
        simulator.updateCustomer(id, Map.of("credit_limit", 1000, "balance", 12.5, "email", "keep@example.com"));
        return id;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> sentInfo(String serviceMethod, String infoKey) {
        return (Map<String, Object>) simulator.lastRequest(serviceMethod).params().get(infoKey);
    }

    @Test
    void aPojoUpdateSendsOnlyTheFieldsItSetsAndTheServerKeepsTheRest() {
        long id = customerWithCreditLimit("Pojo Update Co");
        CustomerChanges changes = new CustomerChanges();
        changes.i_customer = id;
        changes.name = "Pojo Update Renamed";
        changes.blocked = true;

        send(CUSTOMERS + "?operation=update", changes);

        RecordedRequest request = simulator.lastRequest("Customer/update_customer");
        assertThat(sentInfo("Customer/update_customer", "customer_info"))
                .containsOnlyKeys("i_customer", "name", "blocked").containsEntry("blocked", "Y");
        assertThat(request.body()).doesNotContain("null");
        assertThat(simulator.customer(id)).containsEntry("name", "Pojo Update Renamed").containsEntry("blocked", "Y")
                .containsEntry("credit_limit", 1000.0).containsEntry("balance", 12.5)
                .containsEntry("email", "keep@example.com");
    }

    @Test
    void pojoMoneyKeepsItsScale() {
        long id = customerWithCreditLimit("Scale Co");
        CustomerChanges changes = new CustomerChanges();
        changes.i_customer = id;
        changes.credit_limit = new BigDecimal("100.00");

        send(CUSTOMERS + "?operation=update", changes);

        assertThat(simulator.lastRequest("Customer/update_customer").body()).contains("\"credit_limit\":100.00")
                .doesNotContain("E+");
        assertThat(simulator.customer(id)).containsEntry("credit_limit", 100.0);
    }

    @Test
    void mapMoneyIsWrittenPlainEvenWithoutTrailingZeros() {
        long id = customerWithCreditLimit("Plain Co");
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("i_customer", id);
        changes.put("credit_limit", new BigDecimal("100.00").stripTrailingZeros());

        send(CUSTOMERS + "?operation=update", changes);

        assertThat(simulator.lastRequest("Customer/update_customer").body()).contains("\"credit_limit\":100")
                .doesNotContain("E+");
        assertThat(simulator.customer(id)).containsEntry("credit_limit", 100.0);
    }

    @Test
    void anExplicitNullInAMapBodyIsSentAndClearsTheField() {
        long id = customerWithCreditLimit("Clear Co");
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("i_customer", id);
        changes.put("credit_limit", null);

        send(CUSTOMERS + "?operation=update", changes);

        assertThat(simulator.lastRequest("Customer/update_customer").body()).contains("\"credit_limit\":null");
        assertThat(simulator.customer(id)).containsEntry("credit_limit", null).containsEntry("balance", 12.5);
    }

    @Test
    void aPojoPropertyMarkedJsonIncludeAlwaysSendsItsNull() {
        long id = customerWithCreditLimit("Always Co");
        ClearCreditLimit changes = new ClearCreditLimit();
        changes.i_customer = id;

        send(CUSTOMERS + "?operation=update", changes);

        assertThat(sentInfo("Customer/update_customer", "customer_info")).containsOnlyKeys("i_customer", "credit_limit")
                .containsEntry("credit_limit", null);
        assertThat(simulator.customer(id)).containsEntry("credit_limit", null).containsEntry("email", "keep@example.com");
    }

    @Test
    void aPojoInsideAMapBodyIsConvertedLikeAPojoBody() {
        long id = customerWithCreditLimit("Nested Pojo Co");
        CustomerChanges changes = new CustomerChanges();
        changes.i_customer = id;
        changes.callshop_enabled = true;
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("customer_info", changes);

        send(CUSTOMERS + "?operation=update", params);

        assertThat(sentInfo("Customer/update_customer", "customer_info")).containsOnlyKeys("i_customer", "callshop_enabled")
                .containsEntry("callshop_enabled", "Y");
        assertThat(simulator.customer(id)).containsEntry("callshop_enabled", "Y").containsEntry("credit_limit", 1000.0);
    }

    @Test
    void booleansInARecordAreYOrNForItsFlagsAnd1Or0ElsewhereAndSwitchesAre1Or0() {
        long customer = newCustomer("Flags Co");
        Map<String, Object> info = accountFields(customer, "flags-" + System.nanoTime());
        info.put("blocked", true);
        info.put("ecommerce_enabled", false);
        info.put("x_unknown_flag", true);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("account_info", info);
        params.put("generate_web_password", true);

        Exchange out = send(ACCOUNTS + "?operation=create", params);

        Map<String, Object> received = simulator.lastRequest("Account/add_account").params();
        assertThat(received).containsEntry("generate_web_password", 1);
        assertThat(sentInfo("Account/add_account", "account_info")).containsEntry("blocked", "Y")
                .containsEntry("ecommerce_enabled", "N").containsEntry("x_unknown_flag", 1);
        long iAccount = out.getMessage().getHeader(PortaBillingConstants.ID, Long.class);
        assertThat(simulator.account(iAccount)).containsEntry("blocked", "Y").containsEntry("ecommerce_enabled", "N");

        Map<String, Object> get = new LinkedHashMap<>();
        get.put("i_account", iAccount);
        get.put("detailed_info", true);
        send(ACCOUNTS + "?operation=get", get);
        assertThat(simulator.lastRequest("Account/get_account_info").params()).containsEntry("detailed_info", 1);
    }

    @Test
    void aFlatPojoRecordForCreateGetsItsFlagsAsYOrN() {
        CustomerChanges pojo = new CustomerChanges();
        pojo.name = "Flat Pojo Flags";
        pojo.blocked = false;
        pojo.callshop_enabled = true;
        Map<String, Object> withCurrency = new LinkedHashMap<>();
        withCurrency.put("name", pojo.name);
        withCurrency.put("iso_4217", "USD");

        // the POJO has no currency: sent as a Map to create, then the POJO updates the flags
        Exchange created = send(CUSTOMERS + "?operation=create", withCurrency);
        pojo.i_customer = created.getMessage().getHeader(PortaBillingConstants.ID, Long.class);
        send(CUSTOMERS + "?operation=update", pojo);

        assertThat(sentInfo("Customer/update_customer", "customer_info")).containsEntry("blocked", "N")
                .containsEntry("callshop_enabled", "Y");
        assertThat(simulator.customer(pojo.i_customer)).containsEntry("callshop_enabled", "Y").containsEntry("blocked", "N");
    }

    @Test
    void everyListedYesNoFieldIsAcceptedByTheSimulatorAsAFlag() {
        long customer = customerWithCreditLimit("All Flags Co");
        long account = newAccount(customer, "all-flags-" + System.nanoTime());
        for (String type : new String[] {"account", "customer"}) {
            for (String field : YesNoFields.get().of(type)) {
                Map<String, Object> changes = new LinkedHashMap<>();
                changes.put("i_" + type, type.equals("account") ? account : customer);
                changes.put(field, true);
                String uri = "portabilling:" + (type.equals("account") ? "Account/account" : "Customer/customer")
                             + "?operation=update";

                send(uri, changes);

                String serviceMethod = type.equals("account") ? "Account/update_account" : "Customer/update_customer";
                assertThat(sentInfo(serviceMethod, type + "_info")).as(type + "." + field).containsEntry(field, "Y");
            }
        }
        assertThat(simulator.customer(customer)).containsEntry("balance_transfer_allowed", "Y")
                .containsEntry("inclusive_taxation", "Y").containsEntry("send_invoices", "Y");
        assertThat(simulator.account(account)).containsEntry("ecommerce_enabled", "Y").containsEntry("blocked", "Y");
    }
}
