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
    void badOptionsAreRejected() {
        assertThatThrownBy(() -> SimulatorMain.parse(new String[] {"--bogus"})).hasMessageContaining("--bogus");
        assertThatThrownBy(() -> SimulatorMain.parse(new String[] {"--port"})).hasMessageContaining("--port");
        assertThatThrownBy(() -> SimulatorMain.parse(new String[] {"--customers", "many"})).hasMessageContaining("many");
    }
}
