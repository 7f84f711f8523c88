package io.github.camelportabilling.simulator;

import java.util.Map;

/**
 * check_auth: every call outside {@code Session/*} must carry a bearer token, or a legacy {@code auth_info}
 * with a session id, login+password or login+token. The four documented faults tell the cases apart.
 */
final class Authenticator {

    private final SessionStore sessions;
    private final Credentials credentials;

    Authenticator(SessionStore sessions, Credentials credentials) {
        this.sessions = sessions;
        this.credentials = credentials;
    }

    /** Returns the login the call runs as; throws the matching fault otherwise. */
    String check(ApiRequest request) {
        if (request.bearerToken != null) {
            return sessions.checkAccessToken(request.bearerToken).user.login;
        }
        Map<String, Object> auth = request.authInfo;
        if (auth == null || auth.isEmpty()) {
            throw new ApiFault(FaultCodes.ENVELOPE_MISSED, "Authentication info is missing");
        }
        Object sessionId = auth.get("session_id");
        if (sessionId != null) {
            return sessions.checkSessionId(String.valueOf(sessionId)).user.login;
        }
        Object login = auth.get("login");
        Object password = auth.get("password");
        Object token = auth.get("token");
        if (login == null || (password == null && token == null)) {
            throw new ApiFault(FaultCodes.ENVELOPE_MISSED, "Authentication info is missing");
        }
        // credentials sent on every call: a wrong one is a bad login (re-logging in cannot help), not a dead session
        Credentials.User user = password != null
                ? credentials.byPassword(String.valueOf(login), String.valueOf(password))
                : credentials.byToken(String.valueOf(login), String.valueOf(token));
        if (user == null) {
            throw new ApiFault(FaultCodes.LOGIN_FAILED, FaultCodes.LOGIN_FAILED_TEXT);
        }
        return user.login;
    }
}
