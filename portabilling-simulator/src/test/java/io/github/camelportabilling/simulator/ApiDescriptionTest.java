package io.github.camelportabilling.simulator;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API description the simulator serves: its shape (as shared/reference/portabilling-openapi.md describes the real
 * ones), and that it says what the simulator checks: every Y/N flag, switch and required field the document names is
 * refused by the server when sent wrong, so document and validation cannot drift apart.
 */
@Timeout(60)
class ApiDescriptionTest {

    private static PortaBillingSimulator sim;
    private static ApiClient api;
    private static String token;
    private static JsonNode doc;

    @BeforeAll
    static void start() throws Exception {
        sim = PortaBillingSimulator.builder().demoData().start();
        api = new ApiClient(sim.baseUrl());
        token = api.login();
        ApiClient.Response r = get("/doc/api/AdminInterface.json");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/json");
        doc = ApiClient.JSON.readTree(r.body());
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static ApiClient.Response get(String path) {
        return api.send(api.request(path).GET().build());
    }

    @Test
    void everyServedMethodIsDescribedAndNothingElse() {
        Set<String> paths = new TreeSet<>();
        doc.get("paths").fieldNames().forEachRemaining(p -> paths.add(p.substring(1)));
        assertThat(paths).isEqualTo(new TreeSet<>(sim.servedMethods()));
        // a handler without an entry in ApiMethods would be served undocumented and unchecked
        for (String m : sim.servedMethods()) {
            assertThat(ApiMethods.get(m)).as(m).isNotNull();
        }
        assertThat(sim.apiDescriptionPath()).isEqualTo("/doc/api/AdminInterface.json");
    }

    @Test
    void shapeOfTheRealDocuments() {
        assertThat(doc.get("openapi").asText()).isEqualTo("3.0.2");
        assertThat(doc.at("/info/version").asText()).isEqualTo(GenericService.VERSION);
        JsonNode post = doc.at("/paths/~1Account~1add_account/post");
        assertThat(post.at("/requestBody/content/application~1json/schema/properties/params/$ref").asText())
                .isEqualTo("#/components/schemas/AddAccountRequest");
        assertThat(post.at("/responses/200/description").asText()).isEqualTo("Successful response of the API method.");
        assertThat(post.at("/responses/500/$ref").asText()).isEqualTo("#/components/responses/Fault");
        JsonNode schemas = doc.at("/components/schemas");
        assertThat(schemas.at("/AddAccountRequest/required").toString()).isEqualTo("[\"account_info\"]");
        // the record param behind a one-element allOf, the add variant an allOf merge adding the mandatory fields
        assertThat(schemas.at("/AddAccountRequest/properties/account_info/allOf/0/$ref").asText())
                .isEqualTo("#/components/schemas/AddAccountInfo");
        assertThat(schemas.at("/AddAccountInfo/allOf/0/$ref").asText()).isEqualTo("#/components/schemas/AccountInfo");
        assertThat(strings(schemas.at("/AddAccountInfo/allOf/1/required"))).isEqualTo(AccountRecord.MANDATORY);
        assertThat(strings(schemas.at("/UpdateCustomerInfo/allOf/1/required"))).containsExactly("i_customer");
        assertThat(schemas.at("/AccountInfo/properties/blocked/enum").toString()).isEqualTo("[\"N\",\"Y\"]");
        assertThat(schemas.at("/CustomerInfo/properties/billing_lock/enum").toString()).isEqualTo("[\"N\",\"C\",\"L\"]");
        assertThat(schemas.at("/GetAccountListRequest/properties/get_total").toString())
                .contains("\"type\":\"integer\"", "\"enum\":[0,1]");
        assertThat(schemas.at("/GetAccountInfoRequest/properties/without_service_features/enum").isMissingNode()).isTrue();
        assertThat(schemas.at("/ArrayOfAccountInfo/items/$ref").asText()).isEqualTo("#/components/schemas/AccountInfo");
        assertThat(doc.at("/paths/~1Account~1get_account_list/post/responses/200/content/application~1json/schema"
                          + "/properties/account_list/$ref").asText()).isEqualTo("#/components/schemas/ArrayOfAccountInfo");
        assertThat(schemas.at("/AccountInfo/properties/customer_name/readOnly").asBoolean()).isTrue();
        // a reference cycle: ANY's values are ANY
        assertThat(schemas.at("/ANY/additionalProperties/$ref").asText()).isEqualTo("#/components/schemas/ANY");
        assertThat(doc.at("/paths/~1Session~1login/post/security").isArray()).isTrue();
    }

    /** Every Y/N flag of AccountInfo and CustomerInfo that the document names is refused as 1. */
    @Test
    void everyYesNoFlagOfTheDocumentIsCheckedByTheServer() {
        long iAccount = ((Number) api.call("Account/get_account_list", Map.of("limit", 1), token).list("account_list")
                .get(0).get("i_account")).longValue();
        long iCustomer = sim.addCustomer(Map.of("name", "Flags Ltd", "iso_4217", "USD"));
        List<String> checked = new ArrayList<>();
        for (String[] kind : new String[][] {{"AccountInfo", "Account/update_account", "account_info", "i_account"},
            {"CustomerInfo", "Customer/update_customer", "customer_info", "i_customer"}}) {
            JsonNode properties = doc.at("/components/schemas/" + kind[0] + "/properties");
            properties.fields().forEachRemaining(f -> {
                if (f.getValue().path("enum").toString().equals("[\"N\",\"Y\"]")
                    && !f.getValue().path("readOnly").asBoolean()) {
                    long key = kind[3].equals("i_account") ? iAccount : iCustomer;
                    ApiClient.Response r = api.call(kind[1], Map.of(kind[2], Map.of(kind[3], key, f.getKey(), 1)), token);
                    assertThat(r.faultcode()).as(f.getKey()).endsWith("invalid_parameter");
                    assertThat(r.faultstring()).contains(f.getKey());
                    assertThat(api.call(kind[1], Map.of(kind[2], Map.of(kind[3], key, f.getKey(), "Y")), token).status())
                            .as(f.getKey()).isEqualTo(200);
                    checked.add(f.getKey());
                }
            });
        }
        assertThat(checked).contains("blocked", "ecommerce_enabled", "callshop_enabled", "balance_transfer_allowed");
    }

    /** Every switch ({@code enum [0,1]}) of a request is refused as true; every required field is required. */
    @Test
    void switchesAndRequiredFieldsOfTheDocumentAreCheckedByTheServer() {
        List<String> switches = new ArrayList<>();
        doc.at("/components/schemas").fields().forEachRemaining(schema -> {
            if (!schema.getKey().endsWith("Request")) {
                return;
            }
            schema.getValue().path("properties").fields().forEachRemaining(p -> {
                if (p.getValue().path("enum").toString().equals("[0,1]")) {
                    switches.add(schema.getKey() + "." + p.getKey());
                }
            });
        });
        assertThat(switches).contains("GetAccountListRequest.get_total", "AddAccountRequest.generate_web_password");
        ApiClient.Response r = api.call("Account/get_account_list", Map.of("get_total", true), token);
        assertThat(r.faultcode()).isEqualTo("Client.Account.get_account_list.invalid_parameter");
        assertThat(api.call("Account/get_account_list", Map.of("get_total", 1, "limit", 1), token).status()).isEqualTo(200);
        r = api.call("Account/add_account", Map.of("generate_web_password", true, "account_info",
                Map.of("id", "gwp-1", "billing_model", 1, "i_product", 1, "i_customer", 1)), token);
        assertThat(r.faultcode()).endsWith("invalid_parameter");
        assertThat(r.faultstring()).contains("generate_web_password");

        List<String> mandatory = strings(doc.at("/components/schemas/AddAccountInfo/allOf/1/required"));
        for (String field : mandatory) {
            Map<String, Object> info = ApiClient.map("id", "req-" + field, "billing_model", 1, "i_product", 1,
                    "i_customer", 1);
            info.remove(field);
            r = api.call("Account/add_account", Map.of("account_info", info), token);
            assertThat(r.faultcode()).as(field).isEqualTo("Client.Account.add_account.missing_mandatory_field");
            assertThat(r.faultstring()).contains(field);
        }
        r = api.call("Account/terminate_account", Map.of(), token);
        assertThat(r.faultcode()).isEqualTo("Client.Account.terminate_account.missing_mandatory_field");
        assertThat(strings(doc.at("/components/schemas/TerminateAccountRequest/required"))).containsExactly("i_account");
    }

    @Test
    void withoutADocumentOrWithAnotherKind() throws Exception {
        try (PortaBillingSimulator other = PortaBillingSimulator.builder()
                .apiDescription(PortaBillingSimulator.ApiDescription.NONE).realm("customer").start()) {
            ApiClient client = new ApiClient(other.baseUrl());
            assertThat(other.apiDescriptionPath()).isEqualTo("/doc/api/CustomerInterface.json");
            assertThat(client.send(client.request("/doc/api/CustomerInterface.json").GET().build()).status()).isEqualTo(404);
            other.setApiDescription(PortaBillingSimulator.ApiDescription.HTML_PAGE);
            ApiClient.Response html = client.send(client.request("/doc/api/CustomerInterface.json").GET().build());
            assertThat(html.status()).isEqualTo(200);
            assertThat(html.contentType()).startsWith("text/html");
            other.setApiDescription(PortaBillingSimulator.ApiDescription.SWAGGER_2);
            assertThat(client.send(client.request("/doc/api/CustomerInterface.json").GET().build()).body())
                    .contains("\"swagger\":\"2.0\"");
            other.setApiDescription(PortaBillingSimulator.ApiDescription.SYNTHETIC);
            assertThat(client.send(client.request("/doc/api/CustomerInterface.json").GET().build()).body())
                    .contains("\"openapi\":\"3.0.2\"");
            // another realm's file, and a POST
            assertThat(client.send(client.request("/doc/api/AdminInterface.json").GET().build()).status()).isEqualTo(404);
            assertThat(client.send(client.request("/doc/api/CustomerInterface.json")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build()).status()).isEqualTo(405);
            // counted on their own, not in the log of API calls
            assertThat(other.apiDescriptionRequests()).isEqualTo(6);
            assertThat(other.requests()).isEmpty();
            assertThat(other.apiDescriptionAuthorization()).isNull();
        }
    }

    @Test
    void aLargeGeneratedDocument() throws Exception {
        try (PortaBillingSimulator big = PortaBillingSimulator.builder().apiDescriptionExtraMethods(1000)
                .requestLogCapacity(0).start()) {
            JsonNode large = ApiClient.JSON.readTree(big.apiDescriptionDocument());
            assertThat(large.get("paths").size()).isBetween(1000, 1100);
            assertThat(large.at("/components/schemas").size()).isBetween(2000, 2100);
            assertThat(large.at("/components/schemas/Item999Info/properties/next/allOf/0/$ref").asText())
                    .isEqualTo("#/components/schemas/Item0Info");
            // documented, not served
            assertThat(new ApiClient(big.baseUrl()).call("Generated0/get_item0_info", Map.of()).faultcode())
                    .isEqualTo("Client.unknown_method");
        }
    }

    @Test
    void commandLineOptions() throws Exception {
        SimulatorMain.Options o = SimulatorMain.parse(new String[] {"--port", "0", "--no-demo",
            "--api-description", "none", "--api-description-extra", "3"});
        try (PortaBillingSimulator s = o.builder.start()) {
            ApiClient client = new ApiClient(s.baseUrl());
            assertThat(client.send(client.request(s.apiDescriptionPath()).GET().build()).status()).isEqualTo(404);
            assertThat(ApiClient.JSON.readTree(s.apiDescriptionDocument()).get("paths").has("/Generated0/get_item2_info"))
                    .isTrue();
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
