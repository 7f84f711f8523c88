package io.github.camelportabilling.example.springboot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelportabilling.component.PortaBillingComponent;
import io.github.camelportabilling.component.PortaBillingConfiguration;
import io.github.camelportabilling.simulator.PortaBillingSimulator;
import io.github.camelportabilling.simulator.RecordedRequest;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The app as it runs with no server configured: Spring Boot, the starter binding application.yml, the embedded
 * simulator, the Java and YAML routes, and the Actuator health endpoint over HTTP. Assertions are on what the
 * simulator received and holds, the files the routes wrote, and what /actuator/health answers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = {"example.work-dir=" + ExampleSpringBootAppTest.WORK_DIR, "example.sync.delay=200",
                              // a Spring property like any in application.yml: the starter binds it to the component
                              "camel.component.portabilling.max-connections=7"})
@DirtiesContext
@Timeout(120)
class ExampleSpringBootAppTest {

    static final String WORK_DIR = "target/spring-boot-test-run";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    PortaBillingSimulator simulator;

    @Autowired
    CamelContext camelContext;

    @LocalServerPort
    int port;

    @Test
    void componentIsConfiguredFromSpringPropertiesAndPointedAtTheSimulator() {
        assertThat(camelContext.getVersion()).isEqualTo("4.18.0");
        PortaBillingConfiguration config = camelContext.getComponent("portabilling", PortaBillingComponent.class)
                .getConfiguration();
        assertThat(config.getHost()).isEqualTo(simulator.host());
        assertThat(config.getPort()).isEqualTo(simulator.port());
        assertThat(config.isUseHttps()).isFalse();
        assertThat(config.getMaxConnections()).isEqualTo(7);
        assertThat(config.getLogin()).isEqualTo(PortaBillingSimulator.DEMO_LOGIN);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDemoRouteCreatedAndReadBackACustomer() {
        await().atMost(Duration.ofSeconds(30)).until(() -> simulator.lastRequest("Customer/get_customer_info") != null);

        RecordedRequest add = simulator.lastRequest("Customer/add_customer");
        assertThat((Map<String, Object>) add.params().get("customer_info"))
                .containsEntry("name", "Spring Dairy").containsEntry("iso_4217", "EUR");
        assertThat(add.bearerToken()).isNotBlank();
        long id = ((Number) JSON.convertValue(parse(add.responseBody()), Map.class).get("i_customer")).longValue();
        assertThat(simulator.customer(id)).containsEntry("name", "Spring Dairy");
        assertThat(simulator.lastRequest("Customer/get_customer_info").params()).containsEntry("i_customer", (int) id);
    }

    @Test
    void theJavaAndYamlSyncsWriteEveryOpenRecordOnceWithOneLogin() throws IOException {
        Set<Long> openCustomers = new TreeSet<>();
        for (long id = 1; id <= 30; id++) { // the demo data: i_customer 1..30
            if ("O".equals(simulator.customer(id).get("bill_status"))) {
                openCustomers.add(id);
            }
        }
        Set<Long> openAccounts = new TreeSet<>();
        for (long id = 100_001; id <= 100_060; id++) { // and i_account 100001..100060
            if ("O".equals(simulator.account(id).get("bill_status"))) {
                openAccounts.add(id);
            }
        }
        assertThat(openCustomers).hasSizeBetween(1, 29);
        assertThat(openAccounts).hasSizeBetween(1, 59);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(ids("open-customers.jsonl", "i_customer")).containsAll(openCustomers);
            assertThat(ids("open-accounts.jsonl", "i_account")).containsAll(openAccounts);
        });

        assertThat(ids("open-customers.jsonl", "i_customer")).doesNotHaveDuplicates();
        assertThat(ids("open-accounts.jsonl", "i_account")).doesNotHaveDuplicates()
                .containsOnlyElementsOf(openAccounts);
        assertThat(simulator.lastRequest("Customer/get_customer_list").params()).containsEntry("bill_status", "O");
        assertThat(simulator.lastRequest("Account/get_account_list").params()).containsEntry("bill_status", "O");
        // the producers and both consumers share one session
        assertThat(simulator.loginCount()).isEqualTo(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void actuatorHealthShowsThePortaBillingChecksUp() throws Exception {
        // the producer check appears once the demo route's producers have started
        await().atMost(Duration.ofSeconds(30)).until(() -> simulator.lastRequest("Customer/get_customer_info") != null);

        ActuatorHealth health = ActuatorHealth.get(port);

        assertThat(health.httpStatus()).as(health.body()).isEqualTo(200);
        assertThat(health.status()).isEqualTo("UP");
        assertThat(health.camel().get("status")).isEqualTo("UP");
        Map<String, Object> checks = health.camelDetails();
        assertThat(checks).as(health.body()).containsEntry("consumer:sync-open-customers", "UP")
                .containsEntry("consumer:sync-open-accounts", "UP");
        List<String> producerChecks = checks.keySet().stream()
                .filter(k -> k.startsWith("producer:portabilling-") && !k.endsWith(".data")).toList();
        assertThat(producerChecks).isNotEmpty();
        producerChecks.forEach(k -> assertThat(checks.get(k)).as(k).isEqualTo("UP"));
        Map<String, Object> data = (Map<String, Object>) checks.get(producerChecks.get(0) + ".data");
        assertThat(data).containsEntry("server", simulator.baseUrl()).containsEntry("login", "demo")
                .containsEntry("loggedIn", "true");
        assertThat(health.body()).doesNotContain(PortaBillingSimulator.DEMO_PASSWORD);
    }

    private static List<Long> ids(String file, String idKey) throws IOException {
        Path path = Path.of(WORK_DIR, "sync", file);
        List<Long> ids = new ArrayList<>();
        if (Files.exists(path)) {
            for (String line : Files.readAllLines(path)) {
                if (!line.isBlank()) {
                    ids.add(((Number) JSON.readValue(line, Map.class).get(idKey)).longValue());
                }
            }
        }
        return ids;
    }

    private static Object parse(String json) {
        try {
            return JSON.readValue(json, Map.class);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
