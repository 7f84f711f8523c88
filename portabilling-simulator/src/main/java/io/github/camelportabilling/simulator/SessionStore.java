package io.github.camelportabilling.simulator;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sessions and their tokens. A session lives until logout or revocation; each access token has its own expiry
 * (millisecond precision, so 1 s lifetimes behave), and a refresh rotates the refresh token and extends the
 * session. Everything ever issued is kept, so an old token is told apart from one never issued
 * ({@code auth_failed} vs {@code failed_to_process_access_token}) and leak tests can search for it.
 */
final class SessionStore {

    static final class Session {
        final String id;
        final Credentials.User user;
        private String refreshToken; // guarded by this
        private volatile long expiresAtMillis;
        private volatile boolean ended;

        Session(String id, Credentials.User user) {
            this.id = id;
            this.user = user;
        }

        boolean alive(long now) {
            return !ended && now < expiresAtMillis;
        }
    }

    private static final class AccessToken {
        final Session session;
        final long expiresAtMillis;

        AccessToken(Session session, long expiresAtMillis) {
            this.session = session;
            this.expiresAtMillis = expiresAtMillis;
        }
    }

    private final JwtTokens jwt = new JwtTokens();
    private final String realm;
    private final Map<String, AccessToken> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, Session> byRefreshToken = new ConcurrentHashMap<>();
    private final Map<String, Session> byId = new ConcurrentHashMap<>();
    private final Set<String> issued = ConcurrentHashMap.newKeySet();
    private volatile long lifetimeMillis;
    private final ServerConditions conditions;

    SessionStore(String realm, Duration lifetime, ServerConditions conditions) {
        this.realm = realm;
        this.conditions = conditions;
        setLifetime(lifetime);
    }

    void setLifetime(Duration lifetime) {
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("token lifetime must be positive, got " + lifetime);
        }
        this.lifetimeMillis = lifetime.toMillis();
    }

    /** Opens a session: {@code session_id, access_token, refresh_token, expires_at, expires_in}. */
    Map<String, Object> login(Credentials.User user) {
        Session s = new Session(jwt.randomHex(16), user);
        byId.put(s.id, s);
        issued.add(s.id);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("session_id", s.id);
        synchronized (s) {
            answer.putAll(issueTokens(s));
        }
        return answer;
    }

    /** Rotates the refresh token: the one given dies, even when two callers race with it (one of them fails). */
    Map<String, Object> refresh(String refreshToken) {
        Session s = refreshToken == null ? null : byRefreshToken.get(refreshToken);
        if (s == null) {
            throw refreshFailed();
        }
        synchronized (s) {
            if (s.ended || !refreshToken.equals(s.refreshToken)) {
                throw refreshFailed();
            }
            byRefreshToken.remove(refreshToken);
            return issueTokens(s);
        }
    }

    /** Ends the session the access token (or a legacy session id) belongs to; false when it was never issued. */
    boolean logout(String accessTokenOrSessionId) {
        Session s = find(accessTokenOrSessionId);
        if (s == null) {
            return false;
        }
        end(s);
        return true;
    }

    /** The user's id when the token or session id is usable now, else 0. */
    long ping(String accessTokenOrSessionId) {
        long now = System.currentTimeMillis();
        AccessToken t = accessTokenOrSessionId == null ? null : accessTokens.get(accessTokenOrSessionId);
        if (t != null) {
            return !t.session.ended && now < t.expiresAtMillis ? t.session.user.iUser : 0;
        }
        Session s = accessTokenOrSessionId == null ? null : byId.get(accessTokenOrSessionId);
        return s != null && s.alive(now) ? s.user.iUser : 0;
    }

    /** check_auth for a bearer token. */
    Session checkAccessToken(String token) {
        AccessToken t = accessTokens.get(token);
        if (t == null) {
            if (!JwtTokens.isParsable(token)) {
                throw new ApiFault(FaultCodes.FAILED_TO_PROCESS_JWT, "Failed to process JWT");
            }
            throw new ApiFault(FaultCodes.FAILED_TO_PROCESS_ACCESS_TOKEN, "Failed to process access token");
        }
        if (t.session.ended || System.currentTimeMillis() >= t.expiresAtMillis) {
            throw new ApiFault(FaultCodes.AUTH_FAILED, FaultCodes.AUTH_FAILED_TEXT);
        }
        return t.session;
    }

    /** check_auth for a legacy {@code auth_info: {"session_id": ...}}. */
    Session checkSessionId(String sessionId) {
        Session s = byId.get(sessionId);
        if (s == null) {
            throw new ApiFault(FaultCodes.FAILED_TO_PROCESS_ACCESS_TOKEN, "Failed to process access token");
        }
        if (!s.alive(System.currentTimeMillis())) {
            throw new ApiFault(FaultCodes.AUTH_FAILED, FaultCodes.AUTH_FAILED_TEXT);
        }
        return s;
    }

    void revokeAll() {
        for (Session s : byId.values()) {
            end(s);
        }
    }

    /** Sessions not logged out or revoked (an expired one still counts: its refresh token still works). */
    int activeCount() {
        int n = 0;
        for (Session s : byId.values()) {
            if (!s.ended) {
                n++;
            }
        }
        return n;
    }

    Set<String> issuedSecrets() {
        return Collections.unmodifiableSet(issued);
    }

    private Map<String, Object> issueTokens(Session s) {
        long now = System.currentTimeMillis();
        long lifetime = lifetimeMillis;
        long expiresAt = now + lifetime;
        // the server's clock may differ from the client's: it writes its own time into the token, while the
        // token really lives for its lifetime
        long serverNow = conditions.serverNowMillis(now);
        String access = jwt.issue(s.id, s.user.login, s.user.iUser, realm, serverNow, serverNow + lifetime);
        String refresh = jwt.randomHex(16);
        issued.add(access);
        issued.add(refresh);
        accessTokens.put(access, new AccessToken(s, expiresAt));
        s.refreshToken = refresh;
        s.expiresAtMillis = expiresAt;
        byRefreshToken.put(refresh, s);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("access_token", access);
        answer.put("refresh_token", refresh);
        answer.put("expires_at", UtcTime.dateTime((serverNow + lifetime) / 1000));
        if (conditions.expiresIn()) {
            answer.put("expires_in", (lifetime + 999) / 1000);
        }
        return answer;
    }

    private Session find(String accessTokenOrSessionId) {
        if (accessTokenOrSessionId == null) {
            return null;
        }
        AccessToken t = accessTokens.get(accessTokenOrSessionId);
        return t != null ? t.session : byId.get(accessTokenOrSessionId);
    }

    private void end(Session s) {
        synchronized (s) {
            s.ended = true;
            if (s.refreshToken != null) {
                byRefreshToken.remove(s.refreshToken);
            }
        }
    }

    private static ApiFault refreshFailed() {
        return new ApiFault(FaultCodes.REFRESH_FAILED, "Failed to refresh access token");
    }
}
