package io.github.camelportabilling.component;

import java.util.concurrent.TimeUnit;

import io.github.camelportabilling.simulator.PortaBillingSimulator;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * https pointed at a port that speaks plain http (the simulator, a plain-http proxy): recognised at once, or within
 * the short handshake timeout, with a message that says so, and never retried. The plain-http listeners count the
 * connections they got.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TlsMistakesTest extends SimulatorTestSupport {

    static PortaBillingSimulator answering;
    static PortaBillingSimulator silent;

    @BeforeAll
    static void startPlainListeners() throws Exception {
        answering = PortaBillingSimulator.builder().plainHttpListener(PortaBillingSimulator.PlainHttp.ANSWERS_400).start();
        silent = PortaBillingSimulator.builder().plainHttpListener(PortaBillingSimulator.PlainHttp.SILENT).start();
    }

    @AfterAll
    static void stopPlainListeners() {
        answering.close();
        silent.close();
    }

    private Exception httpsTo(int port, String extra) {
        Exchange out = template.send("portabilling:Generic/generic?operation=call&method=get_version&useHttps=true"
                                     // the API description's GET would be a connection of its own: counted are the call's
                                     + "&apiDescription=none&host=127.0.0.1&port=" + port + extra,
                e -> e.getMessage().setBody(null));
        return out.getException();
    }

    @Test
    void aPlainHttpAnswerToTheHandshakeIsRecognisedAndNotRetried() {
        Exception e = httpsTo(answering.plainHttpPort(), "");

        assertThat(e).isInstanceOf(PortaBillingException.class)
                .hasMessageContaining("answered the TLS handshake in plain text")
                .hasMessageContaining("does not speak TLS on that port").hasMessageContaining("useHttps=false");
        assertThat(answering.plainHttpConnections()).as("connections, i.e. attempts").isEqualTo(1);
    }

    @Test
    void aHandshakeNobodyAnswersEndsAtTheHandshakeTimeoutAndIsNotRetried() {
        Exception e = httpsTo(silent.plainHttpPort(), "&connectTimeout=1000");

        assertThat(e).isInstanceOf(PortaBillingTimeoutException.class)
                .hasMessageContaining("did not answer the TLS handshake within 1000 ms")
                .hasMessageContaining("useHttps=false");
        assertThat(silent.plainHttpConnections()).as("connections, i.e. attempts").isEqualTo(1);
    }
}
