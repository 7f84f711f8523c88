package io.github.camelportabilling.simulator;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Access tokens shaped like PortaBilling's: a three-part base64url JWT with an RS256 header and the claims real
 * tokens carry. The signature is 256 random bytes (the size of an RS256 signature): clients decode tokens
 * without verifying them, and the random part also makes every token unique, even two issued in the same
 * millisecond for the same session.
 */
final class JwtTokens {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODER = Base64.getUrlDecoder();
    private static final String HEADER = B64.encodeToString(
            "{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

    private final SecureRandom random = new SecureRandom();

    String issue(String sessionId, String login, long iUser, String realm, long issuedAtMillis, long expiresAtMillis) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("exp", expiresAtMillis / 1000); // floor: a client never believes a token lives longer than it does
        claims.put("iat", issuedAtMillis / 1000);
        claims.put("i_user", iUser);
        claims.put("login", login);
        claims.put("realm", realm);
        claims.put("aud", List.of("portabilling-api"));
        claims.put("jti", sessionId);
        byte[] signature = new byte[256];
        random.nextBytes(signature);
        return HEADER + '.' + B64.encodeToString(Json.bytes(claims)) + '.' + B64.encodeToString(signature);
    }

    String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        StringBuilder sb = new StringBuilder(bytes * 2);
        for (byte x : b) {
            sb.append(Character.forDigit((x >> 4) & 0xf, 16)).append(Character.forDigit(x & 0xf, 16));
        }
        return sb.toString();
    }

    /** True when the text is three base64url parts whose first two are JSON objects, the second with an {@code exp}. */
    static boolean isParsable(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || parts[2].isEmpty()) {
            return false;
        }
        try {
            Map<String, Object> header = Json.parseObject(new String(B64_DECODER.decode(parts[0]), StandardCharsets.UTF_8));
            Map<String, Object> payload = Json.parseObject(new String(B64_DECODER.decode(parts[1]), StandardCharsets.UTF_8));
            B64_DECODER.decode(parts[2]);
            return header.get("alg") instanceof String && payload.get("exp") instanceof Number;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
