package io.github.camelportabilling.component;

import io.github.camelportabilling.simulator.SelfSignedCertificate;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;

/** The sslContextParameters a user writes to trust a server's self-signed certificate: its trust store, nothing else. */
final class TrustedCertificates {

    private TrustedCertificates() {
    }

    static SSLContextParameters trusting(SelfSignedCertificate certificate) {
        KeyStoreParameters trustStore = new KeyStoreParameters();
        trustStore.setResource("file:" + certificate.trustStoreFile());
        trustStore.setPassword(new String(SelfSignedCertificate.password()));
        trustStore.setType("PKCS12");
        TrustManagersParameters trustManagers = new TrustManagersParameters();
        trustManagers.setKeyStore(trustStore);
        SSLContextParameters ssl = new SSLContextParameters();
        ssl.setTrustManagers(trustManagers);
        return ssl;
    }
}
