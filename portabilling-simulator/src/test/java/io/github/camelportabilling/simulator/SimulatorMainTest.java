package io.github.camelportabilling.simulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(60)
class SimulatorMainTest {

    @Test
    void optionsConfigureTheSimulator() throws Exception {
        SimulatorMain.Options o = SimulatorMain.parse(new String[] {
            "--port", "0", "--customers", "5", "--accounts", "8", "--token-lifetime", "900", "--no-demo"});
        try (PortaBillingSimulator sim = o.builder.start()) {
            assertThat(sim.customerCount()).isEqualTo(5);
            assertThat(sim.accountCount()).isEqualTo(8);
            Map<String, Object> login = new ApiClient(sim.baseUrl()).login("demo", "demo-password");
            assertThat(login.get("expires_in")).isEqualTo(900);
        }
    }

    @Test
    void demoDataByDefault() throws Exception {
        SimulatorMain.Options o = SimulatorMain.parse(new String[] {"--port", "0"});
        try (PortaBillingSimulator sim = o.builder.start()) {
            assertThat(sim.customerCount()).isPositive();
            assertThat(sim.baseUrl()).startsWith("http://127.0.0.1:");
        }
        assertThat(SimulatorMain.parse(new String[] {"--https"}).https).isTrue();
        assertThat(SimulatorMain.parse(new String[] {"--help"}).help).isTrue();
    }

    @Test
    void unfriendlyConditionsAreOptions() throws Exception {
        SimulatorMain.Options o = SimulatorMain.parse(new String[] {
            "--port", "0", "--no-demo", "--lockout", "2:60:300", "--must-change-password", "demo-api",
            "--clock-offset", "-1200", "--no-expires-in", "--plain-http-listener", "answer", "--login-delay", "0",
            "--slow-body", "64:1"});
        try (PortaBillingSimulator sim = o.builder.start()) {
            ApiClient api = new ApiClient(sim.baseUrl());
            Map<String, Object> login = api.login("demo", "demo-password");
            assertThat(login).doesNotContainKey("expires_in");
            assertThat(api.call("Session/login", Map.of("login", "demo-api", "token", "demo-api-token")).faultcode())
                    .isEqualTo("Server.Session.alert_You_must_change_password");
            for (int i = 0; i < 2; i++) {
                api.call("Session/login", Map.of("login", "demo", "password", "wrong"));
            }
            assertThat(sim.isLockedOut("demo")).isTrue();
            assertThat(sim.plainHttpPort()).isPositive();
        }
        assertThatThrownBy(() -> SimulatorMain.parse(new String[] {"--lockout", "2:60"})).hasMessageContaining("--lockout");
        assertThatThrownBy(() -> SimulatorMain.parse(new String[] {"--plain-http-listener", "loud"}))
                .hasMessageContaining("loud");
    }

    @Test
    void badOptionsAreRejected() {
        assertThatThrownBy(() -> SimulatorMain.parse(new String[] {"--bogus"})).hasMessageContaining("--bogus");
        assertThatThrownBy(() -> SimulatorMain.parse(new String[] {"--port"})).hasMessageContaining("--port");
        assertThatThrownBy(() -> SimulatorMain.parse(new String[] {"--customers", "many"})).hasMessageContaining("many");
    }
}
