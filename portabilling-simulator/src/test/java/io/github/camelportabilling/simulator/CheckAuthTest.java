package io.github.camelportabilling.simulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static io.github.camelportabilling.simulator.PortaBillingSimulator.DEMO_API_TOKEN;
import static io.github.camelportabilling.simulator.PortaBillingSimulator.DEMO_LOGIN;
import static io.github.camelportabilling.simulator.PortaBillingSimulator.DEMO_PASSWORD;
import static io.github.camelportabilling.simulator.PortaBillingSimulator.DEMO_TOKEN_LOGIN;
import static org.assertj.core.api.Assertions.assertThat;

/** The four documented check_auth faults, for bearer tokens and legacy session ids. */
@Timeout(60)
class CheckAuthTest {

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
    void noAuthAtAllIsEnvelopeMissed() {
        assertFault(api.call("Customer/get_customer_list", Map.of()), "Client.check_auth.envelope_missed");
        assertFault(api.legacy("Customer/get_customer_list", Map.of(), Map.of()), "Client.check_auth.envelope_missed");
        assertFault(api.post("/rest/Customer/get_customer_list", "application/json", "{}", "Authorization", "Basic ZGVtbzpkZW1v"),
                "Client.check_auth.envelope_missed");
    }

    @Test
    void aBearerThatIsNotAJwtIsFailedToProcessJwt() {
        assertFault(api.call("Customer/get_customer_list", Map.of(), "not-a-jwt"),
                "Client.Session.check_auth.failed_to_process_jwt");
        assertFault(api.call("Customer/get_customer_list", Map.of(), "a.b.c"),
                "Client.Session.check_auth.failed_to_process_jwt");
    }

    @Test
    void aWellFormedJwtWeNeverIssuedIsFailedToProcessAccessToken() {
        String forged = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "."
                + b64("{\"exp\":" + (System.currentTimeMillis() / 1000 + 3600) + ",\"iat\":1,\"login\":\"demo\",\"realm\":\"admin\",\"jti\":\"x\"}")
                + "." + b64("signature");
        assertFault(api.call("Customer/get_customer_list", Map.of(), forged),
                "Client.Session.check_auth.failed_to_process_access_token");
    }

    @Test
    void aRevokedTokenIsAuthFailed() {
        String token = api.login();
        api.ok("Session/logout", Map.of("access_token", token), null);
        ApiClient.Response r = api.call("Customer/get_customer_list", Map.of(), token);
        assertFault(r, "Server.Session.check_auth.auth_failed");
        assertThat(r.faultstring()).isEqualTo("Authentification failed");
    }

    @Test
    void legacySessionIdWorksAndFailsLikeABearerToken() {
        Map<String, Object> login = api.login(DEMO_LOGIN, DEMO_PASSWORD);
        String sessionId = (String) login.get("session_id");

        ApiClient.Response ok = api.legacy("Customer/get_customer_list", Map.of("session_id", sessionId), Map.of());
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json()).containsKey("customer_list");

        assertFault(api.legacy("Customer/get_customer_list", Map.of("session_id", "unknown-session"), Map.of()),
                "Client.Session.check_auth.failed_to_process_access_token");
        api.ok("Session/logout", Map.of("access_token", login.get("access_token")), null);
        assertFault(api.legacy("Customer/get_customer_list", Map.of("session_id", sessionId), Map.of()),
                "Server.Session.check_auth.auth_failed");
    }

    @Test
    void legacyLoginAndPasswordInAuthInfo() {
        ApiClient.Response ok = api.legacy("Generic/get_version", Map.of("login", DEMO_LOGIN, "password", DEMO_PASSWORD), Map.of());
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json()).containsKey("version");
        assertFault(api.legacy("Generic/get_version", Map.of("login", DEMO_LOGIN, "password", "bad"), Map.of()),
                "Server.Session.auth_failed");
    }

    @Test
    void legacyLoginAndTokenInAuthInfo() {
        ApiClient.Response ok = api.legacy("Generic/get_version", Map.of("login", DEMO_TOKEN_LOGIN, "token", DEMO_API_TOKEN), Map.of());
        assertThat(ok.status()).isEqualTo(200);
        assertFault(api.legacy("Generic/get_version", Map.of("login", DEMO_TOKEN_LOGIN, "token", "bad"), Map.of()),
                "Server.Session.auth_failed");
    }

    @Test
    void authInfoInsideAJsonBodyIsAcceptedToo() {
        String body = ApiClient.json(Map.of("auth_info", Map.of("login", DEMO_LOGIN, "password", DEMO_PASSWORD), "params", Map.of()));
        assertThat(api.post("/rest/Generic/get_version", "application/json", body).status()).isEqualTo(200);
    }

    @Test
    void sessionMethodsNeedNoAuth() {
        assertThat(api.call("Session/ping", Map.of("access_token", "x")).status()).isEqualTo(200);
    }

    private static void assertFault(ApiClient.Response r, String faultcode) {
        assertThat(r.status()).as(r.body()).isEqualTo(500);
        assertThat(r.contentType()).startsWith("application/json");
        assertThat(r.faultcode()).isEqualTo(faultcode);
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
