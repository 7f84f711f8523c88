package io.github.camelportabilling.component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelportabilling.simulator.Fault;
import io.github.camelportabilling.simulator.PortaBillingSimulator;
import io.github.camelportabilling.simulator.RecordedRequest;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PortaBillingSessionTest extends SimulatorTestSupport {

    private static final String GET = "portabilling:Account/account?operation=get";

    private long account;

    @AfterEach
    void restoreLifetime() {
        simulator.setTokenLifetime(Duration.ofSeconds(172800));
    }

    private long anAccount() {
        if (account == 0) {
            account = newAccount(newCustomer("Session Co"), "session-" + System.nanoTime());
        }
        return account;
    }

    private Exception getOnce(String uri) {
        Exchange out = template.send(uri, e -> e.getMessage().setBody(anAccount()));
        return out.getException();
    }

    private List<Exception> concurrently(int callers, int callsEach, String uri) throws Exception {
        anAccount();
        return inParallel(callers, callsEach, () -> getOnce(uri));
    }

    @Test
    void aOneSecondTokenLifetimeAcrossManyCallsCausesNoFailure() throws Exception {
        simulator.setTokenLifetime(Duration.ofSeconds(1));
        anAccount();
        long end = System.currentTimeMillis() + 3_500;
        int calls = 0;
        List<Exception> failures = new ArrayList<>();
        while (System.currentTimeMillis() < end) {
            Exception e = getOnce(GET);
            if (e != null) {
                failures.add(e);
            }
            calls++;
            Thread.sleep(5);
        }
        assertThat(failures).isEmpty();
        assertThat(calls).isGreaterThan(50);
        // tokens were renewed ahead of expiry, by refresh rather than by new logins
        assertThat(simulator.loginCount()).isEqualTo(1);
        assertThat(simulator.refreshCount()).isGreaterThanOrEqualTo(3);
        assertThat(simulator.requests()).filteredOn(r -> r.status() == 500).isEmpty();
    }

    @Test
    void sessionsRevokedMidRunCauseOneNewLoginAndNoFailure() {
        AtomicInteger seen = new AtomicInteger();
        simulator.onCall("Account/get_account_info", (n, params) -> {
            if (seen.incrementAndGet() == 100) {
                simulator.revokeAllSessions();
            }
        });
        List<Exception> failures = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Exception e = getOnce(GET);
            if (e != null) {
                failures.add(e);
            }
        }
        assertThat(failures).isEmpty();
        assertThat(simulator.loginCount()).isEqualTo(2);
        // the rejected call was replayed exactly once
        assertThat(simulator.callCount("Account/get_account_info")).isEqualTo(201);
    }

    @Test
    void thirtyTwoConcurrentCallersOnARevokedTokenCauseExactlyOneLogin() throws Exception {
        assertThat(getOnce(GET)).isNull();
        simulator.revokeAllSessions();
        simulator.resetCounters();

        List<Exception> failures = concurrently(32, 5, GET);

        assertThat(failures).isEmpty();
        assertThat(simulator.loginCount()).isEqualTo(1);
        assertThat(simulator.refreshCount()).isZero();
    }

    @Test
    void thirtyTwoConcurrentCallersOnAnExpiredTokenCauseExactlyOneRenewal() throws Exception {
        simulator.setTokenLifetime(Duration.ofSeconds(1));
        assertThat(getOnce(GET)).isNull();
        Thread.sleep(1_300);
        simulator.setTokenLifetime(Duration.ofSeconds(600));
        simulator.resetCounters();

        List<Exception> failures = concurrently(32, 5, GET);

        assertThat(failures).isEmpty();
        assertThat(simulator.loginCount() + simulator.refreshCount()).isEqualTo(1);
    }

    @Test
    void aRejectedLoginFailsWithTheFaultAfterExactlyOneAttempt() throws Exception {
        String uri = GET + "&password=wrong-password";

        Exception failure = getOnce(uri);

        assertThat(failure).isInstanceOf(PortaBillingException.class);
        PortaBillingException e = (PortaBillingException) failure;
        assertThat(e.getFaultCode()).isEqualTo("Server.Session.auth_failed");
        assertThat(e.getMethod()).isEqualTo("login");
        assertThat(e.getMessage()).doesNotContain("wrong-password");
        assertThat(simulator.loginCount()).isEqualTo(1);
        assertThat(simulator.callCount("Account/get_account_info")).isZero();
    }

    @Test
    void concurrentCallersWithAWrongPasswordShareOneRejectedLogin() throws Exception {
        List<Exception> failures = concurrently(16, 3, GET + "&password=also-wrong");

        assertThat(failures).hasSize(48).allSatisfy(f -> assertThat(f).isInstanceOf(PortaBillingException.class));
        assertThat(simulator.loginCount()).isEqualTo(1);
    }

    @Test
    void aCallRejectedAgainRightAfterANewLoginFailsInsteadOfLooping() {
        simulator.injectFault("Account/get_account_info", 10,
                Fault.apiFault("Server.Session.check_auth.auth_failed", "Authentification failed"));

        Exception failure = getOnce(GET);

        assertThat(failure).isInstanceOf(PortaBillingException.class).hasMessageContaining("again right after a new login");
        assertThat(simulator.callCount("Account/get_account_info")).isEqualTo(2);
        assertThat(simulator.loginCount()).isEqualTo(2);
    }

    @Test
    void aFailedRefreshFallsBackToALogin() throws Exception {
        simulator.setTokenLifetime(Duration.ofSeconds(1));
        assertThat(getOnce(GET)).isNull();
        simulator.injectFault("Session/refresh_access_token", 1,
                Fault.apiFault("Server.Session.refresh_access_token.refresh_failed", "refresh failed"));
        Thread.sleep(1_100);

        assertThat(getOnce(GET)).isNull();

        assertThat(simulator.refreshCount()).isEqualTo(1);
        assertThat(simulator.loginCount()).isEqualTo(2);
    }

    @Test
    void anApiTokenLogsInWithTheTokenParam() {
        // an empty password= clears the component's password for this endpoint
        String uri = GET + "&login=" + PortaBillingSimulator.DEMO_TOKEN_LOGIN + "&password=&token="
                     + PortaBillingSimulator.DEMO_API_TOKEN;
        assertThat(getOnce(uri)).isNull();
        RecordedRequest login = simulator.lastRequest("Session/login");
        assertThat(login.params()).containsOnlyKeys("login", "token")
                .containsEntry("token", PortaBillingSimulator.DEMO_API_TOKEN);
    }

    @Test
    void theLegacyEncodingSendsTheSessionIdInAuthInfo() {
        assertThat(getOnce(GET + "&legacyAuth=true")).isNull();

        RecordedRequest call = simulator.lastRequest("Account/get_account_info");
        assertThat(call.contentType()).startsWith("application/x-www-form-urlencoded");
        assertThat(call.bearerToken()).isNull();
        assertThat(call.authInfo()).containsOnlyKeys("session_id");
        assertThat(call.params()).isEqualTo(Map.of("i_account", (int) account));
    }

    @Test
    void endpointsWithTheSameLoginShareOneSession() {
        assertThat(getOnce(GET)).isNull();
        assertThat(template.send("portabilling:Account/account?operation=list", e -> { }).getException()).isNull();
        template.sendBody("portabilling:Customer/customer?operation=list", null);

        assertThat(simulator.loginCount()).isEqualTo(1);
        PortaBillingComponent component = context.getComponent("portabilling", PortaBillingComponent.class);
        assertThat(component.getSessions()).hasSize(1);
        assertThat(component.getSessions().iterator().next().getStats().logins()).isEqualTo(1);
    }

    @Test
    void anEndpointWithAWrongPasswordDoesNotRideOnAGoodSession() {
        assertThat(getOnce(GET)).isNull();
        assertThat(getOnce(GET + "&password=not-the-password")).isInstanceOf(PortaBillingException.class);
        assertThat(simulator.loginCount()).isEqualTo(2);
    }

    @Test
    void aSessionBeanIsUsedWhenReferenced() {
        PortaBillingConfiguration settings = new PortaBillingConfiguration();
        settings.setHost(simulator.host());
        settings.setPort(simulator.port());
        settings.setUseHttps(false);
        settings.setLogin(PortaBillingSimulator.DEMO_TOKEN_LOGIN);
        settings.setToken(PortaBillingSimulator.DEMO_API_TOKEN);
        PortaBillingSession bean = new PortaBillingSession(settings);
        context.getRegistry().bind("billingSession", bean);

        assertThat(getOnce(GET + "&session=#billingSession")).isNull();

        assertThat(bean.getStats().logins()).isEqualTo(1);
        assertThat(simulator.lastRequest("Session/login").params()).containsKey("token");
    }

    @Test
    void theOnlySessionBeanBoundIsAutowired() throws Exception {
        PortaBillingConfiguration settings = new PortaBillingConfiguration();
        settings.setHost(simulator.host());
        settings.setPort(simulator.port());
        settings.setUseHttps(false);
        settings.setLogin(PortaBillingSimulator.DEMO_TOKEN_LOGIN);
        settings.setToken(PortaBillingSimulator.DEMO_API_TOKEN);
        PortaBillingSession bean = new PortaBillingSession(settings);
        org.apache.camel.impl.DefaultCamelContext other = new org.apache.camel.impl.DefaultCamelContext();
        other.getRegistry().bind("theSession", bean);
        other.start();
        try {
            long id = anAccount();
            Exchange out = other.createProducerTemplate().send(GET, e -> e.getMessage().setBody(id));
            assertThat(out.getException()).isNull();
            assertThat(bean.getStats().logins()).isEqualTo(1);
            assertThat(simulator.lastRequest("Session/login").params()).containsEntry("login",
                    PortaBillingSimulator.DEMO_TOKEN_LOGIN);
        } finally {
            other.stop();
        }
    }

    @Test
    void stoppingTheContextLogsOut() {
        assertThat(getOnce(GET)).isNull();
        String token = simulator.lastRequest("Account/get_account_info").bearerToken();

        context.stop();

        RecordedRequest logout = simulator.lastRequest("Session/logout");
        assertThat(logout).isNotNull();
        assertThat(logout.params()).containsEntry("access_token", token);
        assertThat(simulator.activeSessionCount()).isZero();
    }
}
