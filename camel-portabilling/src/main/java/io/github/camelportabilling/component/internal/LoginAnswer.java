package io.github.camelportabilling.component.internal;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads a Session/login or Session/refresh_access_token answer into an {@link AccessToken}. The expiry comes from
 * {@code expires_in} (relative, so immune to clock differences), else {@code expires_at} (UTC), else the JWT's
 * {@code exp} claim (decoded without verifying the signature, as PortaOne's own clients do).
 */
public final class LoginAnswer {

    private static final DateTimeFormatter EXPIRES_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private LoginAnswer() {
    }

    /**
     * @param  previousSessionId kept when the answer has no session_id (refresh answers do not repeat it)
     * @return                   null when the answer has no access_token
     */
    public static AccessToken read(Map<String, Object> answer, String previousSessionId, long nowMillis,
                                   ObjectMapper mapper) {
        Object access = answer.get("access_token");
        Object sessionId = answer.get("session_id");
        if (!(access instanceof String) && !(sessionId instanceof String)) {
            return null;
        }
        String accessToken = access instanceof String s ? s : null;
        String refreshToken = answer.get("refresh_token") instanceof String s ? s : null;
        String sid = sessionId instanceof String s ? s : previousSessionId;
        return AccessToken.of(accessToken, refreshToken, sid, nowMillis, expiry(answer, accessToken, nowMillis, mapper));
    }

    static long expiry(Map<String, Object> answer, String accessToken, long nowMillis, ObjectMapper mapper) {
        Object expiresIn = answer.get("expires_in");
        if (expiresIn instanceof Number n) {
            return nowMillis + n.longValue() * 1000;
        }
        if (expiresIn instanceof String s && !s.isBlank()) {
            try {
                return nowMillis + Long.parseLong(s.strip()) * 1000;
            } catch (NumberFormatException ignored) {
                // fall through to the other sources
            }
        }
        if (answer.get("expires_at") instanceof String s) {
            try {
                return LocalDateTime.parse(s.strip(), EXPIRES_AT).toInstant(ZoneOffset.UTC).toEpochMilli();
            } catch (DateTimeParseException ignored) {
                // fall through to the JWT
            }
        }
        Long exp = jwtExpirySeconds(accessToken, mapper);
        return exp != null ? exp * 1000 : AccessToken.NO_EXPIRY;
    }

    /** The {@code exp} claim of a JWT, or null when the token is not a readable JWT. */
    static Long jwtExpirySeconds(String jwt, ObjectMapper mapper) {
        if (jwt == null) {
            return null;
        }
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            return null;
        }
        try {
            byte[] claims = Base64.getUrlDecoder().decode(parts[1]);
            Object exp = mapper.readValue(new String(claims, StandardCharsets.UTF_8), Map.class).get("exp");
            return exp instanceof Number n ? n.longValue() : null;
        } catch (Exception e) {
            return null;
        }
    }
}
