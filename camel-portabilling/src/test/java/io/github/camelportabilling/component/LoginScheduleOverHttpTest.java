package io.github.camelportabilling.component;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelportabilling.simulator.PortaBillingSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The login schedule over HTTP, an hour of calls at a time: the session's login clock is advanced by the test, and
 * the simulator counts the Session/login calls it really received.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LoginScheduleOverHttpTest extends SimulatorTestSupport {

    private final AtomicLong clock = new AtomicLong(System.currentTimeMillis());
    private PortaBillingSession session;

    @AfterEach
    void stopSession() {
        if (session != null) {
            session.stop();
        }
    }

    private PortaBillingSession session(String login, String password) {
        PortaBillingConfiguration c = new PortaBillingConfiguration();
        c.setHost(simulator.host());
        c.setPort(simulator.port());
        c.setUseHttps(false);
        c.setLogin(login);
        c.setPassword(password);
        PortaBillingSession s = new PortaBillingSession(c);
        s.setCamelContext(context);
        s.setLoginClock(clock::get);
        s.start();
        return s;
    }

    /** One call every 5 s of the session's clock for an hour (720 calls); returns how many failed. */
    private int anHourOfCalls(PortaBillingSession s) {
        int failed = 0;
        for (int i = 0; i < 720; i++) {
            try {
                s.call("Generic", "get_version", Map.of());
            } catch (PortaBillingException e) {
                failed++;
            }
            clock.addAndGet(5_000);
        }
        return failed;
    }

    @Test
    void aWrongPasswordCostsNineFailedLoginsInTheFirstHourThenSixAnHour() {
        session = session(PortaBillingSimulator.DEMO_LOGIN, "wrong-password");

        assertThat(anHourOfCalls(session)).isEqualTo(720);
        long firstHour = simulator.loginCount();
        assertThat(anHourOfCalls(session)).isEqualTo(720);

        // 0, 5 s, 35 s, 2 min 35 s, then every 10 min; 720 calls each hour
        assertThat(firstHour).isEqualTo(9);
        assertThat(simulator.loginCount() - firstHour).isEqualTo(6);
        assertThat(session.getFailedCalls()).isEqualTo(1_440);
        assertThat(session.isLoginRejected()).isTrue();
        System.out.printf("[figure] failed logins with a wrong password: %d in the first hour, %d in the second"
                          + " (720 calls an hour)%n", firstHour, simulator.loginCount() - firstHour);
    }

    @Test
    void aLockedOutLoginIsTriedTwiceAnHour() {
        simulator.setBruteForceLockout(2, Duration.ofMinutes(1), Duration.ofHours(3));
        PortaBillingSession bad = session(PortaBillingSimulator.DEMO_LOGIN, "wrong-password");
        anHourOfCalls(bad);
        bad.stop();
        assertThat(simulator.isLockedOut(PortaBillingSimulator.DEMO_LOGIN)).isTrue();
        simulator.resetCounters();
        clock.set(System.currentTimeMillis());

        session = session(PortaBillingSimulator.DEMO_LOGIN, PortaBillingSimulator.DEMO_PASSWORD);
        assertThat(anHourOfCalls(session)).isEqualTo(720);

        assertThat(simulator.loginCount()).as("at 0 and 30 min").isEqualTo(2);
        assertThat(session.getLoginRejectionFaultCode()).isEqualTo("Server.Session.cannot_login_brute_force_activity");
    }

    @Test
    void aSuccessfulLoginStartsTheScheduleAfresh() {
        simulator.setMustChangePassword(PortaBillingSimulator.DEMO_LOGIN, true);
        session = session(PortaBillingSimulator.DEMO_LOGIN, PortaBillingSimulator.DEMO_PASSWORD);
        for (int i = 0; i < 2; i++) {
            try {
                session.call("Generic", "get_version", Map.of());
            } catch (PortaBillingException expected) {
                // the password must be changed; held for 5 s
            }
            clock.addAndGet(6_000);
        }
        assertThat(simulator.loginCount()).isEqualTo(2);
        simulator.setMustChangePassword(PortaBillingSimulator.DEMO_LOGIN, false);
        clock.addAndGet(31_000);

        assertThat(session.call("Generic", "get_version", Map.of())).containsKey("version");

        assertThat(session.isLoginRejected()).isFalse();
        simulator.revokeAllSessions();
        simulator.setMustChangePassword(PortaBillingSimulator.DEMO_LOGIN, true);
        try {
            session.call("Generic", "get_version", Map.of());
        } catch (PortaBillingException expected) {
            // rejected again: the first step of the schedule
        }
        assertThat(session.getNextLoginAttempt() - clock.get()).isEqualTo(5_000);
    }
}
