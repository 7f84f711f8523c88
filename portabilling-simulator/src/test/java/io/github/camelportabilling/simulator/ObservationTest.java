package io.github.camelportabilling.simulator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.github.camelportabilling.simulator.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

/** Counters, in-flight tracking, the request log, hooks, issued secrets and CPU time. */
@Timeout(60)
class ObservationTest {

    PortaBillingSimulator sim;
    ApiClient api;

    @BeforeEach
    void start() throws Exception {
        sim = PortaBillingSimulator.builder().seedCustomers(3).start();
        api = new ApiClient(sim.baseUrl());
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void countersCountEveryCallFaultsIncluded() {
        String token = api.login();
        api.call("Session/login", Map.of("login", "demo", "password", "wrong"));
        Map<String, Object> login = api.login("demo", "demo-password");
        api.call("Session/refresh_access_token", Map.of("refresh_token", login.get("refresh_token")));
        sim.injectFault("Customer/get_customer_list", 1, Fault.httpStatus(503));
        api.call("Customer/get_customer_list", Map.of(), token);
        api.call("Customer/get_customer_list", Map.of(), token);
        api.call("Customer/get_customer_list", Map.of(), "bad-token");
        api.post("/not-rest", "application/json", "{}");

        assertThat(sim.loginCount()).isEqualTo(3).isEqualTo(sim.callCount("Session/login"));
        assertThat(sim.refreshCount()).isEqualTo(1);
        assertThat(sim.callCount("Customer/get_customer_list")).isEqualTo(3);
        assertThat(sim.callCount("Account/add_account")).isZero();
        assertThat(sim.totalCallCount()).isEqualTo(8);

        sim.resetCounters();
        assertThat(sim.loginCount()).isZero();
        assertThat(sim.totalCallCount()).isZero();
        assertThat(sim.inFlightHighWaterMark()).isZero();
    }

    @Test
    void inFlightHighWaterMarkSeesParallelDelayedCalls() throws Exception {
        String token = api.login();
        sim.resetCounters();
        sim.injectFault("Customer/get_customer_list", 6, Fault.delay(Duration.ofMillis(1500)));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<ApiClient.Response>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(pool.submit(() -> api.call("Customer/get_customer_list", Map.of(), token)));
            }
            long deadline = System.currentTimeMillis() + 5000;
            while (sim.inFlight() < 6 && System.currentTimeMillis() < deadline) {
                Thread.sleep(5);
            }
            assertThat(sim.inFlight()).isEqualTo(6);
            for (Future<ApiClient.Response> f : calls) {
                assertThat(f.get().status()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(sim.inFlightHighWaterMark()).isEqualTo(6);
        assertThat(sim.inFlight()).isZero();
    }

    @Test
    void requestsAreRecordedWithHeadersBodyParamsAndAnswer() {
        String token = api.login();
        api.call("Customer/get_customer_info", Map.of("i_customer", 2), token);
        api.legacy("Customer/get_customer_info", Map.of("login", "demo", "password", "demo-password"), Map.of("i_customer", 3));

        List<RecordedRequest> all = sim.requests();
        assertThat(all).extracting(RecordedRequest::serviceMethod)
                .containsExactly("Session/login", "Customer/get_customer_info", "Customer/get_customer_info");
        RecordedRequest modern = all.get(1);
        assertThat(modern.httpMethod()).isEqualTo("POST");
        assertThat(modern.path()).isEqualTo("/rest/Customer/get_customer_info");
        assertThat(modern.service()).isEqualTo("Customer");
        assertThat(modern.method()).isEqualTo("get_customer_info");
        assertThat(modern.header("authorization")).isEqualTo("Bearer " + token);
        assertThat(modern.headers()).containsKey("AUTHORIZATION");
        assertThat(modern.bearerToken()).isEqualTo(token);
        assertThat(modern.contentType()).isEqualTo("application/json");
        assertThat(modern.body()).isEqualTo("{\"params\":{\"i_customer\":2}}");
        assertThat(modern.params()).isEqualTo(Map.of("i_customer", 2));
        assertThat(modern.authInfo()).isNull();
        assertThat(modern.status()).isEqualTo(200);
        assertThat(modern.responseBody()).contains("\"customer_info\"", "Customer 000002");

        RecordedRequest legacy = sim.lastRequest("Customer/get_customer_info");
        assertThat(legacy.authInfo()).isEqualTo(Map.of("login", "demo", "password", "demo-password"));
        assertThat(legacy.bearerToken()).isNull();
        assertThat(legacy.params()).isEqualTo(Map.of("i_customer", 3));
        assertThat(legacy.contentType()).isEqualTo("application/x-www-form-urlencoded");

        assertThat(sim.lastRequest("Account/add_account")).isNull();
        sim.clearRequests();
        assertThat(sim.requests()).isEmpty();
    }

    @Test
    void theRequestLogIsABoundedRingAndCanBeOff() throws Exception {
        try (PortaBillingSimulator small = PortaBillingSimulator.builder().requestLogCapacity(2).start();
             PortaBillingSimulator off = PortaBillingSimulator.builder().requestLogCapacity(0).start()) {
            ApiClient a = new ApiClient(small.baseUrl());
            a.post("/one", null, "");
            a.post("/two", null, "");
            a.post("/three", null, "");
            assertThat(small.requests()).extracting(RecordedRequest::path).containsExactly("/two", "/three");

            new ApiClient(off.baseUrl()).post("/one", null, "");
            assertThat(off.requests()).isEmpty();
            assertThat(off.totalCallCount()).isEqualTo(1);
        }
    }

    @Test
    void hooksRunBeforeTheCallWithItsNumberAndParams() {
        String token = api.login();
        List<Long> numbers = new CopyOnWriteArrayList<>();
        sim.onCall("Customer/get_customer_list", (n, params) -> {
            numbers.add(n);
            if (n == 2) {
                sim.addCustomer(map("name", "Added mid-run", "iso_4217", "USD"));
            }
        });
        List<String> everything = new CopyOnWriteArrayList<>();
        sim.onCall("*", (n, params) -> everything.add(String.valueOf(params.keySet())));

        assertThat(api.call("Customer/get_customer_list", Map.of(), token).list("customer_list")).hasSize(3);
        assertThat(api.call("Customer/get_customer_list", Map.of("limit", 10), token).list("customer_list")).hasSize(4);
        assertThat(numbers).containsExactly(1L, 2L);
        assertThat(everything).containsExactly("[]", "[limit]");

        sim.onCall("Customer/get_customer_info", (n, params) -> params.put("i_customer", 1));
        assertThat(api.call("Customer/get_customer_info", Map.of("i_customer", 3), token).object("customer_info"))
                .containsEntry("i_customer", 1);

        sim.onCall("Generic/get_version", (n, params) -> {
            throw new IllegalStateException("hook broke");
        });
        ApiClient.Response broken = api.call("Generic/get_version", Map.of(), token);
        assertThat(broken.faultcode()).isEqualTo("Server.simulator.hook_failed");
        assertThat(broken.faultstring()).contains("hook broke");

        sim.clearHooks();
        assertThat(api.call("Generic/get_version", Map.of(), token).status()).isEqualTo(200);
        assertThat(numbers).hasSize(2);
    }

    @Test
    void issuedSecretsHoldsEveryTokenAndTheConfiguredCredentials() {
        Map<String, Object> login = api.login("demo", "demo-password");
        Map<String, Object> refreshed = api.ok("Session/refresh_access_token", Map.of("refresh_token", login.get("refresh_token")), null);

        assertThat(sim.issuedSecrets()).contains(
                PortaBillingSimulator.DEMO_PASSWORD, PortaBillingSimulator.DEMO_API_TOKEN,
                (String) login.get("access_token"), (String) login.get("refresh_token"), (String) login.get("session_id"),
                (String) refreshed.get("access_token"), (String) refreshed.get("refresh_token"));
    }

    @Test
    void serverCpuTimeGrowsWithWork() throws Exception {
        long before = sim.serverCpuTimeNanos();
        String token = api.login();
        sim.seedCustomers(2000);
        List<CompletableFuture<ApiClient.Response>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            calls.add(CompletableFuture.supplyAsync(() -> api.call("Customer/get_customer_list", Map.of("limit", 1000), token)));
        }
        for (CompletableFuture<ApiClient.Response> c : calls) {
            assertThat(c.get().status()).isEqualTo(200);
        }
        assertThat(sim.serverCpuTimeNanos()).isGreaterThan(before);
    }
}
