package io.github.camelportabilling.example;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.camelportabilling.component.PortaBillingComponent;
import io.github.camelportabilling.component.PortaBillingException;
import io.github.camelportabilling.simulator.PortaBillingSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The YAML DSL error-handling snippet of the adoc ("Errors") loads and handles a fault the simulator answers. */
class YamlFaultSnippetTest {

    /** The adoc's snippet, and a route to try it on. */
    private static final String YAML = """
            - onException:
                exception:
                  - io.github.camelportabilling.component.PortaBillingException
                onWhen:
                  simple: "${exchangeProperty.CamelPortaBillingFaultCode} != null"
                handled:
                  constant: "true"
                steps:
                  - to: log:rejected
            - route:
                from:
                  uri: direct:create
                  steps:
                    - to: portabilling:Account/account?operation=create
            """;

    @Test
    void theSnippetLoadsAndHandlesAFault() throws Exception {
        try (PortaBillingSimulator simulator = PortaBillingSimulator.builder().start();
             CamelContext context = new DefaultCamelContext()) {
            PortaBillingComponent component = new PortaBillingComponent();
            component.getConfiguration().setHost(simulator.host());
            component.getConfiguration().setPort(simulator.port());
            component.getConfiguration().setUseHttps(false);
            component.getConfiguration().setLogin(PortaBillingSimulator.DEMO_LOGIN);
            component.getConfiguration().setPassword(PortaBillingSimulator.DEMO_PASSWORD);
            context.addComponent("portabilling", component);
            context.start();
            PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("faults.yaml", YAML));
            long customer = simulator.addCustomer(Map.of("name", "Yaml Co", "iso_4217", "USD"));
            Map<String, Object> account = new LinkedHashMap<>();
            account.put("id", "yaml-1");
            account.put("billing_model", 1);
            account.put("i_product", 1);
            account.put("i_customer", customer);
            simulator.addAccount(account);

            Exchange out = context.createProducerTemplate().send("direct:create", e -> e.getMessage().setBody(account));

            assertThat(out.getException()).isNull();
            assertThat(out.getProperty(Exchange.EXCEPTION_CAUGHT)).isInstanceOf(PortaBillingException.class);
            assertThat(out.getProperty(PortaBillingException.FAULT_CODE_PROPERTY)).isEqualTo("Server.Account.duplicate_id");
        }
    }
}
