package io.github.camelportabilling.component.internal;

import java.util.concurrent.TimeUnit;

/**
 * The moment by which one caller's call must end, whatever it waits for on the way (the session lock, a login in
 * progress, a free connection, the answer, a pause before a retry). Immutable.
 */
public final class Deadline {

    private final long budgetMillis;
    private final long endNanos;

    private Deadline(long budgetMillis) {
        this.budgetMillis = budgetMillis;
        this.endNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(budgetMillis);
    }

    /** A deadline {@code millis} from now. */
    public static Deadline after(long millis) {
        return new Deadline(Math.max(0, millis));
    }

    /** Milliseconds left, at least 0 (rounded up, so that a deadline not yet passed never reads as 0). */
    public long remainingMillis() {
        long nanos = endNanos - System.nanoTime();
        return nanos <= 0 ? 0 : (nanos + 999_999) / 1_000_000;
    }

    /** The end as a {@link System#nanoTime()} value. */
    public long endNanos() {
        return endNanos;
    }

    public boolean expired() {
        return endNanos - System.nanoTime() <= 0;
    }

    /** The whole budget the deadline was set with, for messages. */
    public long budgetMillis() {
        return budgetMillis;
    }

    @Override
    public String toString() {
        return "Deadline[" + remainingMillis() + " of " + budgetMillis + " ms left]";
    }
}
