package io.github.camelportabilling.component;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.github.camelportabilling.simulator.Fault;
import io.github.camelportabilling.simulator.PortaBillingSimulator;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs in its own Surefire execution with every logger at TRACE writing to a file (see the pom), then checks that no
 * password or token appears in any log line written by anything but the simulator, nor in exception messages and
 * toString output.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SecretsAtTraceTest extends SimulatorTestSupport {

    private static final String URI_PASSWORD = "uri-secret-password-123";
    private static final List<String> CAMEL_CORE_URI_RESOLUTION = List.of(
            "TRACE org.apache.camel.impl.engine.AbstractCamelContext - ",
            "TRACE org.apache.camel.support.EndpointHelper - ",
            "TRACE org.apache.camel.support.DefaultComponent - ");

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:get").to("portabilling:Account/account?operation=get");
                from("direct:badLogin").to("portabilling:Account/account?operation=get&password=" + URI_PASSWORD);
            }
        };
    }

    @Test
    void noSecretAppearsInLogsExceptionsOrToString() throws Exception {
        String logFile = System.getProperty("org.slf4j.simpleLogger.logFile");
        assertThat(logFile).as("run by the trace-logging Surefire execution").isNotNull();
        assertThat(System.getProperty("org.slf4j.simpleLogger.defaultLogLevel")).isEqualTo("trace");

        long account = newAccount(newCustomer("Secret Co"), "secret-" + System.nanoTime());
        List<String> texts = new ArrayList<>();
        simulator.setTokenLifetime(Duration.ofSeconds(1));
        for (int i = 0; i < 30; i++) {
            Exchange out = template.send("direct:get", e -> e.getMessage().setBody(account));
            assertThat(out.getException()).isNull();
            Thread.sleep(50);
        }
        simulator.revokeAllSessions();
        assertThat(template.send("direct:get", e -> e.getMessage().setBody(account)).getException()).isNull();
        simulator.injectFault("Account/get_account_info", 1, Fault.htmlErrorPage(404));
        collect(texts, template.send("direct:get", e -> e.getMessage().setBody(account)).getException());
        collect(texts, template.send("direct:badLogin", e -> e.getMessage().setBody(account)).getException());
        PortaBillingComponent component = context.getComponent("portabilling", PortaBillingComponent.class);
        for (PortaBillingSession session : component.getSessions()) {
            texts.add(session.toString());
            texts.add(session.getStats().toString());
            texts.add(session.getConfiguration().toString());
        }
        texts.add(component.getConfiguration().toString());
        PortaBillingDevConsole console = new PortaBillingDevConsole();
        console.setCamelContext(context);
        console.start();
        texts.add(String.valueOf(console.call(org.apache.camel.console.DevConsole.MediaType.TEXT)));
        texts.add(String.valueOf(console.call(org.apache.camel.console.DevConsole.MediaType.JSON)));
        PortaBillingEndpoint endpoint = context.getEndpoint("portabilling:Account/account?operation=get",
                PortaBillingEndpoint.class);
        org.apache.camel.health.HealthCheck.Result health
                = new PortaBillingProducerHealthCheck(endpoint, "secrets").call();
        texts.add(String.valueOf(health.getDetails()));
        texts.add(String.valueOf(health.getMessage().orElse("")));
        for (PortaBillingSession session : component.getSessions()) {
            texts.add(session.dumpCallStatistics());
        }
        texts.add(context.getEndpoint("portabilling:Account/account?operation=get&password=" + URI_PASSWORD).toString());
        context.stop();

        Set<String> secrets = new HashSet<>(simulator.issuedSecrets());
        secrets.add(PortaBillingSimulator.DEMO_PASSWORD);
        assertThat(simulator.issuedSecrets()).as("tokens were issued and refreshed").hasSizeGreaterThan(10);

        List<String> lines = Files.readAllLines(Path.of(logFile));
        List<String> checked = lines.stream().filter(l -> !l.contains("camelportabilling.simulator")).toList();
        assertThat(checked).as("log lines at TRACE").hasSizeGreaterThan(100);
        assertThat(lines).as("HttpClient logged at DEBUG").anyMatch(l -> l.contains("org.apache.hc.client5"));
        assertThat(lines).as("the component logged at DEBUG")
                .anyMatch(l -> l.contains("io.github.camelportabilling.component"));
        for (String secret : secrets) {
            assertThat(checked).as("log lines containing a secret").noneMatch(l -> l.contains(secret));
            assertThat(texts).as("messages containing a secret").noneMatch(t -> t.contains(secret));
        }
        // a password written into an endpoint URI is printed only by Camel core itself while it resolves the URI at
        // TRACE (see the adoc's Security section); never by the component or HttpClient
        assertThat(texts).noneMatch(t -> t.contains(URI_PASSWORD));
        assertThat(checked.stream().filter(l -> l.contains(URI_PASSWORD)))
                .allMatch(l -> CAMEL_CORE_URI_RESOLUTION.stream().anyMatch(l::contains));
    }

    private static void collect(List<String> texts, Throwable t) {
        assertThat(t).isNotNull();
        for (Throwable c = t; c != null; c = c.getCause()) {
            texts.add(String.valueOf(c.getMessage()));
            texts.add(c.toString());
        }
    }
}
