package io.github.camelportabilling.simulator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.github.camelportabilling.simulator.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(60)
class FaultInjectionTest {

    PortaBillingSimulator sim;
    ApiClient api;
    String token;

    @BeforeEach
    void start() throws Exception {
        sim = PortaBillingSimulator.builder().seedCustomers(5).start();
        api = new ApiClient(sim.baseUrl());
        token = api.login();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    ApiClient.Response list() {
        return api.call("Customer/get_customer_list", Map.of(), token);
    }

    Map<String, Object> newCustomer(String name) {
        return Map.of("customer_info", map("name", name, "iso_4217", "USD"));
    }

    @Test
    void apiFaultForTheNextNCallsOnly() {
        sim.injectFault("Customer/get_customer_list", 2, Fault.apiFault("Server.Customer.boom", "Boom"));

        for (int i = 0; i < 2; i++) {
            ApiClient.Response r = list();
            assertThat(r.status()).isEqualTo(500);
            assertThat(r.contentType()).isEqualTo("application/json");
            assertThat(r.json()).isEqualTo(Map.of("faultcode", "Server.Customer.boom", "faultstring", "Boom"));
        }
        assertThat(list().status()).isEqualTo(200);
        assertThat(api.call("Customer/get_customer_info", Map.of("i_customer", 1), token).status()).isEqualTo(200);
    }

    @Test
    void httpStatusWithAndWithoutRetryAfter() {
        sim.injectFault("Customer/get_customer_list", 1, Fault.httpStatus(502));
        sim.injectFault("Customer/get_customer_list", 1, Fault.httpStatus(503, 7));
        sim.injectFault("Customer/get_customer_list", 1, Fault.tooManyRequests(3));

        ApiClient.Response r502 = list();
        assertThat(r502.status()).isEqualTo(502);
        assertThat(r502.contentType()).startsWith("text/plain");
        assertThat(r502.body()).contains("502");
        assertThat(r502.headers().firstValue("Retry-After")).isEmpty();
        ApiClient.Response r503 = list();
        assertThat(r503.status()).isEqualTo(503);
        assertThat(r503.headers().firstValue("Retry-After")).hasValue("7");
        ApiClient.Response r429 = list();
        assertThat(r429.status()).isEqualTo(429);
        assertThat(r429.headers().firstValue("Retry-After")).hasValue("3");
        assertThat(list().status()).isEqualTo(200);
    }

    @Test
    void aFaultedWriteIsNotExecuted() {
        sim.injectFault("Customer/add_customer", 1, Fault.httpStatus(504));
        assertThat(api.call("Customer/add_customer", newCustomer("never"), token).status()).isEqualTo(504);
        assertThat(sim.customerCount()).isEqualTo(5);
    }

    @Test
    void delayWaitsThenAnswersNormally() {
        sim.injectFault("Customer/get_customer_list", 1, Fault.delay(Duration.ofMillis(300)));
        long t0 = System.nanoTime();
        ApiClient.Response r = list();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.list("customer_list")).hasSize(5);
        assertThat(ms).isGreaterThanOrEqualTo(290);
    }

    @Test
    void dropBeforeCommitClosesTheConnectionAndExecutesNothing() {
        sim.injectFault("Customer/add_customer", 1, Fault.dropBeforeCommit());
        assertThatThrownBy(() -> api.call("Customer/add_customer", newCustomer("dropped"), token))
                .isInstanceOf(UncheckedIOException.class).hasCauseInstanceOf(IOException.class);
        assertThat(sim.customerCount()).isEqualTo(5);
        assertThat(sim.callCount("Customer/add_customer")).isEqualTo(1);
        assertThat(sim.lastRequest("Customer/add_customer").status()).isZero();
    }

    @Test
    void dropAfterCommitExecutesThenClosesTheConnection() {
        sim.injectFault("Customer/add_customer", 1, Fault.dropAfterCommit());
        assertThatThrownBy(() -> api.call("Customer/add_customer", newCustomer("created anyway"), token))
                .isInstanceOf(UncheckedIOException.class).hasCauseInstanceOf(IOException.class);
        assertThat(sim.customerCount()).isEqualTo(6);
        assertThat(sim.customer(6)).containsEntry("name", "created anyway");
    }

    @Test
    void truncatedJsonExecutesAndCutsTheBodyInHalf() {
        sim.injectFault("Customer/add_customer", 1, Fault.truncatedJson());
        ApiClient.Response r = api.call("Customer/add_customer", newCustomer("half"), token);
        String full = "{\"i_customer\":6}";
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).isEqualTo("application/json");
        assertThat(r.body()).isEqualTo(full.substring(0, full.length() / 2));
        assertThat(r.headers().firstValue("Content-Length")).hasValue(String.valueOf(full.length() / 2));
        assertThat(sim.customerCount()).isEqualTo(6);
    }

    @Test
    void htmlErrorPageLooksLikeNginx() {
        sim.injectFault("Customer/get_customer_list", 1, Fault.htmlErrorPage(502));
        ApiClient.Response r = list();
        assertThat(r.status()).isEqualTo(502);
        assertThat(r.contentType()).startsWith("text/html");
        assertThat(r.body()).startsWith("<html>").contains("<title>502 Bad Gateway</title>", "nginx");
    }

    @Test
    void emptyBody() {
        sim.injectFault("Customer/get_customer_list", 1, Fault.emptyBody(200));
        sim.injectFault("Customer/get_customer_list", 1, Fault.emptyBody(500));
        ApiClient.Response ok = list();
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body()).isEmpty();
        assertThat(list().status()).isEqualTo(500);
    }

    @Test
    void jsonArray() {
        sim.injectFault("Customer/get_customer_list", 1, Fault.jsonArray());
        ApiClient.Response r = list();
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("[]");
    }

    @Test
    void wrongTypesKeepTheKeysWithWrongJsonTypes() {
        sim.injectFault("*", 4, Fault.wrongTypes());
        assertThat(list().json()).containsEntry("customer_list", 5).containsEntry("total", "many");
        assertThat(api.call("Account/get_account_info", Map.of("i_account", 1), token).json()).isEqualTo(Map.of("account_info", "x"));
        assertThat(api.call("Account/add_account", Map.of(), token).json()).isEqualTo(Map.of("i_account", "x"));
        assertThat(api.call("Customer/terminate_customer", Map.of(), token).json()).isEqualTo(Map.of("success", "yes"));

        sim.injectFault("Session/login", 1, Fault.wrongTypes());
        Map<String, Object> login = api.call("Session/login", Map.of()).json();
        assertThat(login.get("access_token")).isInstanceOf(Number.class);
    }

    @Test
    void redirectIsRecordedWithTheTargetRequestToo() {
        sim.injectFault("Customer/get_customer_list", 1, Fault.redirect(307, sim.baseUrl() + "/moved/here"));
        ApiClient.Response r = list();
        assertThat(r.status()).isEqualTo(307);
        assertThat(r.headers().firstValue("Location")).hasValue(sim.baseUrl() + "/moved/here");

        ApiClient following = new ApiClient(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build(), sim.baseUrl());
        sim.injectFault("Customer/get_customer_list", 1, Fault.redirect(302, "/elsewhere"));
        sim.clearRequests();
        ApiClient.Response followed = following.call("Customer/get_customer_list", Map.of(), token);
        assertThat(followed.status()).isEqualTo(404);
        List<RecordedRequest> requests = sim.requests();
        assertThat(requests).extracting(RecordedRequest::path).containsExactly("/rest/Customer/get_customer_list", "/elsewhere");
        assertThat(requests.get(1).serviceMethod()).isNull();
        assertThat(requests.get(1).status()).isEqualTo(404);
    }

    @Test
    void starMatchesEverythingButSessionCalls() {
        sim.injectFault("*", 2, Fault.httpStatus(503));
        assertThat(api.call("Session/login", Map.of("login", "demo", "password", "demo-password")).status()).isEqualTo(200);
        assertThat(api.call("Generic/get_version", Map.of(), token).status()).isEqualTo(503);
        assertThat(list().status()).isEqualTo(503);
        assertThat(list().status()).isEqualTo(200);
    }

    @Test
    void clearFaultsRemovesScriptedAndRandomFaults() {
        sim.injectFault("*", 100, Fault.httpStatus(503));
        sim.injectFaultRandomly("*", 1.0, 1, Fault.httpStatus(502));
        sim.clearFaults();
        assertThat(list().status()).isEqualTo(200);
    }

    @Test
    void randomFaultsAreDeterministicPerSeed() {
        List<Integer> first = randomRun(42);
        List<Integer> second = randomRun(42);
        assertThat(first).isEqualTo(second);
        assertThat(first).contains(200, 502, 503);
        assertThat(first.stream().filter(s -> s != 200).count()).isBetween(5L, 35L);
    }

    private List<Integer> randomRun(long seed) {
        sim.clearFaults();
        sim.injectFaultRandomly("Customer/get_customer_list", 0.4, seed, Fault.httpStatus(502), Fault.httpStatus(503));
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            statuses.add(list().status());
        }
        sim.clearFaults();
        return statuses;
    }

    @Test
    void factoriesRejectNonsense() {
        assertThatThrownBy(() -> Fault.redirect(200, "/x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.httpStatus(42)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.delay(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sim.injectFault("nonsense", 1, Fault.jsonArray())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sim.injectFaultRandomly("*", 1.5, 1, Fault.jsonArray())).isInstanceOf(IllegalArgumentException.class);
        assertThat(Fault.httpStatus(503, 2)).hasToString("Fault.httpStatus(503, Retry-After 2)");
    }
}
