package io.github.camelportabilling.component.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

import io.github.camelportabilling.component.PortaBillingConfiguration;
import io.github.camelportabilling.component.PortaBillingException;
import org.apache.hc.core5.http.HttpEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API's Session service as the session uses it (login, refresh_access_token, logout), how every call carries the
 * credential (a Bearer token, or the legacy auth_info), and the one replay after an auth fault.
 */
public final class SessionCalls {

    public static final String SESSION = "Session";

    private static final Logger LOG = LoggerFactory.getLogger(SessionCalls.class);

    private final PortaBillingConfiguration settings;
    private final WireFormat wire;
    private final SessionCounters counters;
    /** The started call loop for a Session method, or an exception saying the session is not started. */
    private final Function<String, CallLoop> loop;

    public SessionCalls(PortaBillingConfiguration settings, WireFormat wire, SessionCounters counters,
                        Function<String, CallLoop> loop) {
        this.settings = settings;
        this.wire = wire;
        this.counters = counters;
        this.loop = loop;
    }

    public AccessToken login(Deadline deadline) {
        Map<String, Object> params = new HashMap<>();
        params.put("login", settings.getLogin());
        if (ConnectionSettingsCheck.hasText(settings.getToken())) {
            params.put("token", settings.getToken());
        } else {
            params.put("password", settings.getPassword());
        }
        HttpEntity body = settings.isLegacyAuth() ? wire.legacyRequest(null, params) : wire.jsonRequest(params);
        Map<String, Object> answer = loop.apply("login").call(SESSION, "login", body, null, true, deadline);
        AccessToken token = LoginAnswer.read(answer, null, System.currentTimeMillis(), wire.mapper());
        if (token == null) {
            throw unusableLogin("without access_token or session_id", answer);
        }
        if (settings.isLegacyAuth() && token.sessionId() == null) {
            throw unusableLogin("without session_id, which legacyAuth=true sends with every call", answer);
        }
        LOG.debug("Logged in to {} as {}", settings.getHost(), settings.getLogin());
        return token;
    }

    public AccessToken refresh(AccessToken old, Deadline deadline) {
        Map<String, Object> params = Map.of("refresh_token", old.refreshToken());
        Map<String, Object> answer = loop.apply("refresh_access_token")
                .call(SESSION, "refresh_access_token", wire.jsonRequest(params), null, true, deadline);
        return LoginAnswer.read(answer, old.sessionId(), System.currentTimeMillis(), wire.mapper());
    }

    /** Logs out with the token in the body; a failure only logs at DEBUG (the token dies at expiry anyway). */
    public void logout(CallLoop calls, AccessToken token, long timeoutMillis) {
        try {
            Map<String, Object> params = new HashMap<>();
            if (token.accessToken() != null) {
                params.put("access_token", token.accessToken());
            }
            calls.call(SESSION, "logout", encode(token, params), bearer(token), false, Deadline.after(timeoutMillis));
            LOG.debug("Logged out as {}", settings.getLogin());
        } catch (RuntimeException e) {
            // servers are known to answer logout oddly, or not at all
            LOG.debug("Logout as {} failed: {}", settings.getLogin(), e.getClass().getSimpleName());
        }
    }

    /**
     * Sends with the token; on an auth fault logs in again (through {@code afterRejection}) and sends exactly once
     * more. The server did not execute a call it rejected for auth, so replaying it, even a create, is safe; a
     * rejection right after a fresh login is an error, never a loop.
     */
    public <T> T withReplay(String service, String method, AccessToken token, Function<AccessToken, AccessToken> afterRejection,
                            BiFunction<HttpEntity, String, T> send, Map<String, Object> params) {
        try {
            return send.apply(encode(token, params), bearer(token));
        } catch (PortaBillingException e) {
            if (!e.isAuthFault()) {
                throw e;
            }
            counters.authFaults.increment();
            LOG.debug("{}/{} rejected with {}: logging in again and replaying once", service, method, e.getFaultCode());
        }
        AccessToken fresh = afterRejection.apply(token);
        try {
            return send.apply(encode(fresh, params), bearer(fresh));
        } catch (PortaBillingException e) {
            if (!e.isAuthFault()) {
                throw e;
            }
            counters.authFaults.increment();
            throw new PortaBillingException("PortaBilling " + service + "/" + method + " was rejected with "
                                            + e.getFaultCode() + " again right after a new login; not retrying",
                    service, method, e.getFaultCode(), e.getFaultString(), e.getHttpStatus(), e);
        }
    }

    private HttpEntity encode(AccessToken token, Map<String, Object> params) {
        if (settings.isLegacyAuth()) {
            return wire.legacyRequest(Map.of("session_id", token.sessionId()), params);
        }
        return wire.jsonRequest(params);
    }

    private String bearer(AccessToken token) {
        return settings.isLegacyAuth() ? null : token.accessToken();
    }

    private static PortaBillingException unusableLogin(String what, Map<String, Object> answer) {
        // the field names only: the values may be tokens
        return new PortaBillingException("PortaBilling Session/login answered " + what + " (fields: "
                                         + answer.keySet() + ")", SESSION, "login", null, null, 200, null);
    }
}
