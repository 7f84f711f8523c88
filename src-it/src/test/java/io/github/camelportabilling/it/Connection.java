package io.github.camelportabilling.it;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.camelportabilling.component.PortaBillingConfiguration;
import io.github.camelportabilling.component.PortaBillingRealm;
import io.github.camelportabilling.simulator.PortaBillingSimulator;

/** A PortaBilling to test against, as the example app's environment variables and as the tests' own client settings. */
record Connection(String host, int port, String realm, String login, String password, String token, boolean useHttps) {

    static Connection to(PortaBillingSimulator simulator) {
        return new Connection(simulator.host(), simulator.port(), "admin", PortaBillingSimulator.DEMO_LOGIN,
                PortaBillingSimulator.DEMO_PASSWORD, "", false);
    }

    /** The server the PORTABILLING_* variables of this JVM name. */
    static Connection fromEnvironment() {
        String port = variable("PORTABILLING_PORT", "");
        return new Connection(variable("PORTABILLING_HOST", ""), port.isEmpty() ? 0 : Integer.parseInt(port),
                variable("PORTABILLING_REALM", "admin"), variable("PORTABILLING_LOGIN", ""),
                variable("PORTABILLING_PASSWORD", ""), variable("PORTABILLING_TOKEN", ""),
                !"false".equalsIgnoreCase(variable("PORTABILLING_USE_HTTPS", "true")));
    }

    private static String variable(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    /** The variables the example app reads; only the credential that is set. */
    Map<String, String> appEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PORTABILLING_HOST", host);
        env.put("PORTABILLING_PORT", String.valueOf(port));
        env.put("PORTABILLING_REALM", realm);
        env.put("PORTABILLING_LOGIN", login);
        if (!password.isEmpty()) {
            env.put("PORTABILLING_PASSWORD", password);
        }
        if (!token.isEmpty()) {
            env.put("PORTABILLING_TOKEN", token);
        }
        env.put("PORTABILLING_USE_HTTPS", String.valueOf(useHttps));
        return env;
    }

    void configure(PortaBillingConfiguration c) {
        c.setHost(host);
        c.setPort(port);
        c.setRealm(PortaBillingRealm.valueOf(realm));
        c.setLogin(login);
        c.setPassword(password.isEmpty() ? null : password);
        c.setToken(token.isEmpty() ? null : token);
        c.setUseHttps(useHttps);
    }

    /** Never the credentials. */
    @Override
    public String toString() {
        return (useHttps ? "https://" : "http://") + host + (port == 0 ? "" : ":" + port) + " as " + login;
    }
}
