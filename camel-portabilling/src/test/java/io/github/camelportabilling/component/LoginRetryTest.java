package io.github.camelportabilling.component;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.github.camelportabilling.simulator.Fault;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A rejected login is not retried by each call or poll: what the simulator receives over HTTP from a polling consumer
 * and from producers with a wrong password, and what the readiness check and the counters report.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LoginRetryTest extends SimulatorTestSupport {

    private static final String GET = "portabilling:Account/account?operation=get";

    @Test
    void aPollingConsumerWithAWrongPasswordFailsOnePollAndSkipsPollsWhileLoginsAreHeld() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("portabilling:Account/account?password=wrong-password&delay=10&initialDelay=0").routeId("badSync")
                        .to("mock:records");
            }
        });
        await().atMost(Duration.ofSeconds(20)).until(() -> simulator.loginCount() >= 1);
        PortaBillingConsumer consumer = (PortaBillingConsumer) context.getRoute("badSync").getConsumer();

        // about a hundred poll opportunities at delay=10 ms, all within the first 5 s hold
        Thread.sleep(1_000);

        assertThat(simulator.loginCount()).isEqualTo(1);
        assertThat(consumer.getErrorCounter()).as("failed polls (each one a WARN with a stack trace)").isEqualTo(1);
        assertThat(consumer.getBackoffCounter()).as("polls skipped by Camel's backoff").isPositive();
        assertThat(simulator.callCount("Account/get_account_list")).isZero();
    }

    @Test
    void theReadinessCheckIsDownWithTheFaultCodeAndTheNextAttempt() {
        template.send(GET + "&password=wrong", e -> e.getMessage().setBody(1));
        PortaBillingEndpoint endpoint = context.getEndpoint(GET + "&password=wrong", PortaBillingEndpoint.class);

        HealthCheck.Result result = new PortaBillingProducerHealthCheck(endpoint, "bad-login").call();

        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result.getDetails()).containsEntry("faultCode", "Server.Session.auth_failed")
                .containsKey("nextLoginAttempt");
        assertThat(result.getMessage()).hasValueSatisfying(m -> assertThat(m)
                .contains("rejected the login of demo with Server.Session.auth_failed", "no new login is attempted before"));
    }

    @Test
    void aLockedOutLoginFailsWithTheLockoutFaultAndIsNotRetried() {
        // another client's bad logins locked the API user out: even the right password fails
        simulator.setBruteForceLockout(1, Duration.ofMinutes(1), Duration.ofMinutes(1));
        assertThat(template.send(GET + "&password=wrong", e -> e.getMessage().setBody(1)).getException()).isNotNull();

        for (int i = 0; i < 20; i++) {
            Exception e = template.send(GET, x -> x.getMessage().setBody(1)).getException();
            assertThat(e).isInstanceOf(PortaBillingException.class);
            assertThat(((PortaBillingException) e).getFaultCode())
                    .isEqualTo("Server.Session.cannot_login_brute_force_activity");
        }

        assertThat(simulator.loginCount()).as("1 bad login, then 1 attempt with the right password").isEqualTo(2);
    }

    @Test
    void aLoginThatMustChangeItsPasswordIsHeldWithAMessageSayingSo() {
        simulator.setMustChangePassword("demo", true);

        Exception first = template.send(GET, e -> e.getMessage().setBody(1)).getException();
        Exception second = template.send(GET, e -> e.getMessage().setBody(1)).getException();

        assertThat(((PortaBillingException) first).getFaultCode()).isEqualTo("Server.Session.alert_You_must_change_password");
        assertThat(second).hasMessageContaining("password to be changed").hasMessageContaining("not attempted before");
        assertThat(simulator.loginCount()).isEqualTo(1);
    }

    @Test
    void aRejectedReLoginAfterARevokedSessionCountsAsAFailedCall() {
        long account = newAccount(newCustomer("Relogin Co"), "relogin-" + System.nanoTime());
        assertThat(template.send(GET, e -> e.getMessage().setBody(account)).getException()).isNull();
        simulator.revokeAllSessions();
        simulator.injectFault("Session/login", 1, Fault.apiFault("Server.Session.auth_failed", "The login or password"
                                                                                               + " is incorrect."));

        Exception e = template.send(GET, x -> x.getMessage().setBody(account)).getException();

        assertThat(e).isInstanceOf(PortaBillingException.class);
        PortaBillingSession session = context.getComponent("portabilling", PortaBillingComponent.class).getSessions()
                .iterator().next();
        assertThat(session.getFailedCalls()).isEqualTo(1);
        assertThat(simulator.loginCount()).isEqualTo(2);
    }
}
