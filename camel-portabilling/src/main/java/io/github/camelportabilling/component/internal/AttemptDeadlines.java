package io.github.camelportabilling.component.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Aborts HTTP attempts that passed their deadline: one daemon thread per transport looks at the attempts in flight
 * every {@link #TICK_MILLIS} ms. It replaces two {@code ScheduledFuture}s per attempt on a shared timer heap (their
 * scheduling and cancelling was 1.5 % of a caller thread's CPU in issue 18's profile): watching an attempt costs one
 * set insert and one removal, and a deadline fires at most one tick late. With nothing in flight the thread sleeps
 * until the next attempt wakes it.
 */
final class AttemptDeadlines implements AutoCloseable {

    /** How late a deadline may fire: small against any timeout a user can set (they are whole milliseconds). */
    static final long TICK_MILLIS = 10;
    private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(1);

    /** Something with deadlines: checked every tick while watched. */
    interface Watched {
        /** Aborts itself when a deadline passed; returns true when it needs no more watching. */
        boolean expireAt(long nowNanos);
    }

    private final Set<Watched> watched = ConcurrentHashMap.newKeySet();
    private final Thread thread;
    private volatile boolean idle;
    private volatile boolean closed;

    AttemptDeadlines(String name) {
        thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    void watch(Watched attempt) {
        watched.add(attempt);
        // the sweeper writes idle before it looks at the set, this writes the set before it reads idle: one of the
        // two sees the other, so an attempt is never left to a one-second idle sleep
        if (idle) {
            LockSupport.unpark(thread);
        }
    }

    void unwatch(Watched attempt) {
        watched.remove(attempt);
    }

    private void run() {
        long tick = TimeUnit.MILLISECONDS.toNanos(TICK_MILLIS);
        while (!closed) {
            idle = true;
            if (watched.isEmpty()) {
                LockSupport.parkNanos(this, IDLE_NANOS);
                continue;
            }
            idle = false;
            LockSupport.parkNanos(this, tick);
            long now = System.nanoTime();
            watched.removeIf(attempt -> expireAt(attempt, now));
        }
        watched.clear();
    }

    private static boolean expireAt(Watched attempt, long now) {
        try {
            return attempt.expireAt(now);
        } catch (RuntimeException e) {
            // an abort that throws must not stop the deadlines of every other call
            return true;
        }
    }

    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(thread);
    }
}
