package io.github.camelportabilling.example.quarkus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelportabilling.component.PortaBillingComponent;
import io.github.camelportabilling.component.PortaBillingConfiguration;
import io.github.camelportabilling.component.PortaBillingConstants;
import io.github.camelportabilling.example.quarkus.SimulatorResource.InjectSimulator;
import io.github.camelportabilling.simulator.PortaBillingSimulator;
import io.github.camelportabilling.simulator.RecordedRequest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The example routes on Camel Quarkus (JVM mode) against the simulator: the component is configured only through
 * application.properties (overridden by {@link SimulatorResource}), and the assertions are on what the simulator
 * received and holds.
 */
@QuarkusTest
@WithTestResource(SimulatorResource.class)
class PortaBillingRoutesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @InjectSimulator
    PortaBillingSimulator simulator;

    @Inject
    CamelContext context;

    @Inject
    ProducerTemplate template;

    @Test
    void runsOnCamelQuarkusWithTheComponentConfiguredFromProperties() {
        assertThat(context.getVersion()).isEqualTo("4.18.0");
        assertThat(context.getClass().getName()).startsWith("org.apache.camel.quarkus.");
        PortaBillingConfiguration config = context.getComponent("portabilling", PortaBillingComponent.class)
                .getConfiguration();
        assertThat(config.getHost()).isEqualTo(simulator.host());
        assertThat(config.getPort()).isEqualTo(simulator.port());
        assertThat(config.isUseHttps()).isFalse();
        assertThat(config.getLogin()).isEqualTo(PortaBillingSimulator.DEMO_LOGIN);
    }

    @Test
    @SuppressWarnings("unchecked")
    void createsThenGetsACustomer() {
        Map<String, Object> customer = new LinkedHashMap<>();
        customer.put("name", "Quarkus Dairy");
        customer.put("iso_4217", "EUR");

        Exchange created = template.request("direct:createCustomer", e -> e.getMessage().setBody(customer));

        assertThat(created.getException()).isNull();
        long id = created.getMessage().getHeader(PortaBillingConstants.ID, Long.class);
        RecordedRequest add = simulator.lastRequest("Customer/add_customer");
        assertThat(add.params()).containsOnlyKeys("customer_info");
        assertThat((Map<String, Object>) add.params().get("customer_info"))
                .containsEntry("name", "Quarkus Dairy").containsEntry("iso_4217", "EUR");
        assertThat(add.bearerToken()).isNotBlank();
        assertThat(simulator.customer(id)).containsEntry("name", "Quarkus Dairy").containsEntry("iso_4217", "EUR");

        Exchange got = template.request("direct:getCustomer", e -> e.getMessage().setBody(id));

        assertThat(simulator.lastRequest("Customer/get_customer_info").params()).isEqualTo(Map.of("i_customer", (int) id));
        assertThat(got.getMessage().getHeader(PortaBillingConstants.FOUND)).isEqualTo(true);
        Map<String, Object> info = got.getMessage().getBody(Map.class);
        assertThat(info).containsEntry("name", "Quarkus Dairy").containsEntry("i_customer", (int) id);
        assertThat(info.keySet()).isEqualTo(simulator.customer(id).keySet());

        // the sync route's next cycle brings the new (open) customer too
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(syncedIds()).contains(id));
    }

    @Test
    void getOfAnUnknownCustomerIsNotFound() {
        Exchange got = template.request("direct:getCustomer", e -> e.getMessage().setBody(987_654_321L));

        assertThat(got.getException()).isNull();
        assertThat(got.getMessage().getBody()).isNull();
        assertThat(got.getMessage().getHeader(PortaBillingConstants.FOUND)).isEqualTo(false);
    }

    @Test
    void syncsEveryOpenCustomerOnceWithOneLogin() throws IOException {
        Set<Long> open = new TreeSet<>();
        Set<Long> notOpen = new TreeSet<>();
        for (long id = 1; id <= 30; id++) { // the demo data: 30 customers, i_customer 1..30
            Map<String, Object> c = simulator.customer(id);
            ("O".equals(c.get("bill_status")) ? open : notOpen).add(id);
        }
        assertThat(open).isNotEmpty();
        assertThat(notOpen).isNotEmpty();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(syncedIds()).containsAll(open));

        List<Long> synced = syncedIds();
        assertThat(synced).doesNotHaveDuplicates().doesNotContainAnyElementsOf(notOpen);
        for (Map<String, Object> line : syncedLines()) {
            long id = ((Number) line.get("i_customer")).longValue();
            if (open.contains(id)) {
                assertThat(line).isEqualTo(JSON.convertValue(simulator.customer(id), Map.class));
            }
        }
        RecordedRequest list = simulator.lastRequest("Customer/get_customer_list");
        assertThat(list.params()).containsEntry("bill_status", "O");
        // one session shared by the producers and the consumer
        assertThat(simulator.loginCount()).isEqualTo(1);
    }

    private static List<Long> syncedIds() throws IOException {
        List<Long> ids = new ArrayList<>();
        for (Map<String, Object> line : syncedLines()) {
            ids.add(((Number) line.get("i_customer")).longValue());
        }
        return ids;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> syncedLines() throws IOException {
        Path file = SimulatorResource.SYNC_DIR.resolve("customers.jsonl");
        List<Map<String, Object>> lines = new ArrayList<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank()) {
                    lines.add(JSON.readValue(line, Map.class));
                }
            }
        }
        return lines;
    }
}
