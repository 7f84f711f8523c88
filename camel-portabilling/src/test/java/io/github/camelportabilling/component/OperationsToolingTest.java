package io.github.camelportabilling.component;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import io.github.camelportabilling.simulator.Fault;
import org.apache.camel.CamelContext;
import org.apache.camel.console.DevConsole;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.impl.health.DefaultHealthCheckRegistry;
import org.apache.camel.impl.health.ProducersHealthCheckRepository;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What operators see: the producer readiness check, the dev console and the JMX attributes of a session.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class OperationsToolingTest extends SimulatorTestSupport {

    private static final String GET = "portabilling:Account/account?operation=get";

    @Override
    public void configureTest(TestExecutionConfiguration configuration) {
        super.configureTest(configuration);
        configuration.withJMX(true);
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        DefaultHealthCheckRegistry registry = new DefaultHealthCheckRegistry(context);
        context.getCamelContextExtension().addContextPlugin(HealthCheckRegistry.class, registry);
        return context;
    }

    private HealthCheck producerCheck() {
        ProducersHealthCheckRepository producers = HealthCheckHelper.getHealthCheckRepository(context, "producers",
                ProducersHealthCheckRepository.class);
        assertThat(producers).as("the producers repository").isNotNull();
        // Camel disables producer checks unless asked (camel.health.producersEnabled=true)
        producers.setEnabled(true);
        List<HealthCheck> checks = producers.stream().filter(c -> c.getId().startsWith("producer:portabilling")).toList();
        assertThat(checks).hasSize(1);
        return checks.get(0);
    }

    @Test
    void theProducerReadinessCheckReportsTheSessionWithoutCallingTheApi() {
        long account = newAccount(newCustomer("Health Co"), "health-" + System.nanoTime());
        assertThat(template.send(GET, e -> e.getMessage().setBody(account)).getException()).isNull();
        HealthCheck check = producerCheck();
        long callsBefore = simulator.totalCallCount();

        HealthCheck.Result up = check.call();

        assertThat(check.isReadiness()).isTrue();
        assertThat(check.isLiveness()).isFalse();
        assertThat(up.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(up.getDetails()).containsEntry("loggedIn", true).containsEntry("logins", 1L)
                .containsEntry("login", "demo").containsKey("server");
        assertThat(simulator.totalCallCount()).as("no API call per probe").isEqualTo(callsBefore);

        simulator.injectFault("Account/get_account_info", 100, Fault.htmlErrorPage(502));
        for (int i = 0; i < 3; i++) {
            template.send(GET + "&maxRetries=0", e -> e.getMessage().setBody(account));
        }
        HealthCheck.Result down = check.call();
        assertThat(down.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(down.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("no answer from the API"));
        assertThat(down.getDetails()).containsEntry("lastFault", "HTTP 502");

        simulator.clearFaults();
        template.send(GET, e -> e.getMessage().setBody(account));
        assertThat(check.call().getState()).isEqualTo(HealthCheck.State.UP);
        // the check never stops the shared session
        assertThat(context.getComponent("portabilling", PortaBillingComponent.class).getSessions().iterator().next()
                .isStarted()).isTrue();
    }

    @Test
    void aRejectedLoginMakesTheProducerNotReady() {
        template.send(GET + "&password=wrong", e -> e.getMessage().setBody(1));

        HealthCheck.Result result = producerCheck().call();

        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("rejected the login"));
    }

    @Test
    void theDevConsoleShowsSessionsAndConsumers() throws Exception {
        long customer = newCustomer("Console Co");
        for (int i = 0; i < 5; i++) {
            newAccount(customer, "console-" + customer + "-" + i);
        }
        context.addRoutes(new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                from("portabilling:Account/account?pageSize=2&delay=100000&filter.i_customer=" + customer)
                        .routeId("consoleSync").to("log:sync?level=DEBUG");
            }
        });
        template.send(GET, e -> e.getMessage().setBody(1));
        PortaBillingConsumer consumer = (PortaBillingConsumer) context.getRoute("consoleSync").getConsumer();
        await().until(() -> consumer.getCycles() >= 1);

        PortaBillingDevConsole console = new PortaBillingDevConsole();
        console.setCamelContext(context);
        console.start();
        String text = (String) console.call(DevConsole.MediaType.TEXT);
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) console.call(DevConsole.MediaType.JSON);

        assertThat(text).contains("Session http://127.0.0.1:" + simulator.port() + " as demo", "logins: 1",
                "Account/get_account_info", "Consumer", "consoleSync", "cycles: 1", "delivered: 5");
        List<Map<String, Object>> sessions = (List<Map<String, Object>>) json.get("sessions");
        assertThat(sessions).hasSize(1);
        assertThat(sessions.get(0)).containsEntry("logins", 1L).containsKey("tokenAge").containsKey("calls");
        List<Map<String, Object>> consumers = (List<Map<String, Object>>) json.get("consumers");
        assertThat(consumers.get(0)).containsEntry("routeId", "consoleSync").containsEntry("delivered", 5L);
        // discovered by Camel through the generated service file
        assertThat(getClass().getResource("/META-INF/services/org/apache/camel/dev-console/portabilling")).isNotNull();
    }

    @Test
    void sessionCountersAndCallsPerMethodAreJmxAttributes() throws Exception {
        long account = newAccount(newCustomer("Jmx Co"), "jmx-" + System.nanoTime());
        for (int i = 0; i < 3; i++) {
            template.send(GET, e -> e.getMessage().setBody(account));
        }
        template.send(GET, e -> e.getMessage().setBody(Map.of("i_account", "nope")));

        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        Set<ObjectName> names = server.queryNames(new ObjectName("org.apache.camel:type=services,*"), null);
        ObjectName session = names.stream().filter(n -> n.toString().contains("PortaBillingSession")).findFirst()
                .orElseThrow(() -> new AssertionError("no PortaBillingSession MBean among " + names));

        assertThat(server.getAttribute(session, "Logins")).isEqualTo(1L);
        assertThat((Long) server.getAttribute(session, "Calls")).isGreaterThanOrEqualTo(5L);
        assertThat(server.getAttribute(session, "LoggedIn")).isEqualTo(true);
        assertThat(server.getAttribute(session, "BaseUrl")).isEqualTo(simulator.baseUrl());
        String statistics = (String) server.invoke(session, "dumpCallStatistics", null, null);
        assertThat(statistics).contains("Account/get_account_info {calls=4, ok=3, fault=1, error=0",
                "Session/login {calls=1, ok=1");
    }
}
