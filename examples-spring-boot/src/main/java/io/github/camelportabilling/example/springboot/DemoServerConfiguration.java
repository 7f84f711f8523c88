package io.github.camelportabilling.example.springboot;

import java.io.IOException;

import io.github.camelportabilling.component.PortaBillingComponent;
import io.github.camelportabilling.component.PortaBillingConfiguration;
import io.github.camelportabilling.simulator.PortaBillingSimulator;
import org.apache.camel.Ordered;
import org.apache.camel.spi.ComponentCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Demo mode: with no server configured ({@code camel.component.portabilling.host}, i.e. {@code PORTABILLING_HOST}, is
 * empty) a simulator with demo data runs in this JVM and the component is pointed at it. Only the address is forced;
 * a login or password set in the configuration is kept (so a wrong one shows as a DOWN health check), else the
 * simulator's demo login is used. Nothing of this leaves memory.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(DemoServerConfiguration.NoServerConfigured.class)
public class DemoServerConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(DemoServerConfiguration.class);

    /** Closed when the application stops, after Camel (which logs out first). */
    @Bean(destroyMethod = "close")
    public PortaBillingSimulator portaBillingSimulator() throws IOException {
        PortaBillingSimulator simulator = PortaBillingSimulator.builder().demoData().start();
        LOG.info("No PORTABILLING_HOST set: demo mode. Started the PortaBilling simulator in this JVM at {} with demo"
                 + " data ({} customers, {} accounts)", simulator.baseUrl(), simulator.customerCount(),
                simulator.accountCount());
        return simulator;
    }

    /** Applied after the starter's customizer, which copies camel.component.portabilling.* onto the component. */
    @Bean
    public ComponentCustomizer pointPortaBillingAtTheSimulator(PortaBillingSimulator simulator) {
        return ComponentCustomizer.builder(PortaBillingComponent.class).withOrder(Ordered.LOWEST)
                .build(component -> {
                    PortaBillingConfiguration c = component.getConfiguration();
                    c.setHost(simulator.host());
                    c.setPort(simulator.port());
                    c.setUseHttps(false);
                    if (blank(c.getLogin())) {
                        c.setLogin(PortaBillingSimulator.DEMO_LOGIN);
                    }
                    if (blank(c.getPassword()) && blank(c.getToken())) {
                        c.setPassword(PortaBillingSimulator.DEMO_PASSWORD);
                    }
                    LOG.info("The portabilling component talks to the embedded simulator at {} as '{}'",
                            simulator.baseUrl(), c.getLogin());
                });
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** True when camel.component.portabilling.host resolves to nothing. */
    static final class NoServerConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return blank(context.getEnvironment().getProperty("camel.component.portabilling.host"));
        }
    }
}
