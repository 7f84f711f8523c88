package io.github.camelportabilling.simulator;

import java.util.Map;

/** {@code Session/login}, {@code refresh_access_token}, {@code logout}, {@code ping}: tokens travel as params, no bearer needed. */
final class SessionService {

    private final SessionStore sessions;
    private final Credentials credentials;
    private final ServerConditions conditions;

    SessionService(SessionStore sessions, Credentials credentials, ServerConditions conditions) {
        this.sessions = sessions;
        this.credentials = credentials;
        this.conditions = conditions;
    }

    void register(ApiDispatcher d) {
        d.register("Session/login", this::login);
        d.register("Session/refresh_access_token", r -> sessions.refresh(string(r.params, "refresh_token")));
        d.register("Session/logout", this::logout);
        d.register("Session/ping", r -> Map.of("user_id", sessions.ping(token(r))));
    }

    private Map<String, Object> login(ApiRequest r) {
        String login = string(r.params, "login");
        String password = string(r.params, "password");
        String token = string(r.params, "token");
        long now = System.currentTimeMillis();
        conditions.beforeLogin(login, now);
        Credentials.User user = null;
        if (password != null) {
            user = credentials.byPassword(login, password);
        }
        if (user == null && token != null) {
            user = credentials.byToken(login, token);
        }
        if (user == null) {
            conditions.badLogin(login, now);
            throw new ApiFault(FaultCodes.LOGIN_FAILED, FaultCodes.LOGIN_FAILED_TEXT);
        }
        conditions.afterGoodLogin(user.login);
        return sessions.login(user);
    }

    private Map<String, Object> logout(ApiRequest r) {
        if (!sessions.logout(token(r))) {
            throw new ApiFault(FaultCodes.LOGOUT_FAILED, "Failed to process access token");
        }
        return Map.of("success", 1);
    }

    /** {@code access_token} param; older servers took {@code session_id}; a bearer header is accepted as a last resort. */
    private static String token(ApiRequest r) {
        String t = string(r.params, "access_token");
        if (t == null) {
            t = string(r.params, "session_id");
        }
        return t != null ? t : r.bearerToken;
    }

    private static String string(Map<String, Object> params, String field) {
        Object v = params.get(field);
        return v == null ? null : String.valueOf(v);
    }
}
