package io.github.camelportabilling.component;

import java.io.InputStream;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelportabilling.simulator.Fault;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Component;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * connectTimeout, responseTimeout, retryBackoff and maxRetryAfter take Camel's duration syntax (10s, 1m30s, 500ms,
 * PT10S, or milliseconds) on endpoints and on the component, and the catalog declares them as durations.
 */
class DurationOptionsTest extends SimulatorTestSupport {

    private static final String[] TIME_OPTIONS = {"connectTimeout", "responseTimeout", "retryBackoff", "maxRetryAfter"};

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        // as camel.component.portabilling.response-timeout = 1s would: through the component's generated configurer
        PropertyConfigurer configurer = PluginHelper.getConfigurerResolver(context)
                .resolvePropertyConfigurer("portabilling-component", context);
        Component component = context.getComponent("portabilling");
        configurer.configure(context, component, "responseTimeout", "1s", true);
        configurer.configure(context, component, "retryBackoff", "50ms", true);
        return context;
    }

    @Test
    void endpointUrisTakeDurations() {
        PortaBillingEndpoint endpoint = context.getEndpoint("portabilling:Account/account?operation=get"
                                                            + "&connectTimeout=2s&responseTimeout=1m30s"
                                                            + "&retryBackoff=250ms&maxRetryAfter=PT20S",
                PortaBillingEndpoint.class);

        PortaBillingConfiguration c = endpoint.getConfiguration();
        assertThat(c.getConnectTimeout()).isEqualTo(2_000);
        assertThat(c.getResponseTimeout()).isEqualTo(90_000);
        assertThat(c.getRetryBackoff()).isEqualTo(250);
        assertThat(c.getMaxRetryAfter()).isEqualTo(20_000);
        // plain milliseconds still work
        assertThat(context.getEndpoint("portabilling:Account/account?operation=get&responseTimeout=1500",
                PortaBillingEndpoint.class).getConfiguration().getResponseTimeout()).isEqualTo(1_500);
    }

    @Test
    void aComponentResponseTimeoutGivenAsADurationEndsAHungCall() {
        PortaBillingConfiguration settings = context.getComponent("portabilling", PortaBillingComponent.class)
                .getConfiguration();
        assertThat(settings.getResponseTimeout()).isEqualTo(1_000);
        assertThat(settings.getRetryBackoff()).isEqualTo(50);
        long account = newAccount(newCustomer("Duration Hung Co"), "dur-" + System.nanoTime());
        simulator.injectFault("Account/get_account_info", 1, Fault.delay(Duration.ofSeconds(4)));

        Exchange out = template.send("portabilling:Account/account?operation=get", e -> e.getMessage().setBody(account));

        assertThat(out.getException()).isInstanceOf(PortaBillingTimeoutException.class)
                .hasMessageContaining("responseTimeout=1000 ms");
        assertThat(simulator.callCount("Account/get_account_info")).isEqualTo(1);
    }

    @Test
    void theCatalogDeclaresThemAsDurations() throws Exception {
        JsonNode json;
        try (InputStream in = getClass().getResourceAsStream(
                "/META-INF/io/github/camelportabilling/component/portabilling.json")) {
            json = new ObjectMapper().readTree(in);
        }
        for (String option : TIME_OPTIONS) {
            for (String group : new String[] {"properties", "componentProperties"}) {
                JsonNode o = json.get(group).get(option);
                assertThat(o.get("type").asText()).as(group + "." + option).isEqualTo("duration");
                assertThat(o.get("description").asText()).as(group + "." + option).containsIgnoringCase("milliseconds");
            }
        }
    }
}
