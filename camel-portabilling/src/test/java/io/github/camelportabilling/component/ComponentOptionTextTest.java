package io.github.camelportabilling.component;

import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Options set on the component as text, the way Camel Main (and Quarkus) bind {@code camel.component.portabilling.*},
 * are checked like endpoint options: bad text is refused with the text quoted, instead of becoming 0.
 */
class ComponentOptionTextTest {

    private static Main mainWith(String option, String value) {
        Main main = new Main();
        main.addInitialProperty("camel.component.portabilling.host", "127.0.0.1");
        main.addInitialProperty("camel.component.portabilling." + option, value);
        return main;
    }

    @Test
    void aDurationThatIsNotOneIsRefusedWithTheTextQuoted() {
        // before: retryBackoff=abc was taken as 0 without a word, connectTimeout=abc refused as "got 0"
        for (String option : new String[] { "retryBackoff", "connectTimeout", "retry-backoff" }) {
            Main main = mainWith(option, "abc");
            try {
                assertThatThrownBy(main::start).as(option).rootCause()
                        .hasMessageContaining("Invalid value 'abc' for option")
                        .hasMessageContaining("expected a duration");
            } finally {
                main.stop();
            }
        }
    }

    @Test
    void badNumbersAndEnumsAreRefusedWithTheValidValues() {
        Main pool = mainWith("maxConnections", "many");
        Main realm = mainWith("realm", "admn");
        try {
            assertThatThrownBy(pool::start).rootCause().hasMessageContaining("Invalid value 'many' for option maxConnections");
            assertThatThrownBy(realm::start).rootCause().hasMessageContaining("Invalid value 'admn' for option realm")
                    .hasMessageContaining("admin").hasMessageContaining("reseller");
        } finally {
            pool.stop();
            realm.stop();
        }
    }

    @Test
    void durationsInCamelsSyntaxAreTaken() throws Exception {
        Main main = mainWith("retryBackoff", "1s");
        main.addInitialProperty("camel.component.portabilling.responseTimeout", "1m30s");
        try {
            main.start();
            PortaBillingComponent component = main.getCamelContext().getComponent("portabilling",
                    PortaBillingComponent.class);
            assertThat(component.getConfiguration().getRetryBackoff()).isEqualTo(1_000);
            assertThat(component.getConfiguration().getResponseTimeout()).isEqualTo(90_000);
        } finally {
            main.stop();
        }
    }
}
