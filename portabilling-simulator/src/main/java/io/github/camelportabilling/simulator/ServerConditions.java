package io.github.camelportabilling.simulator;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The unfriendly server behaviours a client must survive, each a switch (all off by default): brute-force lockout
 * after bad logins, a login that must change its password, logins that hang, answers that drip a few bytes at a
 * time, a server clock that differs from the client's, login answers without {@code expires_in}, and latency.
 */
final class ServerConditions {

    /** Bad logins within {@code window} that lock the login out for {@code period}; null = no lockout. */
    record Lockout(int badLogins, Duration window, Duration period) {
        Lockout {
            if (badLogins < 1) {
                throw new IllegalArgumentException("badLogins must be at least 1, got " + badLogins);
            }
            requirePositive(window, "window");
            requirePositive(period, "period");
        }
    }

    /** Every answer body is sent {@code bytes} at a time with {@code every} between chunks; null = at once. */
    record SlowBody(int bytes, Duration every) {
        SlowBody {
            if (bytes < 1) {
                throw new IllegalArgumentException("bytes must be at least 1, got " + bytes);
            }
            requirePositive(every, "every");
        }
    }

    /**
     * Every answer is sent {@code perCall} after its request arrived, plus {@code perRecord} for each record of the
     * lists in it: a far-away server with its own query time, without a server thread held per waiting call.
     */
    record Latency(Duration perCall, Duration perRecord) {
        static final Latency NONE = new Latency(Duration.ZERO, Duration.ZERO);

        Latency {
            if (perCall == null || perCall.isNegative() || perRecord == null || perRecord.isNegative()) {
                throw new IllegalArgumentException("latency must be zero or positive, got " + perCall + " per call and "
                        + perRecord + " per record");
            }
        }

        long nanosFor(int records) {
            return perCall.toNanos() + records * perRecord.toNanos();
        }
    }

    private volatile Latency latency = Latency.NONE;
    private volatile Lockout lockout;
    private volatile SlowBody slowBody;
    private volatile Duration loginDelay = Duration.ZERO;
    private volatile long clockOffsetMillis;
    private volatile boolean expiresIn = true;
    private final Set<String> mustChangePassword = ConcurrentHashMap.newKeySet();
    /** login → times of its recent bad logins; guarded by itself. */
    private final Map<String, Deque<Long>> badLogins = new HashMap<>();
    private final Map<String, Long> lockedUntil = new ConcurrentHashMap<>();

    void latency(Latency l) {
        this.latency = l;
    }

    Latency latency() {
        return latency;
    }

    void lockout(Lockout l) {
        this.lockout = l;
    }

    void slowBody(SlowBody s) {
        this.slowBody = s;
    }

    SlowBody slowBody() {
        return slowBody;
    }

    void loginDelay(Duration d) {
        if (d == null || d.isNegative()) {
            throw new IllegalArgumentException("login delay must be zero or positive, got " + d);
        }
        this.loginDelay = d;
    }

    Duration loginDelay() {
        return loginDelay;
    }

    void clockOffset(Duration offset) {
        this.clockOffsetMillis = offset.toMillis();
    }

    /** The server's idea of now: what it writes into {@code iat}, {@code exp} and {@code expires_at}. */
    long serverNowMillis(long realNowMillis) {
        return realNowMillis + clockOffsetMillis;
    }

    void expiresIn(boolean answer) {
        this.expiresIn = answer;
    }

    boolean expiresIn() {
        return expiresIn;
    }

    void mustChangePassword(String login, boolean must) {
        if (must) {
            mustChangePassword.add(login);
        } else {
            mustChangePassword.remove(login);
        }
    }

    /**
     * Checks a login attempt before its credentials are: throws the lockout fault while the login is locked out,
     * even for the right password.
     */
    void beforeLogin(String login, long now) {
        Long until = login == null ? null : lockedUntil.get(login);
        if (until != null && now < until) {
            throw new ApiFault(FaultCodes.BRUTE_FORCE_LOCKOUT, FaultCodes.BRUTE_FORCE_LOCKOUT_TEXT);
        }
    }

    /** Counts a bad login; the one that reaches the limit within the window locks the login out. */
    void badLogin(String login, long now) {
        Lockout l = lockout;
        if (l == null || login == null) {
            return;
        }
        synchronized (badLogins) {
            Deque<Long> times = badLogins.computeIfAbsent(login, k -> new ArrayDeque<>());
            times.addLast(now);
            while (!times.isEmpty() && times.peekFirst() <= now - l.window().toMillis()) {
                times.removeFirst();
            }
            if (times.size() >= l.badLogins()) {
                times.clear();
                lockedUntil.put(login, now + l.period().toMillis());
            }
        }
    }

    /** Throws {@code alert_You_must_change_password} for a correct login that must change its password first. */
    void afterGoodLogin(String login) {
        if (mustChangePassword.contains(login)) {
            throw new ApiFault(FaultCodes.MUST_CHANGE_PASSWORD, FaultCodes.MUST_CHANGE_PASSWORD_TEXT);
        }
    }

    boolean isLockedOut(String login, long now) {
        Long until = lockedUntil.get(login);
        return until != null && now < until;
    }

    /** Back to the friendly server: every switch off, lockouts and bad-login counts forgotten. */
    void reset() {
        latency = Latency.NONE;
        lockout = null;
        slowBody = null;
        loginDelay = Duration.ZERO;
        clockOffsetMillis = 0;
        expiresIn = true;
        mustChangePassword.clear();
        synchronized (badLogins) {
            badLogins.clear();
        }
        lockedUntil.clear();
    }

    private static void requirePositive(Duration d, String what) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, got " + d);
        }
    }
}
