package io.github.camelportabilling.simulator;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Map;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static io.github.camelportabilling.simulator.PortaBillingSimulator.DEMO_LOGIN;
import static io.github.camelportabilling.simulator.PortaBillingSimulator.DEMO_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The unfriendly server conditions, each observed over HTTP as a client sees it. */
@Timeout(60)
class ServerConditionsTest {

    static PortaBillingSimulator sim;
    static ApiClient api;

    @BeforeAll
    static void start() throws Exception {
        sim = PortaBillingSimulator.builder().plainHttpListener(PortaBillingSimulator.PlainHttp.ANSWERS_400).start();
        api = new ApiClient(sim.baseUrl());
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @AfterEach
    void reset() {
        sim.resetServerConditions();
        sim.clearFaults();
    }

    private static ApiClient.Response login(String password) {
        return api.call("Session/login", Map.of("login", DEMO_LOGIN, "password", password));
    }

    @Test
    void badLoginsWithinTheWindowLockTheLoginOutEvenForTheRightPassword() throws Exception {
        sim.setBruteForceLockout(3, Duration.ofMinutes(1), Duration.ofMillis(500));

        for (int i = 0; i < 3; i++) {
            assertThat(login("wrong").faultcode()).isEqualTo(FaultCodes.LOGIN_FAILED);
        }
        ApiClient.Response locked = login(DEMO_PASSWORD);

        assertThat(locked.status()).isEqualTo(500);
        assertThat(locked.faultcode()).isEqualTo("Server.Session.cannot_login_brute_force_activity");
        assertThat(sim.isLockedOut(DEMO_LOGIN)).isTrue();
        Thread.sleep(600);
        assertThat(login(DEMO_PASSWORD).status()).as("after the lockout period").isEqualTo(200);
    }

    @Test
    void badLoginsSpreadBeyondTheWindowDoNotLockOut() throws Exception {
        sim.setBruteForceLockout(2, Duration.ofMillis(200), Duration.ofMinutes(5));

        assertThat(login("wrong").faultcode()).isEqualTo(FaultCodes.LOGIN_FAILED);
        Thread.sleep(300);
        assertThat(login("wrong").faultcode()).isEqualTo(FaultCodes.LOGIN_FAILED);

        assertThat(login(DEMO_PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void aLoginThatMustChangeItsPasswordIsRefusedWithTheAlert() {
        sim.setMustChangePassword(DEMO_LOGIN, true);

        ApiClient.Response r = login(DEMO_PASSWORD);

        assertThat(r.faultcode()).isEqualTo("Server.Session.alert_You_must_change_password");
        assertThat(login("wrong").faultcode()).as("a wrong password is still a wrong password")
                .isEqualTo(FaultCodes.LOGIN_FAILED);
    }

    @Test
    void aLoginDelayHoldsEveryLoginAndNothingElse() {
        String token = api.login();
        sim.setLoginDelay(Duration.ofMillis(400));

        long t0 = System.nanoTime();
        assertThat(login(DEMO_PASSWORD).status()).isEqualTo(200);
        long loginMillis = (System.nanoTime() - t0) / 1_000_000;

        assertThat(loginMillis).isGreaterThanOrEqualTo(390);
        assertThat(api.ok("Generic/get_version", Map.of(), token)).containsKey("version");
    }

    @Test
    void aSlowBodyDripsTheWholeAnswerAFewBytesAtATime() throws Exception {
        String token = api.login();
        sim.injectFault("Generic/get_version", 1, Fault.slowBody(4, Duration.ofMillis(40)));

        try (Socket s = new Socket(InetAddress.getByName(sim.host()), sim.port())) {
            String body = "{\"params\":{}}";
            String request = "POST /rest/Generic/get_version HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                             + "Authorization: Bearer " + token + "\r\nContent-Length: " + body.length()
                             + "\r\nConnection: close\r\n\r\n" + body;
            s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            InputStream in = s.getInputStream();
            byte[] buffer = new byte[8192];
            int reads = 0;
            StringBuilder answer = new StringBuilder();
            for (int n; (n = in.read(buffer)) > 0; reads++) {
                answer.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
            assertThat(answer.toString()).startsWith("HTTP/1.1 200").contains("\"version\"").endsWith("}");
            // headers, then the body in 4-byte pieces
            assertThat(reads).isGreaterThan(5);
        }
    }

    @Test
    void aServerClockOffsetShiftsTheTimesItIssuesButNotTheTokensRealLifetime() throws Exception {
        sim.setClockOffset(Duration.ofMinutes(-20));
        sim.setExpiresIn(false);
        sim.setTokenLifetime(Duration.ofMinutes(15));
        try {
            Map<String, Object> answer = api.login(DEMO_LOGIN, DEMO_PASSWORD);

            assertThat(answer).containsOnlyKeys("session_id", "access_token", "refresh_token", "expires_at");
            Map<String, Object> claims = claims((String) answer.get("access_token"));
            long now = System.currentTimeMillis() / 1000;
            long iat = ((Number) claims.get("iat")).longValue();
            long exp = ((Number) claims.get("exp")).longValue();
            assertThat(iat).isCloseTo(now - 1200, within(5L));
            assertThat(exp - iat).isEqualTo(900);
            long expiresAt = LocalDateTime.parse((String) answer.get("expires_at"),
                    DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")).toEpochSecond(ZoneOffset.UTC);
            assertThat(expiresAt).as("already past by the client's clock").isLessThan(now);
            // the token lives its 15 minutes all the same
            assertThat(api.ok("Generic/get_version", Map.of(), (String) answer.get("access_token"))).containsKey("version");
        } finally {
            sim.setTokenLifetime(Duration.ofSeconds(172_800));
        }
    }

    @Test
    void aRawAnswerIsSentAsGiven() {
        sim.injectFault("Session/login", 1, Fault.rawAnswer(200, "application/json", "{\"access_token\":\"a.b.c\"}"));

        ApiClient.Response r = login(DEMO_PASSWORD);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json()).containsOnlyKeys("access_token");
    }

    @Test
    void thePlainHttpListenerAnswersATlsHandshakeInPlainText() throws Exception {
        long before = sim.plainHttpConnections();
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, null, null);
        try (SSLSocket s = (SSLSocket) tls.getSocketFactory().createSocket(sim.host(), sim.plainHttpPort())) {
            assertThatThrownBy(s::startHandshake).isInstanceOf(SSLException.class)
                    .hasMessageContaining("nrecognized SSL message");
        }
        try (Socket s = new Socket(sim.host(), sim.plainHttpPort())) {
            s.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 400");
        }
        assertThat(sim.plainHttpConnections() - before).isEqualTo(2);
    }

    @Test
    void aSilentPlainHttpListenerNeverAnswersATlsHandshake() throws Exception {
        try (PortaBillingSimulator silent = PortaBillingSimulator.builder()
                .plainHttpListener(PortaBillingSimulator.PlainHttp.SILENT).start();
             Socket s = new Socket(silent.host(), silent.plainHttpPort())) {
            s.setSoTimeout(300);
            OutputStream out = s.getOutputStream();
            out.write(new byte[] { 0x16, 0x03, 0x01, 0x00, 0x05, 0x01, 0x00, 0x00, 0x01, 0x00 });
            out.flush();
            assertThatThrownBy(() -> s.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
            assertThat(silent.plainHttpConnections()).isEqualTo(1);
        }
    }

    @Test
    void itListensOnTheIpv6LoopbackWhenAsked() throws Exception {
        try (PortaBillingSimulator v6 = PortaBillingSimulator.builder().host("::1").start()) {
            assertThat(v6.baseUrl()).startsWith("http://[::1]:");
            assertThat(v6.host()).isEqualTo("::1");
            assertThat(new ApiClient(v6.baseUrl()).login()).isNotBlank();
        }
        assertThatThrownBy(() -> PortaBillingSimulator.builder().host("192.0.2.1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("loopback");
    }

    private static Map<String, Object> claims(String jwt) throws Exception {
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        return ApiClient.JSON.readValue(payload, Map.class);
    }
}
