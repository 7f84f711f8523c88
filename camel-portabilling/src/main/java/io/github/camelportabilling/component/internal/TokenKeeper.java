package io.github.camelportabilling.component.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

import io.github.camelportabilling.component.PortaBillingException;
import io.github.camelportabilling.component.PortaBillingTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The token lifecycle of one session: the current token, its refresh ahead of expiry, a new login when it is stale
 * or rejected, and the login schedule after rejections.
 * <p>
 * Single flight: however many callers need a new token at once, one login (or refresh) is made, by the first of them,
 * and the others wait for its outcome, success or failure, transport failures included: a failed login is never
 * repeated by each waiter in turn. Every wait is bounded by the waiting caller's own deadline and is interruptible.
 * A refresh ahead of expiry is made by one caller while the others go on with the current token.
 */
public final class TokenKeeper {

    /** The Session calls the keeper makes; both throw {@link PortaBillingException}. */
    public interface Renewals {
        AccessToken login(Deadline deadline);

        /** @return null when the answer holds no usable token */
        AccessToken refresh(AccessToken old, Deadline deadline);
    }

    private static final Logger LOG = LoggerFactory.getLogger(TokenKeeper.class);

    private final Renewals renewals;
    private final LoginSchedule schedule;
    private final SessionCounters counters;
    private final BooleanSupplier refreshable;
    private final Object session;
    private final ReentrantLock lock = new ReentrantLock();
    private final LongSupplier clock = System::currentTimeMillis;

    private volatile AccessToken current;
    /** The login or refresh in progress; guarded by lock. */
    private CompletableFuture<AccessToken> flight;
    private volatile boolean closed = true;

    /**
     * @param refreshable whether tokens are refreshed (not with the legacy encoding, which carries the session id)
     * @param session     names the session in log lines and messages, by its toString (no secret)
     */
    public TokenKeeper(Renewals renewals, LoginSchedule schedule, SessionCounters counters, BooleanSupplier refreshable,
                       Object session) {
        this.renewals = renewals;
        this.schedule = schedule;
        this.counters = counters;
        this.refreshable = refreshable;
        this.session = session;
    }

    /** Ready for calls; the login schedule starts afresh (a restarted session may try its credentials again). */
    public void open() {
        schedule.reset();
        closed = false;
    }

    /**
     * No more tokens: a login in progress fails for its waiters, later calls get a "stopped" error.
     *
     * @return the token held until now (for the logout), or null
     */
    public AccessToken close() {
        lock.lock();
        try {
            closed = true;
            if (flight != null) {
                flight.completeExceptionally(stopped());
                flight = null;
            }
            AccessToken token = current;
            current = null;
            return token;
        } finally {
            lock.unlock();
        }
    }

    public AccessToken current() {
        return current;
    }

    /** A token fit to send: the current one, renewed first when it is stale. */
    public AccessToken token(Deadline deadline) {
        AccessToken token = current;
        long now = clock.getAsLong();
        if (token != null && !token.needsRefresh(now)) {
            return token;
        }
        if (token != null && !token.isStale(now)) {
            refreshAhead(token, deadline);
            AccessToken latest = current;
            return latest != null ? latest : token;
        }
        return renew(token, false, deadline);
    }

    /** After the server rejected {@code rejected}: a new login, unless another caller already made one. */
    public AccessToken afterRejection(AccessToken rejected, Deadline deadline) {
        return renew(rejected, true, deadline);
    }

    /** Whoever gets the lock at once refreshes; nobody waits, the current token is still usable. */
    private void refreshAhead(AccessToken token, Deadline deadline) {
        CompletableFuture<AccessToken> mine;
        if (!lock.tryLock()) {
            return;
        }
        try {
            if (closed || flight != null || current != token) {
                return;
            }
            mine = flight = new CompletableFuture<>();
        } finally {
            lock.unlock();
        }
        try {
            fly(mine, token, false, deadline);
        } catch (PortaBillingException e) {
            LOG.debug("Refresh ahead of expiry failed for {} ({}); the current token is still used", session,
                    e.getFaultCode() != null ? e.getFaultCode() : e.getClass().getSimpleName());
        }
    }

    private AccessToken renew(AccessToken seen, boolean loginOnly, Deadline deadline) {
        CompletableFuture<AccessToken> joined;
        boolean leader = false;
        acquireLock(deadline);
        try {
            if (closed) {
                throw stopped();
            }
            AccessToken latest = current;
            if (latest != null && latest != seen && !latest.isStale(clock.getAsLong())) {
                return latest;
            }
            if (flight != null) {
                joined = flight;
            } else {
                PortaBillingException refusal = schedule.refusal();
                if (refusal != null) {
                    throw refusal;
                }
                joined = flight = new CompletableFuture<>();
                leader = true;
            }
        } finally {
            lock.unlock();
        }
        return leader ? fly(joined, seen, loginOnly, deadline) : await(joined, deadline);
    }

    /** Runs the renewal in this caller's thread and hands its outcome to everyone waiting for it. */
    private AccessToken fly(CompletableFuture<AccessToken> mine, AccessToken old, boolean loginOnly, Deadline deadline) {
        AccessToken result;
        try {
            result = renewNow(old, loginOnly, deadline);
        } catch (RuntimeException e) {
            PortaBillingException failure = e instanceof PortaBillingException pe ? pe
                    : new PortaBillingException("PortaBilling Session/login failed: " + e, "Session", "login", null, null,
                            0, e);
            land(mine, null);
            mine.completeExceptionally(failure);
            throw failure;
        }
        land(mine, result);
        mine.complete(result);
        return result;
    }

    private void land(CompletableFuture<AccessToken> mine, AccessToken result) {
        lock.lock();
        try {
            if (result != null && !closed) {
                current = result;
            }
            if (flight == mine) {
                flight = null;
            }
        } finally {
            lock.unlock();
        }
    }

    private AccessToken renewNow(AccessToken old, boolean loginOnly, Deadline deadline) {
        if (!loginOnly && refreshable.getAsBoolean() && old != null && old.refreshToken() != null) {
            try {
                AccessToken refreshed = renewals.refresh(old, deadline);
                if (refreshed != null) {
                    counters.refreshes.increment();
                    return refreshed;
                }
            } catch (PortaBillingException e) {
                LOG.debug("Token refresh failed for {} ({}); logging in again", session,
                        e.getFaultCode() != null ? e.getFaultCode() : e.getClass().getSimpleName());
                if (deadline.expired()) {
                    counters.refreshFailures.increment();
                    throw e;
                }
            }
            counters.refreshFailures.increment();
        }
        return login(deadline);
    }

    private AccessToken login(Deadline deadline) {
        PortaBillingException refusal = schedule.refusal();
        if (refusal != null) {
            throw refusal;
        }
        try {
            AccessToken token = renewals.login(deadline);
            schedule.succeeded();
            counters.logins.increment();
            return token;
        } catch (PortaBillingException e) {
            counters.loginFailures.increment();
            if (e.getFaultCode() == null) {
                throw e;
            }
            Duration hold = schedule.rejected(e);
            Instant next = Instant.ofEpochMilli(schedule.holdUntilMillis());
            // once per step of the schedule, never once per call or poll
            LOG.warn("{}: {}. No new login is attempted before {} (in {} s; {} rejected in a row): fix the credentials,"
                     + " then restart the route or the session.", session, LoginSchedule.describe(e), next,
                    hold.toSeconds(), schedule.rejectionsInARow());
            throw new PortaBillingException(e.getMessage() + "; no new login is attempted before " + next,
                    e.getService(), e.getMethod(), e.getFaultCode(), e.getFaultString(), e.getHttpStatus(), e);
        }
    }

    private AccessToken await(CompletableFuture<AccessToken> flight, Deadline deadline) {
        try {
            return flight.get(deadline.remainingMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new PortaBillingTimeoutException(
                    "PortaBilling Session/login in progress for " + session + " did not end within this call's deadline"
                                                   + " (callTimeout=" + deadline.budgetMillis() + " ms)",
                    "Session", "login", e);
        } catch (ExecutionException e) {
            throw shared((PortaBillingException) e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PortaBillingException("PortaBilling Session/login: interrupted while waiting for the login in"
                                            + " progress for " + session, "Session", "login", null, null, 0, e);
        }
    }

    private void acquireLock(Deadline deadline) {
        try {
            if (!lock.tryLock(deadline.remainingMillis(), TimeUnit.MILLISECONDS)) {
                throw new PortaBillingTimeoutException("PortaBilling Session/login: the session lock of " + session
                                                       + " was not free within this call's deadline (callTimeout="
                                                       + deadline.budgetMillis() + " ms)",
                        "Session", "login", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PortaBillingException("PortaBilling Session/login: interrupted while waiting for the session lock"
                                            + " of " + session, "Session", "login", null, null, 0, e);
        }
    }

    /** The leader's failure, as each waiter's own exception (same type, fault and status; the leader's as cause). */
    private static PortaBillingException shared(PortaBillingException e) {
        String message = e.getMessage() + " (the login this call waited for)";
        if (e instanceof PortaBillingTimeoutException) {
            return new PortaBillingTimeoutException(message, e.getService(), e.getMethod(), e);
        }
        return new PortaBillingException(message, e.getService(), e.getMethod(), e.getFaultCode(), e.getFaultString(),
                e.getHttpStatus(), e);
    }

    private PortaBillingException stopped() {
        return new PortaBillingException("PortaBilling session " + session + " is stopped", "Session", "login", null,
                null, 0, null);
    }
}
