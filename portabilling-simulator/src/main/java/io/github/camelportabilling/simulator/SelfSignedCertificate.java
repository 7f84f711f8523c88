package io.github.camelportabilling.simulator;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed certificate for {@code 127.0.0.1} / {@code localhost}, made with the JDK's own {@code keytool}
 * (no extra library), for running the simulator over HTTPS in tests.
 *
 * <pre>{@code
 * SelfSignedCertificate cert = SelfSignedCertificate.generate(tempDir);
 * PortaBillingSimulator sim = PortaBillingSimulator.builder()
 *         .https(cert.keyStore(), SelfSignedCertificate.password()).start();
 * HttpClient client = HttpClient.newBuilder().sslContext(cert.clientSslContext()).build();
 * }</pre>
 */
public final class SelfSignedCertificate {

    static final String ALIAS = "portabilling-simulator";
    private static final String PASSWORD = "simulator-changeit";

    private final Path keyStoreFile;
    private final Path trustStoreFile;
    private final KeyStore keyStore;
    private final KeyStore trustStore;

    private SelfSignedCertificate(Path keyStoreFile, Path trustStoreFile, KeyStore keyStore, KeyStore trustStore) {
        this.keyStoreFile = keyStoreFile;
        this.trustStoreFile = trustStoreFile;
        this.keyStore = keyStore;
        this.trustStore = trustStore;
    }

    /**
     * Generates the key pair into {@code dir/simulator-keystore.p12} and returns that key store. The same object
     * also works as a trust store ({@code TrustManagerFactory} trusts the certificate of its key entry).
     */
    public static KeyStore create(Path dir) throws Exception {
        return generate(dir).keyStore();
    }

    /**
     * Generates {@code dir/simulator-keystore.p12} (private key + certificate) and
     * {@code dir/simulator-truststore.p12} (the certificate only), both PKCS12 with {@link #password()}.
     */
    public static SelfSignedCertificate generate(Path dir) throws IOException, GeneralSecurityException {
        Files.createDirectories(dir);
        Path keyFile = dir.resolve("simulator-keystore.p12");
        Path trustFile = dir.resolve("simulator-truststore.p12");
        Files.deleteIfExists(keyFile);
        runKeytool(List.of(keytool(), "-genkeypair", "-noprompt",
                "-alias", ALIAS, "-keyalg", "RSA", "-keysize", "2048", "-validity", "3650",
                "-dname", "CN=127.0.0.1, OU=test, O=portabilling-simulator",
                "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                "-storetype", "PKCS12", "-keystore", keyFile.toString(),
                "-storepass", PASSWORD, "-keypass", PASSWORD));
        KeyStore keyStore = load(keyFile);
        KeyStore trustStore = KeyStore.getInstance("PKCS12");
        trustStore.load(null, null);
        Certificate cert = keyStore.getCertificate(ALIAS);
        trustStore.setCertificateEntry(ALIAS, cert);
        try (OutputStream out = Files.newOutputStream(trustFile)) {
            trustStore.store(out, PASSWORD.toCharArray());
        }
        return new SelfSignedCertificate(keyFile, trustFile, keyStore, trustStore);
    }

    /** The password of both stores and of the key (a fresh copy each call). */
    public static char[] password() {
        return PASSWORD.toCharArray();
    }

    public Path keyStoreFile() {
        return keyStoreFile;
    }

    /** PKCS12 trust store holding only the certificate, e.g. for a client's {@code trustStore} setting. */
    public Path trustStoreFile() {
        return trustStoreFile;
    }

    public KeyStore keyStore() {
        return keyStore;
    }

    public KeyStore trustStore() {
        return trustStore;
    }

    /** An SSLContext that trusts this certificate only, for a test's HTTP client. */
    public SSLContext clientSslContext() throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trustStore);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        return ssl;
    }

    private static KeyStore load(Path file) throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            ks.load(in, PASSWORD.toCharArray());
        }
        return ks;
    }

    private static String keytool() {
        Path bin = Paths.get(System.getProperty("java.home"), "bin");
        Path exe = bin.resolve("keytool.exe");
        return (Files.exists(exe) ? exe : bin.resolve("keytool")).toString();
    }

    private static void runKeytool(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("keytool did not finish within 60 s");
            }
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new IOException("keytool failed (exit " + p.exitValue() + "): " + output.trim());
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running keytool", e);
        }
    }
}
