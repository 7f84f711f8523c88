package io.github.camelportabilling.component;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.github.camelportabilling.simulator.Fault;
import io.github.camelportabilling.simulator.RecordedRequest;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PortaBillingProducerTest extends SimulatorTestSupport {

    private static final String ACCOUNTS = "portabilling:Account/account";
    private static final String CUSTOMERS = "portabilling:Customer/customer";

    private Exchange send(String uri, Object body) {
        return send(uri, body, Map.of());
    }

    private Exchange send(String uri, Object body, Map<String, Object> headers) {
        Exchange exchange = template.send(uri, e -> {
            e.getMessage().setBody(body);
            e.getMessage().setHeaders(new LinkedHashMap<>(headers));
        });
        if (exchange.getException() != null) {
            throw new CamelExecutionException("failed", exchange, exchange.getException());
        }
        return exchange;
    }

    private static String uniqueId() {
        return "acc-" + UUID.randomUUID();
    }

    @Test
    void createWrapsAFlatRecordIntoAccountInfoAndSetsTheNewId() {
        long customer = newCustomer("Create Co");
        String id = uniqueId();

        Exchange out = send(ACCOUNTS + "?operation=create", accountFields(customer, id));

        RecordedRequest request = simulator.lastRequest("Account/add_account");
        assertThat(request.params()).containsOnlyKeys("account_info");
        assertThat((Map<String, Object>) request.params().get("account_info")).containsEntry("id", id)
                .containsEntry("i_customer", (int) customer);
        assertThat(request.bearerToken()).isNotBlank();
        assertThat(request.contentType()).startsWith("application/json");
        long iAccount = out.getMessage().getHeader(PortaBillingConstants.ID, Long.class);
        assertThat(out.getMessage().getBody(Map.class)).containsEntry("i_account", (int) iAccount);
        assertThat(simulator.account(iAccount)).containsEntry("id", id);
    }

    @Test
    void createSendsABodyAlreadyShapedAsTheApiDocumentsAsIsAndBooleansAsFlags() {
        long customer = newCustomer("Shaped Co");
        Map<String, Object> info = accountFields(customer, uniqueId());
        info.put("extra", Map.of("nested_flag", false, "list", List.of(true, "Y")));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("account_info", info);
        params.put("generate_web_password", true);

        send(ACCOUNTS + "?operation=create", params);

        Map<String, Object> received = simulator.lastRequest("Account/add_account").params();
        assertThat(received).containsEntry("generate_web_password", 1).containsKey("account_info");
        Map<String, Object> extra = (Map<String, Object>) ((Map<String, Object>) received.get("account_info")).get("extra");
        assertThat(extra).containsEntry("nested_flag", 0).containsEntry("list", List.of(1, "Y"));
    }

    @Test
    void createAcceptsJsonTextAsStringBytesAndStream() {
        long customer = newCustomer("Json Co");
        String json = "{\"name\":\"Json Customer\",\"iso_4217\":\"EUR\",\"email\":null}";
        for (Object body : List.of(json, json.getBytes(StandardCharsets.UTF_8),
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)))) {
            Exchange out = send(CUSTOMERS + "?operation=create", body);
            long iCustomer = out.getMessage().getHeader(PortaBillingConstants.ID, Long.class);
            assertThat(iCustomer).isGreaterThan(customer);
            assertThat(simulator.customer(iCustomer)).containsEntry("name", "Json Customer")
                    .containsEntry("iso_4217", "EUR");
            assertThat((Map<String, Object>) simulator.lastRequest("Customer/add_customer").params().get("customer_info"))
                    .containsEntry("email", null);
        }
    }

    public static class NewCustomer {
        public String name;
        public String iso_4217;
        public boolean send_statistics;
    }

    @Test
    void createConvertsAPojoThroughJackson() {
        NewCustomer pojo = new NewCustomer();
        pojo.name = "Pojo Customer";
        pojo.iso_4217 = "GBP";
        pojo.send_statistics = true;

        Exchange out = send(CUSTOMERS + "?operation=create", pojo);

        assertThat((Map<String, Object>) simulator.lastRequest("Customer/add_customer").params().get("customer_info"))
                .containsEntry("name", "Pojo Customer").containsEntry("send_statistics", 1);
        assertThat(simulator.customer(out.getMessage().getHeader(PortaBillingConstants.ID, Long.class)))
                .containsEntry("iso_4217", "GBP");
    }

    @Test
    void getByNumberReturnsTheRecordWithItsJsonTypesPreserved() {
        long customer = newCustomer("Types Co");
        long account = newAccount(customer, uniqueId());

        Exchange out = send(ACCOUNTS + "?operation=get", account);

        assertThat(simulator.lastRequest("Account/get_account_info").params()).isEqualTo(Map.of("i_account", (int) account));
        Map<String, Object> info = out.getMessage().getBody(Map.class);
        Map<String, Object> stored = simulator.account(account);
        assertThat(info.keySet()).isEqualTo(stored.keySet());
        assertThat(info.get("blocked")).isIn("Y", "N");
        assertThat(info.get("i_account")).isInstanceOf(Integer.class);
        assertThat(info.get("balance")).isInstanceOf(BigDecimal.class);
        assertThat(info).containsKey("email").containsEntry("email", stored.get("email"));
        for (Map.Entry<String, Object> e : stored.entrySet()) {
            if (e.getValue() == null) {
                assertThat(info).as(e.getKey()).containsEntry(e.getKey(), null);
            } else if (e.getValue() instanceof String s) {
                assertThat(info.get(e.getKey())).as(e.getKey()).isEqualTo(s);
            }
        }
        assertThat(out.getMessage().getHeader(PortaBillingConstants.FOUND)).isEqualTo(true);
        assertThat(out.getMessage().getHeader(PortaBillingConstants.ID)).isEqualTo(account);
    }

    @Test
    void getOfAnUnknownRecordGivesANullBodyAndFoundFalse() {
        Exchange out = send(ACCOUNTS + "?operation=get", 987_654_321L);

        assertThat(simulator.lastRequest("Account/get_account_info").responseBody()).isEqualTo("{}");
        assertThat(out.getMessage().getBody()).isNull();
        assertThat(out.getMessage().getHeader(PortaBillingConstants.FOUND)).isEqualTo(false);
        assertThat(out.getException()).isNull();
    }

    @Test
    void getAcceptsOtherKeysAsParams() {
        long customer = newCustomer("Key Co");
        String id = uniqueId();
        long account = newAccount(customer, id);

        Exchange out = send(ACCOUNTS + "?operation=get", Map.of("id", id));

        assertThat(out.getMessage().getHeader(PortaBillingConstants.ID)).isEqualTo(account);
        assertThat(simulator.lastRequest("Account/get_account_info").params()).isEqualTo(Map.of("id", id));
    }

    @Test
    void updateSendsTheChangedFieldsAndTheServerRecordChanges() {
        long customer = newCustomer("Update Co");
        long account = newAccount(customer, uniqueId());

        Exchange out = send(ACCOUNTS + "?operation=update",
                Map.of("i_account", account, "email", "new@example.com", "blocked", "Y"));

        assertThat(simulator.lastRequest("Account/update_account").params())
                .isEqualTo(Map.of("account_info", Map.of("i_account", (int) account, "email", "new@example.com",
                        "blocked", "Y")));
        assertThat(out.getMessage().getHeader(PortaBillingConstants.ID)).isEqualTo(account);
        assertThat(simulator.account(account)).containsEntry("email", "new@example.com").containsEntry("blocked", "Y");
    }

    @Test
    void terminateClosesTheRecord() {
        long customer = newCustomer("Terminate Co");
        long account = newAccount(customer, uniqueId());

        Exchange out = send(ACCOUNTS + "?operation=terminate", account);

        assertThat(simulator.lastRequest("Account/terminate_account").params()).isEqualTo(Map.of("i_account", (int) account));
        assertThat(out.getMessage().getBody(Map.class)).containsEntry("success", 1);
        assertThat(out.getMessage().getHeader(PortaBillingConstants.ID)).isEqualTo(account);
        assertThat(simulator.account(account)).containsEntry("bill_status", "C");
    }

    @Test
    void terminateAndDeleteCustomer() {
        long toClose = newCustomer("Close Me");
        long toDelete = newCustomer("Delete Me");

        send(CUSTOMERS + "?operation=terminate", toClose);
        send(CUSTOMERS + "?operation=delete", String.valueOf(toDelete));

        assertThat(simulator.customer(toClose)).containsEntry("bill_status", "C");
        assertThat(simulator.customer(toDelete)).isNull();
        assertThat(simulator.lastRequest("Customer/delete_customer").params()).isEqualTo(Map.of("i_customer", (int) toDelete));
    }

    @Test
    void createGetUpdateAndListCustomers() {
        Exchange created = send(CUSTOMERS + "?operation=create", Map.of("name", "Round Trip", "iso_4217", "USD"));
        long iCustomer = created.getMessage().getHeader(PortaBillingConstants.ID, Long.class);

        send(CUSTOMERS + "?operation=update", Map.of("i_customer", iCustomer, "email", "rt@example.com"));
        Exchange got = send(CUSTOMERS + "?operation=get", iCustomer);
        assertThat(got.getMessage().getBody(Map.class)).containsEntry("email", "rt@example.com")
                .containsEntry("name", "Round Trip");

        Exchange listed = send(CUSTOMERS + "?operation=list&filter.name=Round%25", null);
        List<Map<String, Object>> page = listed.getMessage().getBody(List.class);
        assertThat(page).extracting(m -> m.get("i_customer")).contains((int) iCustomer);
    }

    @Test
    void listSendsUriFiltersLimitOffsetAndReportsTheTotal() {
        long customer = newCustomer("List Co");
        for (int i = 0; i < 5; i++) {
            newAccount(customer, uniqueId());
        }

        Exchange out = send(ACCOUNTS + "?operation=list&includeTotal=true&filter.i_customer=" + customer
                            + "&filter.bill_status=O",
                null, Map.of(PortaBillingConstants.LIMIT, 2, PortaBillingConstants.OFFSET, 1));

        Map<String, Object> params = simulator.lastRequest("Account/get_account_list").params();
        // a URI filter is text; the server's API description types i_customer as an integer
        assertThat(params).containsEntry("i_customer", (int) customer).containsEntry("bill_status", "O")
                .containsEntry("limit", 2).containsEntry("offset", 1).containsEntry("get_total", 1);
        List<Map<String, Object>> page = out.getMessage().getBody(List.class);
        assertThat(page).hasSize(2);
        assertThat(out.getMessage().getHeader(PortaBillingConstants.TOTAL)).isEqualTo(5L);
    }

    @Test
    void listUsesPageSizeAndBodyParamsWinOverUriFilters() {
        long customer = newCustomer("Body Filter Co");
        newAccount(customer, uniqueId());

        Exchange out = send(ACCOUNTS + "?operation=list&pageSize=7&filter.i_customer=1",
                Map.of("i_customer", customer));

        Map<String, Object> params = simulator.lastRequest("Account/get_account_list").params();
        assertThat(params).containsEntry("i_customer", (int) customer).containsEntry("limit", 7).containsEntry("offset", 0);
        assertThat(out.getMessage().getBody(List.class)).hasSize(1);
        assertThat(out.getMessage().getHeaders()).doesNotContainKey(PortaBillingConstants.TOTAL);
    }

    @Test
    void callReturnsTheAnswerAsIs() {
        Exchange out = send("portabilling:Generic/generic?operation=call&method=get_version", null);

        assertThat(out.getMessage().getBody(Map.class)).containsKey("version");
        assertThat(simulator.callCount("Generic/get_version")).isEqualTo(1);
    }

    @Test
    void headersOverrideOperationAndMethodPerMessage() {
        long customer = newCustomer("Header Co");
        long account = newAccount(customer, uniqueId());

        Exchange got = send(ACCOUNTS + "?operation=create", account,
                Map.of(PortaBillingConstants.OPERATION, "get"));
        assertThat(got.getMessage().getHeader(PortaBillingConstants.ID)).isEqualTo(account);

        Exchange pinged = send("portabilling:Generic/generic?operation=call&method=nothing_here", null,
                Map.of(PortaBillingConstants.METHOD, "get_version"));
        assertThat(pinged.getMessage().getBody(Map.class)).containsKey("version");
        assertThat(simulator.callCount("Generic/nothing_here")).isZero();
    }

    @Test
    void aFaultBecomesAPortaBillingExceptionWithItsFields() {
        long customer = newCustomer("Dup Co");
        String id = uniqueId();
        newAccount(customer, id);

        assertThatThrownBy(() -> send(ACCOUNTS + "?operation=create", accountFields(customer, id)))
                .hasCauseInstanceOf(PortaBillingException.class)
                .cause()
                .satisfies(t -> {
                    PortaBillingException e = (PortaBillingException) t;
                    assertThat(e.getFaultCode()).isEqualTo("Server.Account.duplicate_id");
                    assertThat(e.getFaultString()).isNotBlank();
                    assertThat(e.getHttpStatus()).isEqualTo(500);
                    assertThat(e.getHttpResponseCode()).isEqualTo(500);
                    assertThat(e.getService()).isEqualTo("Account");
                    assertThat(e.getMethod()).isEqualTo("add_account");
                    assertThat(e.getMessage()).contains("Account/add_account", "Server.Account.duplicate_id");
                });
        assertThat(simulator.callCount("Account/add_account")).isEqualTo(1);
    }

    @Test
    void aMissingMandatoryFieldFaultNamesTheField() {
        long customer = newCustomer("Missing Co");
        Map<String, Object> incomplete = accountFields(customer, uniqueId());
        incomplete.remove("billing_model");

        assertThatThrownBy(() -> send(ACCOUNTS + "?operation=create", incomplete))
                .cause().isInstanceOf(PortaBillingException.class)
                .hasMessageContaining("billing_model");
    }

    @Test
    void aNonJsonErrorAnswerBecomesAnExceptionWithStatusAndSnippet() {
        simulator.injectFault("Account/add_account", 1, Fault.htmlErrorPage(502));
        long customer = newCustomer("Proxy Co");

        assertThatThrownBy(() -> send(ACCOUNTS + "?operation=create", accountFields(customer, uniqueId())))
                .cause().isInstanceOf(PortaBillingException.class)
                .satisfies(t -> {
                    PortaBillingException e = (PortaBillingException) t;
                    assertThat(e.getHttpStatus()).isEqualTo(502);
                    assertThat(e.getFaultCode()).isNull();
                    assertThat(e.getMessage()).contains("Account/add_account", "HTTP 502", "<html");
                });
        // a create whose fate is unknown is never replayed
        assertThat(simulator.callCount("Account/add_account")).isEqualTo(1);
    }

    @Test
    void anUnknownMethodIsAFaultFromTheServer() {
        assertThatThrownBy(() -> send("portabilling:Account/account?operation=call&method=get_acount_info", Map.of()))
                .cause().isInstanceOf(PortaBillingException.class)
                .hasMessageContaining("Account/get_acount_info");
    }

    @Test
    void badBodiesFailFastWithoutACall() {
        assertThatThrownBy(() -> send(ACCOUNTS + "?operation=list", "[1,2]"))
                .cause().hasMessageContaining("JSON object");
        assertThatThrownBy(() -> send(ACCOUNTS + "?operation=get", null))
                .cause().hasMessageContaining("i_account");
        assertThatThrownBy(() -> send(ACCOUNTS + "?operation=create", "{not json"))
                .cause().hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> send(ACCOUNTS + "?operation=create", 42))
                .cause().hasMessageContaining("number body");
        assertThatThrownBy(() -> send(ACCOUNTS, Map.of()))
                .cause().hasMessageContaining("operation");
        assertThatThrownBy(() -> send(ACCOUNTS + "?operation=get", 1, Map.of(PortaBillingConstants.OPERATION, "fetch")))
                .cause().hasMessageContaining("fetch").hasMessageContaining("create");
        assertThat(simulator.totalCallCount()).isZero();
    }

    @Test
    void theGeneratedConfigurersAreUsed() {
        Object configurer = org.apache.camel.support.PluginHelper.getConfigurerResolver(context)
                .resolvePropertyConfigurer("portabilling-endpoint", context);
        assertThat(configurer.getClass().getName())
                .isEqualTo("io.github.camelportabilling.component.PortaBillingEndpointConfigurer");
        Object componentConfigurer = org.apache.camel.support.PluginHelper.getConfigurerResolver(context)
                .resolvePropertyConfigurer("portabilling-component", context);
        assertThat(componentConfigurer.getClass().getName())
                .isEqualTo("io.github.camelportabilling.component.PortaBillingComponentConfigurer");
        PortaBillingEndpoint endpoint = context.getEndpoint(
                ACCOUNTS + "?operation=list&pageSize=42&responseTimeout=1234&realm=reseller", PortaBillingEndpoint.class);
        assertThat(endpoint.getPageSize()).isEqualTo(42);
        assertThat(endpoint.getConfiguration().getResponseTimeout()).isEqualTo(1234);
        assertThat(endpoint.getConfiguration().getRealm()).isEqualTo(PortaBillingRealm.reseller);
    }
}
