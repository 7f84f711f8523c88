package io.github.camelportabilling.benchmarks;

import io.github.camelportabilling.component.PortaBillingComponent;
import io.github.camelportabilling.component.PortaBillingConfiguration;
import io.github.camelportabilling.simulator.PortaBillingSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

/** Camel contexts whose {@code portabilling} component points at a simulator, configured once on the component. */
final class CamelContexts {

    private CamelContexts() {
    }

    /** Not started yet: add routes, then start. */
    static CamelContext withComponent(String host, int port, int maxConnections) {
        CamelContext camel = new DefaultCamelContext();
        PortaBillingComponent component = new PortaBillingComponent();
        PortaBillingConfiguration config = component.getConfiguration();
        config.setHost(host);
        config.setPort(port);
        config.setUseHttps(false);
        config.setLogin(PortaBillingSimulator.DEMO_LOGIN);
        config.setPassword(PortaBillingSimulator.DEMO_PASSWORD);
        config.setMaxConnections(maxConnections);
        camel.addComponent("portabilling", component);
        return camel;
    }
}
