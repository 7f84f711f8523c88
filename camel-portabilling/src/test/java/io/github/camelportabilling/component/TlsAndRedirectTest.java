package io.github.camelportabilling.component;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.camelportabilling.simulator.Fault;
import io.github.camelportabilling.simulator.PortaBillingSimulator;
import io.github.camelportabilling.simulator.SelfSignedCertificate;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TLS is verified by default; a trust store makes a self-signed server acceptable; a token never follows a redirect.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TlsAndRedirectTest extends SimulatorTestSupport {

    @TempDir
    static Path certDir;
    static SelfSignedCertificate certificate;
    static PortaBillingSimulator tlsSimulator;

    @BeforeAll
    static void startTlsSimulator() throws Exception {
        certificate = SelfSignedCertificate.generate(certDir);
        tlsSimulator = PortaBillingSimulator.builder()
                .https(certificate.keyStore(), SelfSignedCertificate.password())
                .start();
    }

    @AfterAll
    static void stopTlsSimulator() {
        tlsSimulator.close();
    }

    private String tlsUri(String extra) {
        return "portabilling:Generic/generic?operation=call&method=get_version&useHttps=true&host="
               + tlsSimulator.host() + "&port=" + tlsSimulator.port() + extra;
    }

    @Test
    void aSelfSignedServerIsRefusedByDefault() {
        Exchange out = template.send(tlsUri(""), e -> e.getMessage().setBody(null));

        assertThat(out.getException()).isInstanceOf(PortaBillingException.class)
                .hasMessageContaining("Session/login")
                .hasCauseInstanceOf(javax.net.ssl.SSLHandshakeException.class)
                .hasRootCauseInstanceOf(java.security.cert.CertPathBuilderException.class);
        assertThat(tlsSimulator.totalCallCount()).isZero();
        // a certificate that is not trusted stays untrusted: no retry
        PortaBillingSession session = context.getComponent("portabilling", PortaBillingComponent.class)
                .getSessions().iterator().next();
        assertThat(session.getStats().retries()).isZero();
    }

    @Test
    void aSelfSignedServerIsAcceptedWithSslContextParameters() {
        context.getRegistry().bind("simulatorTls", TrustedCertificates.trusting(certificate));

        Exchange out = template.send(tlsUri("&sslContextParameters=#simulatorTls"), e -> e.getMessage().setBody(null));

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(Map.class)).containsKey("version");
        assertThat(tlsSimulator.lastRequest("Generic/get_version").bearerToken()).isNotBlank();
    }

    @Test
    void noAuthorizationHeaderFollowsARedirect() throws Exception {
        try (PortaBillingSimulator elsewhere = PortaBillingSimulator.builder().start()) {
            long account = newAccount(newCustomer("Redirect Co"), "redirect-" + System.nanoTime());
            simulator.injectFault("Account/get_account_info", 1,
                    Fault.redirect(307, elsewhere.baseUrl() + "/rest/Account/get_account_info"));
            simulator.injectFault("Account/add_account", 1,
                    Fault.redirect(302, elsewhere.baseUrl() + "/rest/Account/add_account"));

            Exchange get = template.send("portabilling:Account/account?operation=get",
                    e -> e.getMessage().setBody(account));
            Exchange create = template.send("portabilling:Account/account?operation=create",
                    e -> e.getMessage().setBody(Map.of("id", "r-" + System.nanoTime(), "billing_model", 1,
                            "i_product", 1, "i_customer", 1)));

            assertThat(get.getException()).isInstanceOf(PortaBillingException.class).hasMessageContaining("HTTP 307");
            assertThat(((PortaBillingException) get.getException()).getHttpStatus()).isEqualTo(307);
            assertThat(create.getException()).isInstanceOf(PortaBillingException.class).hasMessageContaining("HTTP 302");
            assertThat(elsewhere.requests()).as("requests that reached the redirect target").isEmpty();
            assertThat(simulator.lastRequest("Account/get_account_info").bearerToken()).isNotBlank();
        }
    }
}
