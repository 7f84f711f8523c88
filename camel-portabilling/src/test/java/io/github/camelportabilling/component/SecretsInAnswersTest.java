package io.github.camelportabilling.component;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.camelportabilling.simulator.Fault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text quoted from a server answer into an exception is masked of every credential and token, also of those in the
 * very answer being read, which the session does not hold yet.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SecretsInAnswersTest extends SimulatorTestSupport {

    private static final String GET = "portabilling:Account/account?operation=get";

    private static String messages(Throwable t) {
        StringBuilder all = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            all.append(c.getMessage()).append(" | ");
        }
        return all.toString();
    }

    @Test
    void aTruncatedLoginAnswerIsQuotedWithoutItsSessionIdOrTokens() {
        // the login is executed (a live session is opened), its answer cut in half
        simulator.injectFault("Session/login", 1, Fault.truncatedJson());

        Exception e = template.send(GET, x -> x.getMessage().setBody(1)).getException();

        assertThat(e).isInstanceOf(PortaBillingException.class).hasMessageContaining("Session/login")
                .hasMessageContaining("not valid JSON");
        String text = messages(e);
        assertThat(text).contains("\"session_id\":***");
        List<String> leaked = new ArrayList<>();
        for (String secret : simulator.issuedSecrets()) {
            if (text.contains(secret)) {
                leaked.add(secret.substring(0, 4) + "...");
            }
        }
        assertThat(leaked).as("issued secrets in the message").isEmpty();
        assertThat(text).as("the start of the access token").doesNotContain("eyJ");
    }

    @Test
    void secretFieldsAreMaskedByNameInAnyQuotedAnswer() {
        simulator.injectFault("Account/get_account_info", 1, Fault.rawAnswer(502, "text/html",
                "<html>upstream said {\"refresh_token\": \"rt-0123456789\", \"password\":\"hunter2-pass\"}"
                                                                             + " ?token=tok-abcdef Bearer eyJhb.cd.ef</html>"));

        Exception e = template.send(GET + "&maxRetries=0", x -> x.getMessage().setBody(1)).getException();

        assertThat(e).isInstanceOf(PortaBillingException.class).hasMessageContaining("HTTP 502");
        assertThat(messages(e)).doesNotContain("rt-0123456789", "hunter2-pass", "tok-abcdef", "eyJhb")
                .contains("upstream said");
    }
}
