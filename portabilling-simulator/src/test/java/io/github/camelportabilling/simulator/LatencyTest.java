package io.github.camelportabilling.simulator;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The latency switch: a delay per call plus one per record of a list page, with no request thread held meanwhile. */
@Timeout(60)
class LatencyTest {

    @Test
    void aListPageWaitsTheDelayPerCallPlusTheCostOfItsRecords() throws Exception {
        try (PortaBillingSimulator sim = PortaBillingSimulator.builder().seedCustomers(200).start()) {
            ApiClient api = new ApiClient(sim.baseUrl());
            String token = api.login();
            sim.setLatency(Duration.ofMillis(200), Duration.ofMillis(2));

            long t0 = System.nanoTime();
            api.ok("Generic/get_version", Map.of(), token);
            long versionMillis = (System.nanoTime() - t0) / 1_000_000;
            t0 = System.nanoTime();
            List<?> page = (List<?>) api.ok("Customer/get_customer_list", Map.of("limit", 100, "offset", 0), token)
                    .get("customer_list");
            long pageMillis = (System.nanoTime() - t0) / 1_000_000;

            assertThat(page).hasSize(100);
            assertThat(versionMillis).isGreaterThanOrEqualTo(200);
            // 200 ms + 100 records x 2 ms
            assertThat(pageMillis).isGreaterThanOrEqualTo(400);
            assertThat(sim.inFlight()).isZero();
        }
    }

    @Test
    void callsWaitingForTheirAnswerHoldNoRequestThread() throws Exception {
        // two request threads: if a waiting call held one, at most two calls could be in the server at once
        try (PortaBillingSimulator sim = PortaBillingSimulator.builder().serverThreads(2).seedCustomers(50)
                .latency(Duration.ofSeconds(2), Duration.ZERO).start()) {
            ApiClient api = new ApiClient(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(),
                    sim.baseUrl());
            String token = (String) api.login("demo", "demo-password").get("access_token");
            sim.resetCounters();
            int callers = 8;
            ExecutorService pool = Executors.newFixedThreadPool(callers);
            try {
                CyclicBarrier start = new CyclicBarrier(callers);
                List<Future<Integer>> answers = new ArrayList<>();
                for (int i = 0; i < callers; i++) {
                    int offset = i * 5;
                    answers.add(pool.submit(() -> {
                        start.await();
                        return api.call("Customer/get_customer_list", Map.of("limit", 5, "offset", offset), token)
                                .status();
                    }));
                }
                for (Future<Integer> answer : answers) {
                    assertThat(answer.get()).isEqualTo(200);
                }
            } finally {
                pool.shutdownNow();
            }

            assertThat(sim.inFlightHighWaterMark()).isEqualTo(callers);
            assertThat(sim.inFlight()).isZero();
        }
    }

    @Test
    void theLatencyIsACommandLineOption() throws Exception {
        SimulatorMain.Options o = SimulatorMain.parse(new String[] {"--port", "0", "--latency", "300:0"});
        try (PortaBillingSimulator sim = o.builder.start()) {
            ApiClient api = new ApiClient(sim.baseUrl());
            long t0 = System.nanoTime();
            api.login();
            assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(300);
        }
        assertThatThrownBy(() -> SimulatorMain.parse(new String[] {"--latency", "1:2:3"})).hasMessageContaining("--latency");
        assertThatThrownBy(() -> SimulatorMain.parse(new String[] {"--latency", "-5"})).hasMessageContaining("latency");
    }
}
