package io.github.camelportabilling.simulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.http.HttpRequest;
import java.util.Map;

import static io.github.camelportabilling.simulator.PortaBillingSimulator.DEMO_LOGIN;
import static io.github.camelportabilling.simulator.PortaBillingSimulator.DEMO_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/** URL form, both request encodings, success and fault envelopes. */
@Timeout(60)
class TransportTest {

    static PortaBillingSimulator sim;
    static ApiClient api;
    static String token;

    @BeforeAll
    static void start() throws Exception {
        sim = PortaBillingSimulator.builder().seedCustomers(3).start();
        api = new ApiClient(sim.baseUrl());
        token = api.login();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void modernJsonCallAnswersABareJsonObject() {
        ApiClient.Response r = api.call("Customer/get_customer_info", Map.of("i_customer", 1), token);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).isEqualTo("application/json");
        assertThat(r.json()).containsOnlyKeys("customer_info");
    }

    @Test
    void legacyFormLoginAndCall() {
        ApiClient.Response login = api.legacy("Session/login", null, Map.of("login", DEMO_LOGIN, "password", DEMO_PASSWORD));
        assertThat(login.status()).isEqualTo(200);
        String sessionId = (String) login.json().get("session_id");

        ApiClient.Response r = api.legacy("Customer/get_customer_info", Map.of("session_id", sessionId), Map.of("i_customer", 2));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.object("customer_info")).containsEntry("name", "Customer 000002");
    }

    @Test
    void legacyFormWithoutParamsMeansEmptyParams() {
        ApiClient.Response r = api.post("/rest/Customer/get_customer_list", "application/x-www-form-urlencoded",
                "auth_info=" + java.net.URLEncoder.encode("{\"login\":\"demo\",\"password\":\"demo-password\"}",
                        java.nio.charset.StandardCharsets.UTF_8));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.list("customer_list")).hasSize(3);
    }

    @Test
    void missingOrEmptyParamsAreAccepted() {
        String auth = "Bearer " + token;
        assertThat(api.post("/rest/Customer/get_customer_list", "application/json", "", "Authorization", auth).status()).isEqualTo(200);
        assertThat(api.post("/rest/Customer/get_customer_list", "application/json", "{}", "Authorization", auth).status()).isEqualTo(200);
        assertThat(api.post("/rest/Customer/get_customer_list", "application/json", "{\"params\":{}}", "Authorization", auth)
                .list("customer_list")).hasSize(3);
        assertThat(api.post("/rest/Customer/get_customer_list", "application/json", "{\"params\":null}", "Authorization", auth)
                .status()).isEqualTo(200);
    }

    @Test
    void numbersSentAsStringsAreAccepted() {
        ApiClient.Response r = api.call("Customer/get_customer_list", Map.of("limit", "2", "offset", "1", "get_total", "1"), token);
        assertThat(r.list("customer_list")).extracting(c -> c.get("i_customer")).containsExactly(2, 3);
        assertThat(r.json()).containsEntry("total", 3);
        assertThat(api.call("Customer/get_customer_info", Map.of("i_customer", "3"), token).object("customer_info"))
                .containsEntry("i_customer", 3);
    }

    @Test
    void trailingSlashIsTolerated() {
        ApiClient.Response r = api.post("/rest/Customer/get_customer_info/", "application/json",
                "{\"params\":{\"i_customer\":1}}", "Authorization", "Bearer " + token);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json()).containsKey("customer_info");
    }

    @Test
    void unknownMethodIsAJsonFaultNotAnHtml404() {
        ApiClient.Response r = api.call("Account/get_acount_info", Map.of(), token);
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.contentType()).isEqualTo("application/json");
        assertThat(r.faultcode()).isEqualTo("Client.unknown_method");
        assertThat(r.faultstring()).contains("Account/get_acount_info", "Did you mean 'Account/get_account_info'");

        assertThat(api.call("NoSuchService/do_it", Map.of(), token).faultcode()).isEqualTo("Client.unknown_method");
        assertThat(api.post("/rest/Account", "application/json", "{}").faultcode()).isEqualTo("Client.unknown_method");
        assertThat(api.post("/rest/Account/get_account_info/%7B%7D/%7B%7D", "application/json", "{}").faultcode())
                .isEqualTo("Client.unknown_method");
    }

    @Test
    void pathsOutsideRestAnswerAJson404Fault() {
        ApiClient.Response r = api.post("/api/Account/get_account_info", "application/json", "{}");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.contentType()).isEqualTo("application/json");
        assertThat(r.faultcode()).isEqualTo("Client.not_found");
    }

    @Test
    void nonPostAnswersAFault() {
        ApiClient.Response get = api.send(api.request("/rest/Generic/get_version").GET().build());
        assertThat(get.status()).isEqualTo(500);
        assertThat(get.faultcode()).isEqualTo("Client.http_method_not_allowed");
        assertThat(get.headers().firstValue("Allow")).hasValue("POST");
        ApiClient.Response put = api.send(api.request("/rest/Generic/get_version")
                .PUT(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(put.faultcode()).isEqualTo("Client.http_method_not_allowed");
    }

    @Test
    void undecodableBodiesAnswerInvalidRequest() {
        String auth = "Bearer " + token;
        assertThat(api.post("/rest/Generic/get_version", "application/json", "{not json", "Authorization", auth).faultcode())
                .isEqualTo("Client.invalid_request");
        assertThat(api.post("/rest/Generic/get_version", "application/json", "[1,2]", "Authorization", auth).faultcode())
                .isEqualTo("Client.invalid_request");
        assertThat(api.post("/rest/Generic/get_version", "application/x-www-form-urlencoded", "params=%7Bbroken",
                "Authorization", auth).faultcode()).isEqualTo("Client.invalid_request");
        assertThat(api.post("/rest/Generic/get_version", "text/plain", "hello", "Authorization", auth).faultcode())
                .isEqualTo("Client.invalid_request");
    }

    @Test
    void getVersion() {
        assertThat(api.ok("Generic/get_version", Map.of(), token).get("version")).isInstanceOf(String.class);
    }

    @Test
    void jsonWithCharsetIsJson() {
        ApiClient.Response r = api.post("/rest/Customer/get_customer_info", "application/json; charset=UTF-8",
                "{\"params\":{\"i_customer\":1}}", "Authorization", "Bearer " + token);
        assertThat(r.json()).containsKey("customer_info");
    }
}
