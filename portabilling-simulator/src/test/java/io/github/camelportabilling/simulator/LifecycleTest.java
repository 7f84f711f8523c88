package io.github.camelportabilling.simulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(60)
class LifecycleTest {

    @Test
    void startOnPortZeroAndClose() throws Exception {
        PortaBillingSimulator sim = PortaBillingSimulator.start(0);
        try {
            assertThat(sim.port()).isPositive();
            assertThat(sim.host()).isEqualTo("127.0.0.1");
            assertThat(sim.baseUrl()).isEqualTo("http://127.0.0.1:" + sim.port());
            assertThat(new ApiClient(sim.baseUrl()).login()).isNotBlank();
        } finally {
            sim.close();
        }
        sim.close(); // idempotent
        assertThatThrownBy(() -> new ApiClient(sim.baseUrl()).login()).hasCauseInstanceOf(java.net.ConnectException.class);
    }

    @Test
    void aFixedPortIsUsedAndFreedOnClose() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (PortaBillingSimulator sim = PortaBillingSimulator.builder().port(port).start()) {
            assertThat(sim.port()).isEqualTo(port);
        }
        try (PortaBillingSimulator again = PortaBillingSimulator.start(port)) {
            assertThat(again.port()).isEqualTo(port);
        }
    }

    @Test
    void closeEndsADelayedAnswerPromptly() throws Exception {
        PortaBillingSimulator sim = PortaBillingSimulator.start(0);
        ApiClient api = new ApiClient(sim.baseUrl());
        String token = api.login();
        sim.injectFault("Generic/get_version", 1, Fault.delay(Duration.ofMinutes(5)));
        CompletableFuture<ApiClient.Response> hung = CompletableFuture.supplyAsync(() -> api.call("Generic/get_version", Map.of(), token));
        while (sim.inFlight() == 0) {
            Thread.sleep(5);
        }

        long t0 = System.nanoTime();
        sim.close();
        long closeMillis = (System.nanoTime() - t0) / 1_000_000;

        assertThatThrownBy(() -> hung.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasRootCauseInstanceOf(IOException.class);
        assertThat(closeMillis).as("close took %d ms", closeMillis).isLessThan(5_000); // a hang guard, not a speed test
    }

    @Test
    void requestThreadsAreNamedAfterThePort() throws Exception {
        try (PortaBillingSimulator sim = PortaBillingSimulator.start(0)) {
            ApiClient api = new ApiClient(sim.baseUrl());
            String[] name = new String[1];
            sim.onCall("Session/login", (n, p) -> name[0] = Thread.currentThread().getName());
            api.login();
            assertThat(name[0]).matches("pbsim-" + sim.port() + "-\\d+");
            assertThat(sim.toString()).contains(sim.baseUrl());
        }
    }

    @Test
    void builderValidatesItsSettings() {
        assertThatThrownBy(() -> PortaBillingSimulator.builder().port(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PortaBillingSimulator.builder().serverThreads(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PortaBillingSimulator.builder().tokenLifetime(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PortaBillingSimulator.builder().requestLogCapacity(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nodelayIsSwitchedOnSoAnswersDoNotStall() throws Exception {
        try (PortaBillingSimulator sim = PortaBillingSimulator.start(0)) {
            assertThat(System.getProperty("sun.net.httpserver.nodelay")).isEqualTo("true");
        }
    }
}
