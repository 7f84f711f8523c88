package io.github.camelportabilling.simulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(120)
class HttpsTest {

    @Test
    void servesTlsWithTheSelfSignedCertificate(@TempDir Path dir) throws Exception {
        SelfSignedCertificate cert = SelfSignedCertificate.generate(dir);
        assertThat(cert.keyStoreFile()).exists();
        assertThat(cert.trustStoreFile()).exists();

        try (PortaBillingSimulator sim = PortaBillingSimulator.builder()
                .https(cert.keyStore(), SelfSignedCertificate.password()).start()) {
            assertThat(sim.baseUrl()).isEqualTo("https://127.0.0.1:" + sim.port());

            ApiClient trusting = new ApiClient(HttpClient.newBuilder().sslContext(cert.clientSslContext()).build(), sim.baseUrl());
            assertThat(trusting.login()).isNotBlank();

            // the trust store file works for a client configured from files
            KeyStore fromFile = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(cert.trustStoreFile())) {
                fromFile.load(in, SelfSignedCertificate.password());
            }
            assertThat(new ApiClient(HttpClient.newBuilder().sslContext(context(fromFile)).build(), sim.baseUrl()).login()).isNotBlank();

            ApiClient defaultTrust = new ApiClient(HttpClient.newHttpClient(), sim.baseUrl());
            assertThatThrownBy(defaultTrust::login).hasRootCauseInstanceOf(java.security.cert.CertPathBuilderException.class)
                    .hasCauseInstanceOf(SSLHandshakeException.class);
        }
    }

    @Test
    void createReturnsAKeyStoreThatAlsoServesAsTrustStore(@TempDir Path dir) throws Exception {
        KeyStore ks = SelfSignedCertificate.create(dir);
        try (PortaBillingSimulator sim = PortaBillingSimulator.builder().https(ks, SelfSignedCertificate.password()).start()) {
            ApiClient client = new ApiClient(HttpClient.newBuilder().sslContext(context(ks)).build(), sim.baseUrl());
            assertThat(client.login()).isNotBlank();
        }
    }

    private static SSLContext context(KeyStore trust) throws Exception {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        return ssl;
    }
}
