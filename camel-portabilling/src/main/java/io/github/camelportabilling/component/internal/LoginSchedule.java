package io.github.camelportabilling.component.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.LongSupplier;

import io.github.camelportabilling.component.PortaBillingException;

/**
 * When a login may be tried again after the server rejected one. A rejected login is never retried right away: a
 * wrong password retried every few seconds is exactly what trips PortaBilling's brute-force lockout, which then
 * locks the API user out for every client. After the first rejection in a row no login is attempted for
 * {@link #HOLDS} 5 s, after the second 30 s, after the third 2 min, then every 10 min at most; a lockout fault
 * ({@value #LOCKOUT_FAULT_CODE}) holds logins for {@link #LOCKOUT_HOLD} 30 min. Callers in between get the
 * rejection without a new attempt. The schedule holds until a login succeeds, or it is reset (a restart of the
 * session; a change of credentials is another session). That is at most 9 failed logins in the first hour with a
 * wrong password, then 6 an hour.
 */
public final class LoginSchedule {

    /** How long logins are held after the 1st, 2nd, 3rd and each later rejection in a row. */
    public static final List<Duration> HOLDS = List.of(
            Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(10));
    /** How long logins are held after the server answered that the login is locked out. */
    public static final Duration LOCKOUT_HOLD = Duration.ofMinutes(30);
    public static final String LOCKOUT_FAULT_CODE = "Server.Session.cannot_login_brute_force_activity";
    public static final String MUST_CHANGE_PASSWORD_FAULT_CODE = "Server.Session.alert_You_must_change_password";

    private final LongSupplier clock;
    private PortaBillingException lastRejection;
    private int rejectionsInARow;
    private long holdUntilMillis;

    /** @param clock epoch milliseconds; injectable so that the schedule is tested without waiting */
    public LoginSchedule(LongSupplier clock) {
        this.clock = clock;
    }

    /** Records a login the server rejected (a fault on Session/login); returns how long logins are now held. */
    public synchronized Duration rejected(PortaBillingException rejection) {
        rejectionsInARow++;
        lastRejection = rejection;
        Duration hold = LOCKOUT_FAULT_CODE.equals(rejection.getFaultCode())
                ? LOCKOUT_HOLD : HOLDS.get(Math.min(rejectionsInARow, HOLDS.size()) - 1);
        holdUntilMillis = clock.getAsLong() + hold.toMillis();
        return hold;
    }

    /** A login succeeded: the next rejection starts the schedule from its first step. */
    public synchronized void succeeded() {
        reset();
    }

    public synchronized void reset() {
        lastRejection = null;
        rejectionsInARow = 0;
        holdUntilMillis = 0;
    }

    /**
     * Null when a login may be attempted now; otherwise the error a caller gets instead of a login attempt. It keeps
     * the fault code of the rejection and says when the next attempt will be made.
     */
    public synchronized PortaBillingException refusal() {
        if (lastRejection == null || clock.getAsLong() >= holdUntilMillis) {
            return null;
        }
        PortaBillingException r = lastRejection;
        return new PortaBillingException(
                "PortaBilling Session/login is not attempted before " + Instant.ofEpochMilli(holdUntilMillis) + " (in "
                                         + Duration.ofMillis(holdUntilMillis - clock.getAsLong()).toSeconds() + " s): "
                                         + describe(r) + "; " + rejectionsInARow + " rejected in a row",
                "Session", "login", r.getFaultCode(), r.getFaultString(), r.getHttpStatus(), null);
    }

    /** What a rejection means, for messages: the fault and what to do about it. */
    public static String describe(PortaBillingException rejection) {
        String code = rejection.getFaultCode();
        String what = LOCKOUT_FAULT_CODE.equals(code)
                ? "the server locked the login out after too many failed logins (brute-force protection)"
                : MUST_CHANGE_PASSWORD_FAULT_CODE.equals(code)
                        ? "the server asks for the login's password to be changed before the API may be used"
                        : "the server rejected the login";
        return what + " with " + code + (rejection.getFaultString() != null ? " (" + rejection.getFaultString() + ")" : "");
    }

    /** Whether logins are held now. */
    public synchronized boolean isOnHold() {
        return lastRejection != null && clock.getAsLong() < holdUntilMillis;
    }

    /** The last rejection since the last successful login, or null. */
    public synchronized PortaBillingException lastRejection() {
        return lastRejection;
    }

    /** Epoch millis from which a login may be attempted again; 0 when not held. */
    public synchronized long holdUntilMillis() {
        return lastRejection != null ? holdUntilMillis : 0;
    }

    public synchronized int rejectionsInARow() {
        return rejectionsInARow;
    }
}
