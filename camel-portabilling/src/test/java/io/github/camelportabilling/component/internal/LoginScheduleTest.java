package io.github.camelportabilling.component.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelportabilling.component.PortaBillingException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoginScheduleTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final LoginSchedule schedule = new LoginSchedule(now::get);

    private static PortaBillingException fault(String code) {
        return PortaBillingException.fault("Session", "login", code, "text");
    }

    /** Attempts a login every {@code stepMillis} for {@code millis}; counts those the schedule lets through. */
    private int attempts(long millis, long stepMillis, String faultCode) {
        int attempts = 0;
        for (long t = 0; t < millis; t += stepMillis) {
            if (schedule.refusal() == null) {
                attempts++;
                schedule.rejected(fault(faultCode));
            }
            now.addAndGet(stepMillis);
        }
        return attempts;
    }

    @Test
    void holdsGrowFromFiveSecondsToTenMinutes() {
        assertThat(schedule.rejected(fault("Server.Session.auth_failed"))).isEqualTo(Duration.ofSeconds(5));
        assertThat(schedule.rejected(fault("Server.Session.auth_failed"))).isEqualTo(Duration.ofSeconds(30));
        assertThat(schedule.rejected(fault("Server.Session.auth_failed"))).isEqualTo(Duration.ofMinutes(2));
        assertThat(schedule.rejected(fault("Server.Session.auth_failed"))).isEqualTo(Duration.ofMinutes(10));
        assertThat(schedule.rejected(fault("Server.Session.auth_failed"))).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void aWrongPasswordTriedEveryFiveSecondsForAnHourCostsNineLoginsThenSixAnHour() {
        assertThat(attempts(3_600_000, 5_000, "Server.Session.auth_failed")).isEqualTo(9);
        assertThat(attempts(3_600_000, 5_000, "Server.Session.auth_failed")).isEqualTo(6);
    }

    @Test
    void aLockoutHoldsLoginsForHalfAnHour() {
        // attempts at 0 and 30 min
        assertThat(attempts(3_600_000, 5_000, LoginSchedule.LOCKOUT_FAULT_CODE)).isEqualTo(2);
        assertThat(schedule.rejected(fault(LoginSchedule.LOCKOUT_FAULT_CODE))).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void theRefusalKeepsTheFaultAndSaysWhenTheNextAttemptIs() {
        schedule.rejected(fault("Server.Session.auth_failed"));
        now.addAndGet(1_000);

        PortaBillingException refusal = schedule.refusal();

        assertThat(refusal.getFaultCode()).isEqualTo("Server.Session.auth_failed");
        assertThat(refusal.getMethod()).isEqualTo("login");
        assertThat(refusal.getMessage()).contains("not attempted before", "in 4 s", "1 rejected in a row");
        assertThat(schedule.isOnHold()).isTrue();
        now.addAndGet(4_000);
        assertThat(schedule.refusal()).isNull();
        assertThat(schedule.isOnHold()).isFalse();
        assertThat(schedule.lastRejection()).as("still rejected until a login succeeds").isNotNull();
    }

    @Test
    void aSuccessfulLoginStartsTheScheduleAfresh() {
        schedule.rejected(fault("Server.Session.auth_failed"));
        schedule.rejected(fault("Server.Session.auth_failed"));
        schedule.succeeded();

        assertThat(schedule.lastRejection()).isNull();
        assertThat(schedule.holdUntilMillis()).isZero();
        assertThat(schedule.rejected(fault("Server.Session.auth_failed"))).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void theMessageSaysWhatTheFaultMeans() {
        assertThat(LoginSchedule.describe(fault(LoginSchedule.LOCKOUT_FAULT_CODE))).contains("locked the login out");
        assertThat(LoginSchedule.describe(fault(LoginSchedule.MUST_CHANGE_PASSWORD_FAULT_CODE)))
                .contains("password to be changed");
        assertThat(LoginSchedule.describe(fault("Server.Session.auth_failed"))).contains("rejected the login");
    }
}
