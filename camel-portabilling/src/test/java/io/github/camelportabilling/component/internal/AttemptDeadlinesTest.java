package io.github.camelportabilling.component.internal;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one deadline thread of a transport: what it aborts, what it leaves alone, and that it wakes from idle. */
@Timeout(30)
class AttemptDeadlinesTest {

    /** Expires once {@code endNanos} has passed, counting how often it was asked after that. */
    private static final class Item implements AttemptDeadlines.Watched {
        final long endNanos;
        final CountDownLatch expired = new CountDownLatch(1);
        final AtomicInteger askedAfterExpiry = new AtomicInteger();

        Item(long fromNowMillis) {
            endNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(fromNowMillis);
        }

        @Override
        public boolean expireAt(long nowNanos) {
            if (nowNanos - endNanos < 0) {
                return false;
            }
            if (expired.getCount() == 0) {
                askedAfterExpiry.incrementAndGet();
            }
            expired.countDown();
            return true;
        }
    }

    @Test
    void anAttemptWatchedAfterTheThreadWentIdleIsStillExpiredAndThenNoLongerWatched() throws Exception {
        try (AttemptDeadlines deadlines = new AttemptDeadlines("test-deadlines")) {
            Thread.sleep(50); // the thread has looked at an empty set and sleeps
            Item item = new Item(20);
            deadlines.watch(item);
            assertTrue(item.expired.await(10, TimeUnit.SECONDS), "the deadline fired");
            Thread.sleep(5 * AttemptDeadlines.TICK_MILLIS);
            assertEquals(0, item.askedAfterExpiry.get(), "an expired attempt is dropped from the watch");
        }
    }

    @Test
    void anUnwatchedAttemptIsNeverExpired() throws Exception {
        try (AttemptDeadlines deadlines = new AttemptDeadlines("test-deadlines")) {
            Item done = new Item(20);
            deadlines.watch(done);
            deadlines.unwatch(done);
            Item later = new Item(40);
            deadlines.watch(later);
            assertTrue(later.expired.await(10, TimeUnit.SECONDS));
            assertEquals(1, done.expired.getCount(), "the call that ended first was not aborted");
        }
    }

    @Test
    void anAttemptWhoseAbortThrowsDoesNotStopTheOthers() throws Exception {
        try (AttemptDeadlines deadlines = new AttemptDeadlines("test-deadlines")) {
            deadlines.watch(now -> {
                throw new IllegalStateException("abort failed");
            });
            Item item = new Item(30);
            deadlines.watch(item);
            assertTrue(item.expired.await(10, TimeUnit.SECONDS));
        }
    }
}
