package io.github.camelportabilling.component.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads a Session/login or Session/refresh_access_token answer into an {@link AccessToken}. The token's lifetime is
 * {@code expires_in}, else the JWT's {@code exp - iat} (decoded without verifying the signature, as PortaOne's own
 * clients do), counted from the local moment the answer arrived. The server's absolute times ({@code expires_at},
 * {@code exp}) are never compared with our clock: servers' clocks differ from ours, and a server 20 minutes behind
 * would make every token look expired on arrival. With neither, the token is used until the server rejects it.
 */
public final class LoginAnswer {

    private LoginAnswer() {
    }

    /**
     * @param  previousSessionId kept when the answer has no session_id (refresh answers do not repeat it)
     * @param  arrivedAtMillis   our clock when the answer arrived
     * @return                   null when the answer has neither access_token nor session_id
     */
    public static AccessToken read(Map<String, Object> answer, String previousSessionId, long arrivedAtMillis,
                                   ObjectMapper mapper) {
        Object access = answer.get("access_token");
        Object sessionId = answer.get("session_id");
        if (!(access instanceof String) && !(sessionId instanceof String)) {
            return null;
        }
        String accessToken = access instanceof String s ? s : null;
        String refreshToken = answer.get("refresh_token") instanceof String s ? s : null;
        String sid = sessionId instanceof String s ? s : previousSessionId;
        long lifetime = lifetimeMillis(answer, accessToken, mapper);
        return AccessToken.of(accessToken, refreshToken, sid, arrivedAtMillis,
                lifetime >= 0 ? arrivedAtMillis + lifetime : AccessToken.NO_EXPIRY);
    }

    /** The token's lifetime in milliseconds, or -1 when the answer does not tell it. */
    static long lifetimeMillis(Map<String, Object> answer, String accessToken, ObjectMapper mapper) {
        Object expiresIn = answer.get("expires_in");
        if (expiresIn instanceof Number n && n.longValue() >= 0) {
            return n.longValue() * 1000;
        }
        if (expiresIn instanceof String s && !s.isBlank()) {
            try {
                long seconds = Long.parseLong(s.strip());
                if (seconds >= 0) {
                    return seconds * 1000;
                }
            } catch (NumberFormatException ignored) {
                // fall through to the JWT
            }
        }
        Map<?, ?> claims = jwtClaims(accessToken, mapper);
        if (claims != null && claims.get("exp") instanceof Number exp && claims.get("iat") instanceof Number iat
            && exp.longValue() > iat.longValue()) {
            return (exp.longValue() - iat.longValue()) * 1000;
        }
        return -1;
    }

    /** The claims of a JWT, or null when the token is not a readable JWT. */
    static Map<?, ?> jwtClaims(String jwt, ObjectMapper mapper) {
        if (jwt == null) {
            return null;
        }
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            return null;
        }
        try {
            byte[] claims = Base64.getUrlDecoder().decode(parts[1]);
            return mapper.readValue(new String(claims, StandardCharsets.UTF_8), Map.class);
        } catch (Exception e) {
            return null;
        }
    }
}
