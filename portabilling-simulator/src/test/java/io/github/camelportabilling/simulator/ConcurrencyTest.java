package io.github.camelportabilling.simulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.github.camelportabilling.simulator.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

@Timeout(120)
class ConcurrencyTest {

    @Test
    void sixtyFourClientsWritingAndReadingAtOnce() throws Exception {
        int clients = 64;
        int perClient = 20;
        try (PortaBillingSimulator sim = PortaBillingSimulator.builder().seedCustomers(1).requestLogCapacity(100).start()) {
            ApiClient api = new ApiClient(sim.baseUrl());
            String token = api.login();
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            CountDownLatch go = new CountDownLatch(1);
            try {
                List<Future<List<Long>>> results = new ArrayList<>();
                for (int c = 0; c < clients; c++) {
                    int client = c;
                    results.add(pool.submit(() -> {
                        go.await();
                        List<Long> created = new ArrayList<>();
                        for (int i = 0; i < perClient; i++) {
                            Map<String, Object> added = api.ok("Account/add_account", Map.of("account_info",
                                    map("id", "c" + client + "-" + i, "billing_model", 1, "i_product", 1, "i_customer", 1)), token);
                            created.add(((Number) added.get("i_account")).longValue());
                            api.ok("Account/get_account_list", Map.of("id", "c" + client + "-%", "limit", 5), token);
                        }
                        return created;
                    }));
                }
                go.countDown();
                Set<Long> all = new HashSet<>();
                for (Future<List<Long>> f : results) {
                    all.addAll(f.get());
                }
                assertThat(all).hasSize(clients * perClient);
            } finally {
                pool.shutdownNow();
            }
            assertThat(sim.accountCount()).isEqualTo(clients * perClient);
            assertThat(sim.callCount("Account/add_account")).isEqualTo(clients * perClient);
            assertThat(sim.inFlight()).isZero();
            assertThat(sim.inFlightHighWaterMark()).isGreaterThan(1).isLessThanOrEqualTo(clients);
            List<Map<String, Object>> list = api.call("Account/get_account_list", Map.of(), token).list("account_list");
            // the list index stayed sorted (by id, the default order) under 64 concurrent writers
            assertThat(list).extracting(a -> ((Number) a.get("i_account")).longValue()).doesNotHaveDuplicates();
            assertThat(list).extracting(a -> (String) a.get("id")).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
            assertThat(sim.requests()).hasSize(100);
        }
    }

    @Test
    void concurrentRefreshesWithOneTokenLetExactlyOneWin() throws Exception {
        try (PortaBillingSimulator sim = PortaBillingSimulator.start(0)) {
            ApiClient api = new ApiClient(sim.baseUrl());
            Object refresh = api.login("demo", "demo-password").get("refresh_token");
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<Integer>> statuses = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    statuses.add(pool.submit(() -> api.call("Session/refresh_access_token", Map.of("refresh_token", refresh)).status()));
                }
                int ok = 0;
                for (Future<Integer> s : statuses) {
                    ok += s.get() == 200 ? 1 : 0;
                }
                assertThat(ok).isEqualTo(1);
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
