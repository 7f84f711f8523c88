package io.github.camelportabilling.component.springboot;

import java.util.Map;

import io.github.camelportabilling.component.PortaBillingComponent;
import io.github.camelportabilling.component.PortaBillingConfiguration;
import io.github.camelportabilling.component.PortaBillingRealm;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * camel.component.portabilling.* reaches the component the way Spring Boot users write it: kebab case in YAML,
 * upper-case environment variables, enum values in any case, bean references; and enabled=false leaves it alone.
 * (examples-spring-boot runs the whole app on this starter against the simulator.)
 */
class StarterBindingTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class,
                    PortaBillingComponentConverter.class, PortaBillingComponentAutoConfiguration.class))
            .withBean("billingTls", SSLContextParameters.class, SSLContextParameters::new);

    private static PortaBillingConfiguration componentConfiguration(CamelContext camel) {
        return camel.getComponent("portabilling", PortaBillingComponent.class).getConfiguration();
    }

    @Test
    void propertiesInEverySpellingAndBeanReferencesReachTheComponent() {
        runner.withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(
                        // as the operating system's environment variables reach Spring
                        new SystemEnvironmentPropertySource("environment", Map.of(
                                "CAMEL_COMPONENT_PORTABILLING_LOGIN", "api-user",
                                "CAMEL_COMPONENT_PORTABILLING_PASSWORD", "from-the-environment"))))
                .withPropertyValues(
                        "camel.component.portabilling.host=billing.example.com",
                        "camel.component.portabilling.use-https=false",
                        "camel.component.portabilling.realm=RESELLER",
                        "camel.component.portabilling.responseTimeout=4500",
                        "camel.component.portabilling.ssl-context-parameters=#bean:billingTls")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    PortaBillingConfiguration c = componentConfiguration(context.getBean(CamelContext.class));
                    assertThat(c.getHost()).isEqualTo("billing.example.com");
                    assertThat(c.isUseHttps()).isFalse();
                    assertThat(c.getLogin()).isEqualTo("api-user");
                    assertThat(c.getPassword()).isEqualTo("from-the-environment");
                    assertThat(c.getRealm()).isEqualTo(PortaBillingRealm.reseller);
                    assertThat(c.effectivePort()).isEqualTo(8442);
                    assertThat(c.getResponseTimeout()).isEqualTo(4500);
                    assertThat(c.getSslContextParameters()).isSameAs(context.getBean("billingTls"));
                    // the bound properties never show a secret
                    assertThat(context.getBean(PortaBillingComponentConfiguration.class).toString())
                            .doesNotContain("from-the-environment");
                });
    }

    @Test
    void disabledLeavesTheComponentAsCamelCreatesIt() {
        runner.withPropertyValues("camel.component.portabilling.enabled=false",
                        "camel.component.portabilling.host=billing.example.com")
                .run(context -> {
                    assertThat(context).doesNotHaveBean(PortaBillingComponentAutoConfiguration.class);
                    assertThat(componentConfiguration(context.getBean(CamelContext.class)).getHost()).isNull();
                });
    }
}
