package io.github.camelportabilling.example;

import java.io.IOException;
import java.util.Map;

import io.github.camelportabilling.simulator.PortaBillingSimulator;
import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which PortaBilling the app talks to: the server {@code PORTABILLING_HOST} names (configured by the
 * {@code camel.component.portabilling.*} placeholders of application.properties), else a simulator with demo data
 * started in this JVM, whose address and demo login are handed to Camel as override properties (in memory only).
 */
final class ServerChoice implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ServerChoice.class);
    private static final String COMPONENT = "camel.component.portabilling.";
    private static final String CREDENTIALS = "portabilling.credentials.";

    private final PortaBillingSimulator simulator;
    private final String description;

    private ServerChoice(PortaBillingSimulator simulator, String description) {
        this.simulator = simulator;
        this.description = description;
    }

    static ServerChoice fromEnvironment(Map<String, String> env) throws IOException {
        if (blank(env.get("PORTABILLING_HOST"))) {
            PortaBillingSimulator simulator = PortaBillingSimulator.builder().demoData().start();
            String description = "embedded simulator at " + simulator.baseUrl() + " (login "
                                 + PortaBillingSimulator.DEMO_LOGIN + ")";
            LOG.info("No PORTABILLING_HOST set: demo mode. Started the PortaBilling simulator in this JVM at {} with"
                     + " demo data ({} customers, {} accounts); logging in with its demo login '{}'",
                    simulator.baseUrl(), simulator.customerCount(), simulator.accountCount(),
                    PortaBillingSimulator.DEMO_LOGIN);
            return new ServerChoice(simulator, description);
        }
        requireCredentials(env);
        String description = describe(env);
        LOG.info("PORTABILLING_HOST is set: talking to PortaBilling at {}", description);
        return new ServerChoice(null, description);
    }

    /** Points the component at the embedded simulator; a configured server needs nothing beyond the placeholders. */
    void configure(Main main) {
        boolean embedded = simulator != null;
        // the default of example.samples: sample records are dropped only into the embedded simulator
        main.addInitialProperty("example.embedded", String.valueOf(embedded));
        if (embedded) {
            main.addOverrideProperty(COMPONENT + "host", simulator.host());
            main.addOverrideProperty(COMPONENT + "port", String.valueOf(simulator.port()));
            main.addOverrideProperty(COMPONENT + "realm", "admin");
            main.addOverrideProperty(COMPONENT + "login", PortaBillingSimulator.DEMO_LOGIN);
            main.addOverrideProperty(CREDENTIALS + "password", PortaBillingSimulator.DEMO_PASSWORD);
            main.addOverrideProperty(CREDENTIALS + "token", "");
            main.addOverrideProperty(COMPONENT + "use-https", "false");
        }
    }

    String description() {
        return description;
    }

    @Override
    public void close() {
        if (simulator != null) {
            simulator.close();
        }
    }

    /** Fails before Camel starts, naming what is missing, instead of an unresolved placeholder deep in startup. */
    private static void requireCredentials(Map<String, String> env) {
        if (blank(env.get("PORTABILLING_LOGIN"))
            || blank(env.get("PORTABILLING_PASSWORD")) && blank(env.get("PORTABILLING_TOKEN"))) {
            throw new IllegalArgumentException("PORTABILLING_HOST is set, so also set PORTABILLING_LOGIN and"
                                               + " PORTABILLING_PASSWORD or PORTABILLING_TOKEN (optional:"
                                               + " PORTABILLING_REALM, PORTABILLING_PORT, PORTABILLING_USE_HTTPS)");
        }
    }

    /** Where and as whom, never the password or token. */
    private static String describe(Map<String, String> env) {
        String scheme = "false".equalsIgnoreCase(value(env, "PORTABILLING_USE_HTTPS", "true")) ? "http" : "https";
        String port = value(env, "PORTABILLING_PORT", "");
        return scheme + "://" + value(env, "PORTABILLING_HOST", "") + (port.isEmpty() ? "" : ":" + port)
               + " (realm " + value(env, "PORTABILLING_REALM", "admin") + ", login "
               + value(env, "PORTABILLING_LOGIN", "") + ", "
               + (value(env, "PORTABILLING_TOKEN", "").isEmpty() ? "password" : "API token") + ")";
    }

    private static String value(Map<String, String> env, String name, String fallback) {
        String v = env.get(name);
        return blank(v) ? fallback : v.strip();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
