package io.github.camelportabilling.component;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.camelportabilling.simulator.PortaBillingSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Component tests against a simulator over real HTTP on loopback. The component is configured for the simulator with
 * the demo login; tests assert on what the simulator received and answered.
 */
public abstract class SimulatorTestSupport extends CamelTestSupport {

    protected static PortaBillingSimulator simulator;

    @BeforeAll
    static void startSimulator() throws Exception {
        simulator = PortaBillingSimulator.builder().start();
    }

    @AfterAll
    static void stopSimulator() {
        if (simulator != null) {
            simulator.close();
            simulator = null;
        }
    }

    @BeforeEach
    void resetSimulator() {
        simulator.clearFaults();
        simulator.clearHooks();
        simulator.setReadOnly(false);
        simulator.resetCounters();
        simulator.clearRequests();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        PortaBillingComponent component = new PortaBillingComponent();
        configure(component.getConfiguration());
        context.addComponent("portabilling", component);
        return context;
    }

    /** Points the component at the simulator with the demo login; override to change. */
    protected void configure(PortaBillingConfiguration configuration) {
        configuration.setHost(simulator.host());
        configuration.setPort(simulator.port());
        configuration.setUseHttps(false);
        configuration.setLogin(PortaBillingSimulator.DEMO_LOGIN);
        configuration.setPassword(PortaBillingSimulator.DEMO_PASSWORD);
    }

    /** A customer created directly in the simulator. */
    protected static long newCustomer(String name) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("iso_4217", "USD");
        return simulator.addCustomer(fields);
    }

    /** An account created directly in the simulator. */
    protected static long newAccount(long iCustomer, String id) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", id);
        fields.put("billing_model", 1);
        fields.put("i_product", 7);
        fields.put("i_customer", iCustomer);
        return simulator.addAccount(fields);
    }
}
