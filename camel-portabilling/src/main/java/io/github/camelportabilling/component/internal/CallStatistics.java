package io.github.camelportabilling.component.internal;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * Calls per Service/method and outcome, with latency, for the session's JMX attributes and the dev console.
 */
public final class CallStatistics {

    /** How a call ended. */
    public enum Outcome {
        /** 200 with an answer. */
        ok,
        /** the API answered a fault. */
        fault,
        /** anything else: transport failure, timeout, unreadable answer, proxy status. */
        error
    }

    /** Method names come from headers too: beyond this many, calls are counted under "other". */
    private static final int MAX_METHODS = 512;
    private static final String OTHER = "other";

    /** Service → method → stats: two lookups instead of building a "Service/method" key on every call. */
    private final Map<String, Map<String, MethodStats>> byService = new ConcurrentHashMap<>();
    private final AtomicInteger methods = new AtomicInteger();

    public void record(String service, String method, Outcome outcome, long nanos) {
        Map<String, MethodStats> ofService = byService.get(service);
        MethodStats stats = ofService != null ? ofService.get(method) : null;
        if (stats == null) {
            stats = create(service, method);
        }
        stats.record(outcome, nanos);
    }

    private MethodStats create(String service, String method) {
        boolean room = methods.get() < MAX_METHODS;
        Map<String, MethodStats> ofService
                = byService.computeIfAbsent(room ? service : OTHER, k -> new ConcurrentHashMap<>());
        return ofService.computeIfAbsent(room ? method : OTHER, k -> {
            methods.incrementAndGet();
            return new MethodStats();
        });
    }

    /** Service/method → counts per outcome, total and max latency in ms; sorted by name. */
    public Map<String, Map<String, Object>> snapshot() {
        Map<String, Map<String, Object>> result = new TreeMap<>();
        byService.forEach((service, ofService) -> ofService.forEach(
                (method, stats) -> result.put(service + "/" + method, stats.snapshot())));
        return result;
    }

    private static final class MethodStats {
        private final LongAdder ok = new LongAdder();
        private final LongAdder fault = new LongAdder();
        private final LongAdder error = new LongAdder();
        private final LongAdder totalNanos = new LongAdder();
        private final LongAccumulator maxNanos = new LongAccumulator(Math::max, 0);

        void record(Outcome outcome, long nanos) {
            switch (outcome) {
                case ok -> ok.increment();
                case fault -> fault.increment();
                default -> error.increment();
            }
            totalNanos.add(nanos);
            maxNanos.accumulate(nanos);
        }

        Map<String, Object> snapshot() {
            long okCount = ok.sum();
            long faultCount = fault.sum();
            long errorCount = error.sum();
            long calls = okCount + faultCount + errorCount;
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("calls", calls);
            m.put("ok", okCount);
            m.put("fault", faultCount);
            m.put("error", errorCount);
            m.put("meanMillis", calls == 0 ? 0.0 : Math.round(totalNanos.sum() / (double) calls / 1_000) / 1_000.0);
            m.put("maxMillis", Math.round(maxNanos.get() / 1_000) / 1_000.0);
            return m;
        }
    }
}
