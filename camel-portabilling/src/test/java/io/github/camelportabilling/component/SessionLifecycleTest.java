package io.github.camelportabilling.component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.camelportabilling.simulator.Fault;
import io.github.camelportabilling.simulator.PortaBillingSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Who owns a session, which settings win, and the edges of its life: bound beans, autowired beans against explicit
 * endpoint options, endpoint credentials, calls racing a stop, legacy logins, readiness per call, IPv6 hosts.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SessionLifecycleTest extends SimulatorTestSupport {

    private static final String GET = "portabilling:Account/account?operation=get";

    private static PortaBillingConfiguration apiUserSettings(PortaBillingSimulator sim) {
        PortaBillingConfiguration settings = new PortaBillingConfiguration();
        settings.setHost(sim.host());
        settings.setPort(sim.port());
        settings.setUseHttps(false);
        settings.setLogin(PortaBillingSimulator.DEMO_TOKEN_LOGIN);
        settings.setToken(PortaBillingSimulator.DEMO_API_TOKEN);
        return settings;
    }

    private static Exception get(CamelContext camel, String uri, Object body) {
        try {
            return camel.createProducerTemplate().send(uri, e -> e.getMessage().setBody(body)).getException();
        } catch (RuntimeException e) {
            return e;
        }
    }

    @Test
    void aSessionBeanSharedByTwoContextsOutlivesTheFirstOne() throws Exception {
        long account = newAccount(newCustomer("Shared Co"), "shared-" + System.nanoTime());
        PortaBillingSession bean = new PortaBillingSession(apiUserSettings(simulator));
        DefaultCamelContext first = new DefaultCamelContext();
        DefaultCamelContext second = new DefaultCamelContext();
        first.getRegistry().bind("billing", bean);
        second.getRegistry().bind("billing", bean);
        first.start();
        second.start();
        try {
            assertThat(get(first, GET + "&session=#billing", account)).isNull();
            assertThat(get(second, GET + "&session=#billing", account)).isNull();

            first.stop();

            assertThat(simulator.callCount("Session/logout")).as("the bean is not logged out by the first context")
                    .isZero();
            assertThat(get(second, GET + "&session=#billing", account)).isNull();
            assertThat(simulator.loginCount()).isEqualTo(1);
            second.stop();
            assertThat(bean.isStarted()).as("the owner of a bound bean stops it").isTrue();
        } finally {
            first.stop();
            second.stop();
            bean.close();
        }
        assertThat(simulator.callCount("Session/logout")).isEqualTo(1);
    }

    @Test
    void explicitEndpointOptionsWinOverAnAutowiredSessionBean() throws Exception {
        long account;
        try (PortaBillingSimulator other = PortaBillingSimulator.builder().start()) {
            account = other.addAccount(Map.of("id", "b-" + System.nanoTime(), "billing_model", 1, "i_product", 7,
                    "i_customer", other.addCustomer(Map.of("name", "B Co", "iso_4217", "USD"))));
            PortaBillingSession bean = new PortaBillingSession(apiUserSettings(simulator));
            DefaultCamelContext camel = new DefaultCamelContext();
            camel.getRegistry().bind("theSession", bean);
            camel.start();
            try {
                String toB = GET + "&host=" + other.host() + "&port=" + other.port() + "&useHttps=false&login="
                             + PortaBillingSimulator.DEMO_LOGIN + "&password=" + PortaBillingSimulator.DEMO_PASSWORD;

                assertThat(get(camel, toB, account)).isNull();

                assertThat(other.loginCount()).as("logins at the server the endpoint names").isEqualTo(1);
                assertThat(other.callCount("Account/get_account_info")).isEqualTo(1);
                assertThat(simulator.totalCallCount()).as("calls at the autowired bean's server").isZero();
            } finally {
                camel.stop();
                bean.close();
            }
        }
    }

    @Test
    void aSessionOnTheEndpointWithOtherConnectionOptionsFailsNamingBoth() {
        PortaBillingSession bean = new PortaBillingSession(apiUserSettings(simulator));
        context.getRegistry().bind("billingSession", bean);

        Exception e = get(context, GET + "&session=#billingSession&host=billing-b.example.com&token=other-secret-token",
                1);

        assertThat(e).isNotNull().rootCause().hasMessageContaining("host=billing-b.example.com (session bean: 127.0.0.1)")
                .hasMessageContaining("token (differs").hasMessageContaining("session bean")
                .hasMessageNotContaining("other-secret-token").hasMessageNotContaining(PortaBillingSimulator.DEMO_API_TOKEN);
        assertThat(simulator.totalCallCount()).isZero();
    }

    @Test
    void anEndpointTokenReplacesTheComponentsPassword() {
        long account = newAccount(newCustomer("Token Co"), "token-" + System.nanoTime());

        Exception e = get(context, GET + "&login=" + PortaBillingSimulator.DEMO_TOKEN_LOGIN + "&token="
                                   + PortaBillingSimulator.DEMO_API_TOKEN, account);

        assertThat(e).isNull();
        assertThat(simulator.lastRequest("Session/login").params()).containsOnlyKeys("login", "token");
    }

    @Test
    void bothCredentialsOnTheComponentAreRefusedSayingWhereTheyCameFrom() {
        context.getComponent("portabilling", PortaBillingComponent.class).getConfiguration().setToken("a-token");

        assertThatThrownBy(() -> context.getEndpoint(GET)).rootCause()
                .hasMessageContaining("either password or token, not both").hasMessageContaining("from the component")
                .hasMessageNotContaining("a-token");
    }

    @Test
    void callsRacingAStopGetAClearStoppedErrorAndNeverANullPointer() throws Exception {
        long account = newAccount(newCustomer("Race Co"), "race-" + System.nanoTime());
        PortaBillingSession session = new PortaBillingSession(apiUserSettings(simulator));
        session.setCamelContext(context);
        session.start();
        simulator.injectFault("Account/get_account_info", 10_000, Fault.delay(Duration.ofMillis(100)));
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        AtomicBoolean stopped = new AtomicBoolean();
        List<Thread> callers = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            Thread caller = new Thread(() -> {
                for (int i = 0; i < 200 && !(stopped.get() && failures.size() > 16); i++) {
                    try {
                        session.call("Account", "get_account_info", Map.of("i_account", account));
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                }
            });
            callers.add(caller);
            caller.start();
        }
        Thread.sleep(700);

        session.stop();
        stopped.set(true);
        for (Thread caller : callers) {
            caller.join(30_000);
        }

        assertThat(failures).isNotEmpty().allSatisfy(f -> {
            assertThat(f).isInstanceOf(PortaBillingException.class).hasMessageContaining("stopped");
            for (Throwable c = f; c != null; c = c.getCause()) {
                assertThat(c).isNotInstanceOf(NullPointerException.class);
            }
        });
    }

    @Test
    void aLegacyLoginAnswerWithoutSessionIdIsAnErrorNamingTheField() {
        simulator.injectFault("Session/login", 1, Fault.rawAnswer(200, "application/json",
                "{\"access_token\":\"x.y.z\",\"refresh_token\":\"r\",\"expires_in\":900}"));

        Exception e = get(context, GET + "&legacyAuth=true", 1);

        assertThat(e).isInstanceOf(PortaBillingException.class).hasMessageContaining("without session_id")
                .hasMessageContaining("legacyAuth=true");
        for (Throwable c = e; c != null; c = c.getCause()) {
            assertThat(c).isNotInstanceOf(NullPointerException.class);
        }
        assertThat(simulator.callCount("Account/get_account_info")).isZero();
    }

    @Test
    void oneFailedReadWithItsRetriesIsOneFailureForTheReadinessCheck() {
        long account = newAccount(newCustomer("Ready Co"), "ready-" + System.nanoTime());
        String uri = GET + "&maxRetries=3&retryBackoff=1";
        assertThat(get(context, uri, account)).isNull();
        simulator.injectFault("Account/get_account_info", 4, Fault.htmlErrorPage(502));
        simulator.resetCounters();

        assertThat(get(context, uri, account)).isInstanceOf(PortaBillingException.class);

        assertThat(simulator.callCount("Account/get_account_info")).as("the call and its 3 retries").isEqualTo(4);
        PortaBillingEndpoint endpoint = context.getEndpoint(uri, PortaBillingEndpoint.class);
        assertThat(endpoint.getSession().getConsecutiveFailures()).isEqualTo(1);
        assertThat(new PortaBillingProducerHealthCheck(endpoint, "per-call").call().getState())
                .isEqualTo(HealthCheck.State.UP);
    }

    @Test
    void anIpv6LiteralHostWorksWithAndWithoutBrackets() throws Exception {
        try (PortaBillingSimulator v6 = PortaBillingSimulator.builder().host("::1").start()) {
            for (String host : List.of("[::1]", "::1")) {
                Exchange out = template.send("portabilling:Generic/generic?operation=call&method=get_version&host="
                                             + host + "&port=" + v6.port(), e -> e.getMessage().setBody(null));
                assertThat(out.getException()).as(host).isNull();
            }
            assertThat(v6.callCount("Generic/get_version")).isEqualTo(2);
            assertThat(context.getComponent("portabilling", PortaBillingComponent.class).getSessions())
                    .extracting(PortaBillingSession::getBaseUrl).contains("http://[::1]:" + v6.port());
            assertThat(v6.loginCount()).as("[::1] and ::1 are one server: one session").isEqualTo(1);
        }
    }
}
