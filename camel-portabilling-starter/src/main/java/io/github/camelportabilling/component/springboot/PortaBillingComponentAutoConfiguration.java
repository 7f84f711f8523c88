package io.github.camelportabilling.component.springboot;

import io.github.camelportabilling.component.PortaBillingComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Lazy;

/**
 * Configures the {@code portabilling} component from {@code camel.component.portabilling.*}, as Camel's own
 * component starters do: the bound {@link PortaBillingComponentConfiguration} is copied onto the component through
 * the component's generated configurer when Camel creates it. Off with {@code camel.component.portabilling.enabled=false}
 * (or {@code camel.component.enabled=false}); {@code camel.component.portabilling.customizer.enabled=false} leaves the
 * component as Camel creates it while keeping the properties bound.
 * <p>
 * No session bean is defined: the component already shares one session per server, realm and login among all its
 * endpoints, and a bound session bean would be autowired into every endpoint in its place.
 */
@AutoConfiguration(after = {CamelAutoConfiguration.class, PortaBillingComponentConverter.class})
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties({ComponentConfigurationProperties.class, PortaBillingComponentConfiguration.class})
@ConditionalOnHierarchicalProperties({"camel.component", "camel.component.portabilling"})
public class PortaBillingComponentAutoConfiguration {

    @Lazy
    @Bean
    public ComponentCustomizer configurePortaBillingComponent(ApplicationContext applicationContext,
                                                              CamelContext camelContext,
                                                              PortaBillingComponentConfiguration configuration) {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                CamelPropertiesHelper.copyProperties(camelContext, configuration, target);
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return HierarchicalPropertiesEvaluator.evaluate(applicationContext, "camel.component.customizer",
                        "camel.component.portabilling.customizer")
                       && target instanceof PortaBillingComponent;
            }
        };
    }
}
