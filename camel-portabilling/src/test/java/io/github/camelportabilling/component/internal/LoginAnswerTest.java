package io.github.camelportabilling.component.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoginAnswerTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final long NOW = 1_800_000_000_000L;

    private static String jwt(long iat, long exp) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
               + b64.encodeToString(("{\"iat\":" + iat + ",\"exp\":" + exp + "}").getBytes(StandardCharsets.UTF_8))
               + ".c2ln";
    }

    private static Map<String, Object> answer(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void expiresInCountsFromTheArrival() {
        AccessToken t = LoginAnswer.read(answer("access_token", "a", "expires_in", 900), null, NOW, MAPPER);
        assertThat(t.expiresAtMillis()).isEqualTo(NOW + 900_000);
    }

    @Test
    void withoutExpiresInTheJwtLifetimeCountsFromTheArrivalWhateverTheServersClock() {
        long serverNow = NOW / 1000 - 1200; // 20 minutes behind
        Map<String, Object> a = answer("access_token", jwt(serverNow, serverNow + 900), "expires_at",
                "2000-01-01 00:00:00");

        AccessToken t = LoginAnswer.read(a, null, NOW, MAPPER);

        assertThat(t.expiresAtMillis()).isEqualTo(NOW + 900_000);
        assertThat(t.isStale(NOW)).isFalse();
    }

    @Test
    void expiresAtAloneIsNeverComparedWithOurClock() {
        AccessToken t = LoginAnswer.read(answer("access_token", "opaque", "expires_at", "2000-01-01 00:00:00"), null, NOW,
                MAPPER);
        assertThat(t.expiresAtMillis()).isEqualTo(AccessToken.NO_EXPIRY);
    }

    @Test
    void aRefreshKeepsTheSessionId() {
        AccessToken t = LoginAnswer.read(answer("access_token", "a", "refresh_token", "r"), "sid", NOW, MAPPER);
        assertThat(t.sessionId()).isEqualTo("sid");
        assertThat(LoginAnswer.read(answer("other", 1), null, NOW, MAPPER)).isNull();
    }
}
