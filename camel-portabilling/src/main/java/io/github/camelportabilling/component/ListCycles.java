package io.github.camelportabilling.component;

import io.github.camelportabilling.component.internal.ListPager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A consumer's counts of walks over its list (cycles) and of records delivered, and the one log line per cycle. A
 * cycle that delivered nothing logs at DEBUG: an incremental consumer with a short delay ends many of them.
 */
final class ListCycles {

    // the consumer's category: a user who tuned the consumer's logging gets its cycle lines as before
    private static final Logger LOG = LoggerFactory.getLogger(PortaBillingConsumer.class);

    private final Object owner;
    private long startNanos;
    private long cycleDelivered;
    private volatile long cycles;
    private volatile long delivered;

    /** @param owner what the log lines name (the endpoint) */
    ListCycles(Object owner) {
        this.owner = owner;
    }

    void start() {
        startNanos = System.nanoTime();
        cycleDelivered = 0;
    }

    /** A cycle resumed mid-list from saved state: its time counts from now. */
    void resumed() {
        startNanos = System.nanoTime();
    }

    void count(int processed) {
        cycleDelivered += processed;
        delivered += processed;
    }

    /** The cycle's last page was done. */
    void end(ListPager.Result lastPage) {
        cycles++;
        long millis = (System.nanoTime() - startNanos) / 1_000_000;
        String total = lastPage.total() != null ? " (total " + lastPage.total() + ")" : "";
        if (cycleDelivered > 0) {
            LOG.info("{}: cycle {} done, {} records delivered{} in {} ms, {} calls", owner, cycles, cycleDelivered,
                    total, millis, lastPage.next().calls());
        } else {
            LOG.debug("{}: cycle {} done, no new records{} in {} ms, {} calls", owner, cycles, total, millis,
                    lastPage.next().calls());
        }
    }

    long cycles() {
        return cycles;
    }

    long delivered() {
        return delivered;
    }
}
