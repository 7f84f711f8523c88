package io.github.camelportabilling.component;

import java.util.Map;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness of a producer, read from the state of its shared session: no API call is made per probe, and the check
 * never starts, stops or logs in the session. DOWN when the server rejected the login (with its fault code and when
 * the next login will be tried), or when the last calls got no answer from the API (the server or a proxy in front of
 * it is failing); calls are counted, not their retries.
 */
public class PortaBillingProducerHealthCheck extends AbstractHealthCheck {

    /** Calls in a row without an API answer before the producer is reported DOWN. */
    static final int FAILURES_BEFORE_DOWN = 3;

    private final PortaBillingEndpoint endpoint;

    public PortaBillingProducerHealthCheck(PortaBillingEndpoint endpoint, String id) {
        super("camel", "producer:portabilling-" + id);
        this.endpoint = endpoint;
    }

    @Override
    public boolean isLiveness() {
        // a billing server that is down does not make this application need a restart
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        PortaBillingSession session = endpoint.currentSession();
        if (session == null) {
            builder.detail("session", "not started");
            builder.unknown();
            return;
        }
        PortaBillingSessionStats stats = session.getStats();
        builder.detail("server", session.getBaseUrl());
        builder.detail("login", session.getLogin());
        builder.detail("loggedIn", stats.loggedIn());
        builder.detail("logins", stats.logins());
        builder.detail("authFaults", stats.authFaults());
        builder.detail("failedCalls", stats.failedCalls());
        if (stats.lastFault() != null) {
            builder.detail("lastFault", stats.lastFault());
        }
        if (session.isLoginRejected()) {
            String faultCode = session.getLoginRejectionFaultCode();
            long next = session.getNextLoginAttempt();
            builder.detail("faultCode", faultCode);
            if (next > 0) {
                builder.detail("nextLoginAttempt", java.time.Instant.ofEpochMilli(next).toString());
            }
            builder.message("The PortaBilling server rejected the login of " + session.getLogin() + " with " + faultCode
                            + (next > 0 ? "; no new login is attempted before " + java.time.Instant.ofEpochMilli(next) : ""));
            builder.down();
        } else if (session.getConsecutiveFailures() >= FAILURES_BEFORE_DOWN) {
            builder.message("The last " + session.getConsecutiveFailures() + " calls to " + session.getBaseUrl()
                            + " got no answer from the API (" + stats.lastFault() + ")");
            builder.detail("consecutiveFailures", session.getConsecutiveFailures());
            builder.down();
        } else {
            builder.up();
        }
    }
}
