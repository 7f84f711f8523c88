package io.github.camelportabilling.simulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static io.github.camelportabilling.simulator.PortaBillingSimulator.DEMO_API_TOKEN;
import static io.github.camelportabilling.simulator.PortaBillingSimulator.DEMO_LOGIN;
import static io.github.camelportabilling.simulator.PortaBillingSimulator.DEMO_PASSWORD;
import static io.github.camelportabilling.simulator.PortaBillingSimulator.DEMO_TOKEN_LOGIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@Timeout(60)
class SessionTest {

    static PortaBillingSimulator sim;
    static ApiClient api;

    @BeforeAll
    static void start() throws Exception {
        sim = PortaBillingSimulator.start(0);
        api = new ApiClient(sim.baseUrl());
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void loginWithPasswordAnswersAllFiveFields() {
        ApiClient.Response r = api.call("Session/login", Map.of("login", DEMO_LOGIN, "password", DEMO_PASSWORD));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/json");
        Map<String, Object> body = r.json();
        assertThat(body).containsOnlyKeys("session_id", "access_token", "refresh_token", "expires_at", "expires_in");
        assertThat(body.get("expires_in")).isEqualTo(172800);
        assertThat((String) body.get("expires_at")).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
        LocalDateTime expiresAt = LocalDateTime.parse((String) body.get("expires_at"), DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
        long expected = System.currentTimeMillis() / 1000 + 172800;
        assertThat(expiresAt.toEpochSecond(ZoneOffset.UTC)).isCloseTo(expected, within(5L));
    }

    @Test
    void loginWithApiToken() {
        ApiClient.Response r = api.call("Session/login", Map.of("login", DEMO_TOKEN_LOGIN, "token", DEMO_API_TOKEN));

        assertThat(r.status()).isEqualTo(200);
        String token = (String) r.json().get("access_token");
        assertThat(claims(token)).containsEntry("login", DEMO_TOKEN_LOGIN);
        assertThat(api.ok("Generic/get_version", Map.of(), token)).containsKey("version");
    }

    @Test
    void badLoginIsServerSessionAuthFailed() {
        for (Map<String, String> params : java.util.List.of(
                Map.of("login", DEMO_LOGIN, "password", "DEMO-PASSWORD"),
                Map.of("login", "nobody", "password", DEMO_PASSWORD),
                Map.of("login", DEMO_TOKEN_LOGIN, "token", "wrong"),
                Map.of("login", DEMO_LOGIN))) {
            ApiClient.Response r = api.call("Session/login", params);
            assertThat(r.status()).isEqualTo(500);
            assertThat(r.faultcode()).isEqualTo("Server.Session.auth_failed");
            assertThat(r.faultstring())
                    .isEqualTo("The login or password is incorrect. Please note: your password is case sensitive.");
        }
    }

    @Test
    void accessTokenIsAThreePartRs256JwtWithTheDocumentedClaims() {
        Map<String, Object> login = api.login(DEMO_LOGIN, DEMO_PASSWORD);
        String token = (String) login.get("access_token");

        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(3);
        assertThat(token).doesNotContain("=", "+", "/");
        Map<String, Object> header = decode(parts[0]);
        assertThat(header).containsEntry("alg", "RS256").containsEntry("typ", "JWT");
        Map<String, Object> claims = decode(parts[1]);
        assertThat(claims).containsEntry("login", DEMO_LOGIN).containsEntry("realm", "admin")
                .containsEntry("jti", login.get("session_id"));
        long iat = ((Number) claims.get("iat")).longValue();
        long exp = ((Number) claims.get("exp")).longValue();
        assertThat(iat).isCloseTo(System.currentTimeMillis() / 1000, within(5L));
        assertThat(exp - iat).isEqualTo(172800);
        assertThat(Base64.getUrlDecoder().decode(parts[2])).hasSize(256);
    }

    @Test
    void realmClaimIsConfigurable() throws Exception {
        try (PortaBillingSimulator accounts = PortaBillingSimulator.builder().realm("accounts").start()) {
            String token = new ApiClient(accounts.baseUrl()).login();
            assertThat(claims(token)).containsEntry("realm", "accounts");
        }
    }

    @Test
    void tokensAreUniqueEvenWhenIssuedTogether() {
        Set<String> tokens = new HashSet<>();
        Set<String> sessions = new HashSet<>();
        for (int i = 0; i < 30; i++) {
            Map<String, Object> login = api.login(DEMO_LOGIN, DEMO_PASSWORD);
            tokens.add((String) login.get("access_token"));
            tokens.add((String) login.get("refresh_token"));
            sessions.add((String) login.get("session_id"));
        }
        assertThat(tokens).hasSize(60);
        assertThat(sessions).hasSize(30);
    }

    @Test
    void refreshRotatesTheRefreshTokenAndKeepsTheSession() {
        Map<String, Object> login = api.login(DEMO_LOGIN, DEMO_PASSWORD);
        String oldRefresh = (String) login.get("refresh_token");

        ApiClient.Response r = api.call("Session/refresh_access_token", Map.of("refresh_token", oldRefresh));

        assertThat(r.status()).isEqualTo(200);
        Map<String, Object> body = r.json();
        assertThat(body).containsOnlyKeys("access_token", "refresh_token", "expires_at", "expires_in");
        String newAccess = (String) body.get("access_token");
        String newRefresh = (String) body.get("refresh_token");
        assertThat(newAccess).isNotEqualTo(login.get("access_token"));
        assertThat(newRefresh).isNotEqualTo(oldRefresh);
        assertThat(claims(newAccess)).containsEntry("jti", login.get("session_id"));
        assertThat(api.ok("Generic/get_version", Map.of(), newAccess)).containsKey("version");

        ApiClient.Response again = api.call("Session/refresh_access_token", Map.of("refresh_token", oldRefresh));
        assertThat(again.status()).isEqualTo(500);
        assertThat(again.faultcode()).isEqualTo("Server.Session.refresh_access_token.refresh_failed");
        assertThat(api.call("Session/refresh_access_token", Map.of("refresh_token", newRefresh)).status()).isEqualTo(200);
    }

    @Test
    void refreshWithAnUnknownOrMissingTokenFails() {
        assertThat(api.call("Session/refresh_access_token", Map.of("refresh_token", "nope")).faultcode())
                .isEqualTo("Server.Session.refresh_access_token.refresh_failed");
        assertThat(api.call("Session/refresh_access_token", Map.of()).faultcode())
                .isEqualTo("Server.Session.refresh_access_token.refresh_failed");
    }

    @Test
    void logoutKillsTheSession() {
        Map<String, Object> login = api.login(DEMO_LOGIN, DEMO_PASSWORD);
        String token = (String) login.get("access_token");

        ApiClient.Response r = api.call("Session/logout", Map.of("access_token", token));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json()).isEqualTo(Map.of("success", 1));
        assertThat(api.call("Generic/get_version", Map.of(), token).faultcode())
                .isEqualTo("Server.Session.check_auth.auth_failed");
        assertThat(api.call("Session/refresh_access_token", Map.of("refresh_token", login.get("refresh_token"))).faultcode())
                .isEqualTo("Server.Session.refresh_access_token.refresh_failed");
        assertThat(api.call("Session/logout", Map.of("access_token", "garbage")).faultcode())
                .isEqualTo("Client.Session.logout.failed_to_process_access_token");
    }

    @Test
    void pingAnswersTheUserIdOrZeroWithoutAFault() {
        String token = api.login();
        assertThat(api.ok("Session/ping", Map.of("access_token", token), null)).isEqualTo(Map.of("user_id", 1));

        assertThat(api.ok("Session/ping", Map.of("access_token", "garbage"), null)).isEqualTo(Map.of("user_id", 0));
        api.ok("Session/logout", Map.of("access_token", token), null);
        assertThat(api.ok("Session/ping", Map.of("access_token", token), null)).isEqualTo(Map.of("user_id", 0));
    }

    @Test
    void tokensExpireWithAOneSecondLifetimeAndRefreshStillWorks() throws Exception {
        try (PortaBillingSimulator shortLived = PortaBillingSimulator.builder().tokenLifetime(Duration.ofSeconds(1)).start()) {
            ApiClient client = new ApiClient(shortLived.baseUrl());
            Map<String, Object> login = client.login(DEMO_LOGIN, DEMO_PASSWORD);
            String token = (String) login.get("access_token");
            assertThat(login.get("expires_in")).isEqualTo(1);
            assertThat(client.call("Generic/get_version", Map.of(), token).status()).isEqualTo(200);

            Thread.sleep(1100);

            ApiClient.Response expired = client.call("Generic/get_version", Map.of(), token);
            assertThat(expired.status()).isEqualTo(500);
            assertThat(expired.faultcode()).isEqualTo("Server.Session.check_auth.auth_failed");
            assertThat(expired.faultstring()).isEqualTo("Authentification failed");
            assertThat(client.ok("Session/ping", Map.of("access_token", token), null)).containsEntry("user_id", 0);
            Map<String, Object> refreshed = client.ok("Session/refresh_access_token",
                    Map.of("refresh_token", login.get("refresh_token")), null);
            assertThat(client.call("Generic/get_version", Map.of(), (String) refreshed.get("access_token")).status())
                    .isEqualTo(200);
        }
    }

    @Test
    void setTokenLifetimeAppliesToTokensIssuedFromNowOn() throws Exception {
        try (PortaBillingSimulator s = PortaBillingSimulator.start(0)) {
            ApiClient client = new ApiClient(s.baseUrl());
            String longLived = client.login();
            s.setTokenLifetime(Duration.ofMillis(300));
            Map<String, Object> login = client.login(DEMO_LOGIN, DEMO_PASSWORD);
            assertThat(login.get("expires_in")).isEqualTo(1);
            Thread.sleep(400);
            assertThat(client.call("Generic/get_version", Map.of(), (String) login.get("access_token")).faultcode())
                    .isEqualTo("Server.Session.check_auth.auth_failed");
            assertThat(client.call("Generic/get_version", Map.of(), longLived).status()).isEqualTo(200);
        }
    }

    @Test
    void revokeAllSessionsKillsEveryAccessAndRefreshToken() throws Exception {
        try (PortaBillingSimulator s = PortaBillingSimulator.start(0)) {
            ApiClient client = new ApiClient(s.baseUrl());
            Map<String, Object> a = client.login(DEMO_LOGIN, DEMO_PASSWORD);
            Map<String, Object> b = client.login(DEMO_LOGIN, DEMO_PASSWORD);
            assertThat(s.activeSessionCount()).isEqualTo(2);

            s.revokeAllSessions();

            assertThat(s.activeSessionCount()).isZero();
            for (Map<String, Object> login : java.util.List.of(a, b)) {
                assertThat(client.call("Generic/get_version", Map.of(), (String) login.get("access_token")).faultcode())
                        .isEqualTo("Server.Session.check_auth.auth_failed");
                assertThat(client.call("Session/refresh_access_token", Map.of("refresh_token", login.get("refresh_token")))
                        .faultcode()).isEqualTo("Server.Session.refresh_access_token.refresh_failed");
            }
            String fresh = client.login();
            assertThat(client.call("Generic/get_version", Map.of(), fresh).status()).isEqualTo(200);
            assertThat(s.activeSessionCount()).isEqualTo(1);
        }
    }

    @Test
    void severalUsersCanBeConfigured() throws Exception {
        try (PortaBillingSimulator s = PortaBillingSimulator.builder().user("alice", "a-secret").user("bob", "b-secret")
                .apiToken("robot", "r-token").start()) {
            ApiClient client = new ApiClient(s.baseUrl());
            String alice = (String) client.login("alice", "a-secret").get("access_token");
            String bob = (String) client.login("bob", "b-secret").get("access_token");
            assertThat(client.ok("Session/ping", Map.of("access_token", alice), null)).containsEntry("user_id", 1);
            assertThat(client.ok("Session/ping", Map.of("access_token", bob), null)).containsEntry("user_id", 2);
            assertThat(client.call("Session/login", Map.of("login", "robot", "token", "r-token")).status()).isEqualTo(200);
            // configuring users replaces the demo credentials
            assertThat(client.call("Session/login", Map.of("login", DEMO_LOGIN, "password", DEMO_PASSWORD)).faultcode())
                    .isEqualTo("Server.Session.auth_failed");
            assertThat(s.issuedSecrets()).contains("a-secret", "b-secret", "r-token", alice, bob);
        }
    }

    static Map<String, Object> claims(String token) {
        return decode(token.split("\\.")[1]);
    }

    static Map<String, Object> decode(String part) {
        String json = new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
        return new ApiClient.Response(200, json, null).json();
    }
}
