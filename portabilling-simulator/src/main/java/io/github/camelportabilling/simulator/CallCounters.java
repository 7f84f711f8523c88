package io.github.camelportabilling.simulator;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** Per-method call counts, the total, and calls in flight with their high-water mark. */
final class CallCounters {

    private final ConcurrentHashMap<String, AtomicLong> perMethod = new ConcurrentHashMap<>();
    private final LongAdder total = new LongAdder();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger highWaterMark = new AtomicInteger();

    void enter() {
        int now = inFlight.incrementAndGet();
        highWaterMark.accumulateAndGet(now, Math::max);
    }

    void exit() {
        inFlight.decrementAndGet();
    }

    /** Counts a call; returns its 1-based number for that method (0 when the path names no method). */
    long count(String serviceMethod) {
        total.increment();
        return serviceMethod == null ? 0 : perMethod.computeIfAbsent(serviceMethod, k -> new AtomicLong()).incrementAndGet();
    }


    long calls(String serviceMethod) {
        AtomicLong n = perMethod.get(serviceMethod);
        return n == null ? 0 : n.get();
    }

    long total() {
        return total.sum();
    }

    int inFlight() {
        return inFlight.get();
    }

    int highWaterMark() {
        return highWaterMark.get();
    }

    void reset() {
        perMethod.clear();
        total.reset();
        highWaterMark.set(inFlight.get());
    }
}
