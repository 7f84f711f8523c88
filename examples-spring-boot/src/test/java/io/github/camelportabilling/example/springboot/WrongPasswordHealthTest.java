package io.github.camelportabilling.example.springboot;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.camelportabilling.simulator.PortaBillingSimulator;
import io.github.camelportabilling.simulator.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The same app with a wrong password (as PORTABILLING_PASSWORD would set it): the simulator rejects the login, and
 * /actuator/health says DOWN (HTTP 503) with the PortaBilling checks DOWN, without printing the password.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = {"camel.component.portabilling.password=" + WrongPasswordHealthTest.WRONG_PASSWORD,
                              "example.work-dir=target/spring-boot-test-wrong-password", "example.sync.delay=200"})
@DirtiesContext
@Timeout(120)
class WrongPasswordHealthTest {

    static final String WRONG_PASSWORD = "not-the-demo-password";

    @Autowired
    PortaBillingSimulator simulator;

    @LocalServerPort
    int port;

    @Test
    @SuppressWarnings("unchecked")
    void healthIsDownWhenTheServerRejectsTheLogin() throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(() -> ActuatorHealth.get(port).httpStatus() == 503);

        // the password of the configuration reached the server, which refused it
        RecordedRequest login = simulator.lastRequest("Session/login");
        assertThat(login.params()).containsEntry("login", PortaBillingSimulator.DEMO_LOGIN)
                .containsEntry("password", WRONG_PASSWORD);
        assertThat(login.responseBody()).contains("faultcode");
        assertThat(simulator.callCount("Customer/get_customer_list")).isZero();

        ActuatorHealth health = ActuatorHealth.get(port);
        assertThat(health.status()).isEqualTo("DOWN");
        assertThat(health.camel().get("status")).isEqualTo("DOWN");
        Map<String, Object> checks = health.camelDetails();
        List<String> downProducers = checks.keySet().stream()
                .filter(k -> k.startsWith("producer:portabilling-") && !k.endsWith(".data"))
                .filter(k -> "DOWN".equals(checks.get(k))).toList();
        assertThat(downProducers).as(health.body()).isNotEmpty();
        Map<String, Object> data = (Map<String, Object>) checks.get(downProducers.get(0) + ".data");
        assertThat(data).containsEntry("login", PortaBillingSimulator.DEMO_LOGIN).containsEntry("loggedIn", "false")
                .containsEntry("lastFault", "Server.Session.auth_failed");
        assertThat(checks).containsEntry("consumer:sync-open-customers", "DOWN")
                .containsEntry("consumer:sync-open-accounts", "DOWN");
        assertThat(health.body()).doesNotContain(WRONG_PASSWORD);
    }
}
