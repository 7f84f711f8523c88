package io.github.camelportabilling.versions;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelportabilling.component.PortaBillingComponent;
import io.github.camelportabilling.component.PortaBillingConstants;
import io.github.camelportabilling.component.PortaBillingException;
import io.github.camelportabilling.simulator.PortaBillingSimulator;
import io.github.camelportabilling.simulator.RecordedRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.impl.health.DefaultHealthCheckRegistry;
import org.apache.camel.impl.health.ProducersHealthCheckRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The component jar, built on Camel 4.18, on the Camel release of this module's class path: producer operations,
 * a streamed list, an API fault, a consumer cycle and the producer health check, against the simulator. One
 * simulator and one Camel context for all checks.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES) // hang guard
class ComponentOnThisCamelIT {

    private static final String CUSTOMERS = "portabilling:Customer/customer";

    private static PortaBillingSimulator simulator;
    private static CamelContext camel;
    private static ProducerTemplate template;
    private static String connection;
    private static final List<Map<String, Object>> consumed = Collections.synchronizedList(new ArrayList<>());
    private static final AtomicInteger idlePolls = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        simulator = PortaBillingSimulator.builder().demoData().start();
        connection = "host=" + simulator.host() + "&port=" + simulator.port() + "&useHttps=false&login="
                + PortaBillingSimulator.DEMO_LOGIN + "&password=RAW(" + PortaBillingSimulator.DEMO_PASSWORD + ")";
        camel = new DefaultCamelContext();
        camel.getCamelContextExtension().addContextPlugin(HealthCheckRegistry.class, new DefaultHealthCheckRegistry(camel));
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(CUSTOMERS + "?filter.bill_status=O&pageSize=4&delay=200&mode=incremental"
                     + "&sendEmptyMessageWhenIdle=true&" + connection)
                        .routeId("consumer").autoStartup(false)
                        .process(e -> {
                            Map<String, Object> record = e.getMessage().getBody(Map.class);
                            if (record == null) {
                                idlePolls.incrementAndGet();
                            } else {
                                consumed.add(record);
                            }
                        });
            }
        });
        camel.start();
        template = camel.createProducerTemplate();
    }

    @AfterAll
    static void stop() throws Exception {
        if (camel != null) {
            camel.close();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    private static String uri(String path, String options) {
        return "portabilling:" + path + "?" + options + "&" + connection;
    }

    @Test
    void theClassPathHasThisCamelAndTheBuiltJar() throws Exception {
        assertThat(camel.getVersion()).isEqualTo(System.getProperty("expected.camel.version"));
        Path jar = Path.of(PortaBillingComponent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertThat(jar.getFileName().toString())
                .as("the component jar camel-portabilling built (built on Camel 4.18)")
                .isEqualTo("camel-portabilling-" + System.getProperty("component.version") + ".jar");
    }

    @Test
    void createGetUpdateAndAMissingRecord() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", "Versions Co " + System.nanoTime());
        fields.put("iso_4217", "EUR");
        Exchange created = template.send(uri("Customer/customer", "operation=create"), e -> e.getMessage().setBody(fields));
        assertThat(created.getException()).isNull();
        long id = created.getMessage().getHeader(PortaBillingConstants.ID, Long.class);
        assertThat(simulator.customer(id)).containsEntry("name", fields.get("name")).containsEntry("iso_4217", "EUR");

        Map<String, Object> got = template.requestBody(uri("Customer/customer", "operation=get"), id, Map.class);
        assertThat(got).containsEntry("name", fields.get("name"));

        Map<String, Object> change = new LinkedHashMap<>();
        change.put("i_customer", id);
        change.put("email", "ops@versions.example");
        template.requestBody(uri("Customer/customer", "operation=update"), change);
        assertThat(simulator.customer(id)).containsEntry("email", "ops@versions.example");
        assertThat((Map<String, Object>) simulator.lastRequest("Customer/update_customer").params().get("customer_info"))
                .containsEntry("i_customer", (int) id);

        Exchange missing = template.send(uri("Customer/customer", "operation=get"), e -> e.getMessage().setBody(987654L));
        assertThat(missing.getException()).isNull();
        assertThat(missing.getMessage().getHeader(PortaBillingConstants.FOUND, Boolean.class)).isFalse();
        assertThat(missing.getMessage().getBody()).isNull();
    }

    @Test
    void anyMethodThroughOperationCall() {
        Map<String, Object> answer = template.requestBody(uri("Generic/generic", "operation=call&method=get_version"),
                null, Map.class);
        RecordedRequest call = simulator.lastRequest("Generic/get_version");
        assertThat(call).isNotNull();
        assertThat(answer).containsEntry("version", "117.0 (portabilling-simulator)");
    }

    @Test
    void aListWithItsTotalAndAStreamedListOverEveryPage() {
        int open = openCustomers().size();
        Exchange page = template.send(uri("Customer/customer", "operation=list&filter.bill_status=O&includeTotal=true&pageSize=3"),
                e -> e.getMessage().setBody(null));
        assertThat(page.getException()).isNull();
        assertThat(page.getMessage().getBody(List.class)).hasSize(Math.min(3, open));
        assertThat(page.getMessage().getHeader(PortaBillingConstants.TOTAL, Long.class)).isEqualTo(open);

        long listCallsBefore = simulator.callCount("Customer/get_customer_list");
        Iterator<?> all = template.requestBody(uri("Customer/customer", "operation=list&streamList=true&filter.bill_status=O&pageSize=4"),
                null, Iterator.class);
        List<Long> walked = new ArrayList<>();
        all.forEachRemaining(r -> walked.add(((Number) ((Map<?, ?>) r).get("i_customer")).longValue()));
        assertThat(walked).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(openCustomers());
        assertThat(simulator.callCount("Customer/get_customer_list") - listCallsBefore)
                .as("pages of 4").isGreaterThanOrEqualTo((open + 3) / 4);
    }

    @Test
    void anApiFaultBecomesAPortaBillingExceptionWithTheFaultCode() {
        Map<String, Object> noCurrency = Map.of("name", "No Currency " + System.nanoTime());
        assertThatThrownBy(() -> template.requestBody(uri("Customer/customer", "operation=create"), noCurrency))
                .hasCauseInstanceOf(PortaBillingException.class)
                .cause().satisfies(e -> assertThat(((PortaBillingException) e).getFaultCode())
                        .contains("missing_mandatory_field"));
    }

    @Test
    void aConsumerCycleDeliversEveryOpenCustomerOnce() throws Exception {
        List<Long> expected = openCustomers();
        camel.getRouteController().startRoute("consumer");
        await().atMost(Duration.ofMinutes(1)).until(() -> idlePolls.get() > 0);
        List<Long> ids = new ArrayList<>();
        synchronized (consumed) {
            consumed.forEach(r -> ids.add(((Number) r.get("i_customer")).longValue()));
        }
        // open customers at the time of the cycle (other tests create customers, all open)
        assertThat(ids).doesNotHaveDuplicates().containsAll(expected);
        assertThat(ids).allSatisfy(id -> assertThat(simulator.customer(id)).containsEntry("bill_status", "O"));
    }

    @Test
    void theProducerHealthCheckReportsTheSession() {
        template.requestBody(uri("Generic/generic", "operation=call&method=get_version"), (Object) null);
        ProducersHealthCheckRepository producers = HealthCheckHelper.getHealthCheckRepository(camel, "producers",
                ProducersHealthCheckRepository.class);
        producers.setEnabled(true);
        List<HealthCheck> checks = producers.stream().filter(c -> c.getId().startsWith("producer:portabilling")).toList();
        assertThat(checks).isNotEmpty();
        long before = simulator.totalCallCount();
        assertThat(checks).allSatisfy(c -> assertThat(c.call().getState()).isEqualTo(HealthCheck.State.UP));
        assertThat(simulator.totalCallCount()).as("no API call per probe").isEqualTo(before);
    }

    /** i_customer of every open customer the simulator holds now. */
    private static List<Long> openCustomers() {
        List<Long> open = new ArrayList<>();
        for (long id = 1; id <= simulator.customerCount() + 100; id++) {
            Map<String, Object> c = simulator.customer(id);
            if (c != null && "O".equals(c.get("bill_status"))) {
                open.add(id);
            }
        }
        return open;
    }
}
