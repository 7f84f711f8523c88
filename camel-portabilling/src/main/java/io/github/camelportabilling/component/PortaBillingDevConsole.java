package io.github.camelportabilling.component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Route;
import org.apache.camel.support.console.AbstractDevConsole;

/**
 * The "portabilling" dev console: each session (server, login, logins, refreshes, auth faults, token age, calls per
 * method, the API description: loaded or why not, its size and release, the last validation problems) and each
 * consumer (offset, watermark, cycles, records delivered and skipped). Never shows a password or token.
 */
@org.apache.camel.spi.annotations.DevConsole(name = "portabilling", displayName = "PortaBilling",
                                             description = "PortaBilling sessions and consumers")
public class PortaBillingDevConsole extends AbstractDevConsole {

    public PortaBillingDevConsole() {
        super("camel", "portabilling", "PortaBilling", "PortaBilling sessions and consumers");
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        StringBuilder out = new StringBuilder();
        for (Map<String, Object> session : sessions()) {
            out.append(String.format("Session %s as %s%n", session.get("server"), session.get("login")));
            session.forEach((k, v) -> {
                if (!k.equals("server") && !k.equals("login") && !k.equals("calls") && !k.equals("validationProblems")) {
                    out.append(String.format("    %s: %s%n", k, v));
                }
            });
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> calls = (Map<String, Map<String, Object>>) session.get("calls");
            calls.forEach((method, stats) -> out.append(String.format("    %s: %s%n", method, stats)));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> problems = (List<Map<String, Object>>) session.get("validationProblems");
            if (!problems.isEmpty()) {
                out.append(String.format("    last validation problems:%n"));
                problems.forEach(p -> out.append(String.format("      %s x%s: %s%n", p.get("severity"), p.get("count"),
                        p.get("problem"))));
            }
        }
        for (Map<String, Object> consumer : consumers()) {
            out.append(String.format("Consumer %s (route %s)%n", consumer.get("endpoint"), consumer.get("routeId")));
            consumer.forEach((k, v) -> {
                if (!k.equals("endpoint") && !k.equals("routeId")) {
                    out.append(String.format("    %s: %s%n", k, v));
                }
            });
        }
        return out.toString();
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("sessions", sessions());
        root.put("consumers", consumers());
        return root;
    }

    private List<Map<String, Object>> sessions() {
        List<Map<String, Object>> list = new ArrayList<>();
        PortaBillingComponent component = getCamelContext().hasComponent("portabilling") instanceof PortaBillingComponent c
                ? c : null;
        if (component == null) {
            return list;
        }
        long now = System.currentTimeMillis();
        for (PortaBillingSession session : component.getSessions()) {
            PortaBillingSessionStats stats = session.getStats();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("server", session.getBaseUrl());
            m.put("login", session.getLogin());
            m.put("realm", String.valueOf(session.getRealm()));
            m.put("loggedIn", stats.loggedIn());
            m.put("loginRejected", session.isLoginRejected());
            if (session.getNextLoginAttempt() > 0) {
                m.put("nextLoginAttempt", java.time.Instant.ofEpochMilli(session.getNextLoginAttempt()).toString());
            }
            m.put("logins", stats.logins());
            m.put("loginFailures", stats.loginFailures());
            m.put("refreshes", stats.refreshes());
            m.put("refreshFailures", stats.refreshFailures());
            m.put("authFaults", stats.authFaults());
            m.put("callsSent", stats.calls());
            m.put("failedCalls", stats.failedCalls());
            m.put("retries", stats.retries());
            m.put("inFlight", stats.inFlight());
            m.put("tokenAge", stats.tokenIssuedAt() > 0 ? Duration.ofMillis(now - stats.tokenIssuedAt()).toString() : null);
            m.put("tokenExpiresIn",
                    stats.tokenExpiresAt() > 0 ? Duration.ofMillis(stats.tokenExpiresAt() - now).toString() : null);
            m.put("lastFault", stats.lastFault());
            m.put("calls", session.getCallStatistics());
            m.put("apiDescription", session.getApiDescriptionStatus());
            m.put("validationProblems", session.getValidationProblems());
            list.add(m);
        }
        return list;
    }

    private List<Map<String, Object>> consumers() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Route route : getCamelContext().getRoutes()) {
            if (route.getConsumer() instanceof PortaBillingConsumer consumer) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("routeId", route.getRouteId());
                m.put("endpoint", route.getEndpoint().toString());
                m.put("mode", String.valueOf(((PortaBillingEndpoint) route.getEndpoint()).getMode()));
                m.put("offset", consumer.getOffset());
                m.put("watermark", consumer.getWatermark());
                m.put("cycles", consumer.getCycles());
                m.put("delivered", consumer.getDelivered());
                m.put("skipped", consumer.getSkipped());
                m.put("pollErrors", consumer.getErrorCounter());
                list.add(m);
            }
        }
        return list;
    }
}
