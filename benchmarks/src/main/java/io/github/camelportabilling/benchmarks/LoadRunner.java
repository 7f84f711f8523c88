package io.github.camelportabilling.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs N closed-loop callers (each makes its next call as soon as the previous one returned) for a fixed time and
 * measures them. The caller threads live for the whole benchmark, so no cell pays for thread start-up, and they are
 * named {@value #THREAD_PREFIX}n so a profile can be cut down to client work.
 */
final class LoadRunner implements AutoCloseable {

    static final String THREAD_PREFIX = "bench-caller-";

    private final ExecutorService pool;
    private final int maxCallers;

    LoadRunner(int maxCallers) {
        this.maxCallers = maxCallers;
        AtomicInteger counter = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(maxCallers, r -> {
            Thread t = new Thread(r, THREAD_PREFIX + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    CellResult run(ApiCall call, int callers, long durationMillis, CpuMeter cpu) throws InterruptedException {
        if (callers > maxCallers) {
            throw new IllegalArgumentException("at most " + maxCallers + " callers, asked for " + callers);
        }
        CountDownLatch ready = new CountDownLatch(callers);
        CountDownLatch go = new CountDownLatch(1);
        AtomicBoolean stop = new AtomicBoolean();
        List<Future<Caller>> futures = new ArrayList<>(callers);
        for (int i = 0; i < callers; i++) {
            Caller caller = new Caller(i, call);
            futures.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                caller.loop(stop);
                return caller;
            }));
        }
        ready.await();
        CpuMeter.Snapshot cpuStart = cpu.now();
        long start = System.nanoTime();
        go.countDown();
        Thread.sleep(durationMillis);
        stop.set(true);
        LatencyHistogram latencies = new LatencyHistogram();
        long calls = 0;
        long errors = 0;
        String firstError = null;
        for (Future<Caller> f : futures) {
            Caller c;
            try {
                c = f.get(60, TimeUnit.SECONDS);
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new IllegalStateException("a caller thread failed or hung", e);
            }
            latencies.add(c.latencies);
            calls += c.calls;
            errors += c.errors;
            if (firstError == null) {
                firstError = c.firstError;
            }
        }
        // the last calls end after the stop flag: count the time they took too
        long elapsed = System.nanoTime() - start;
        CpuMeter.Snapshot cpuEnd = cpu.now();
        return new CellResult(calls, errors, elapsed, cpuEnd.clientNanosSince(cpuStart),
                cpuEnd.serverNanosSince(cpuStart), latencies.percentile(0.50), latencies.percentile(0.99), firstError);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    /** The exception and its root cause: Camel wraps the interesting part in CamelExecutionException. */
    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = e.getClass().getSimpleName() + ": " + e.getMessage();
        return root == e ? text : text + " <- " + root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /** One caller's loop and its own counters (no sharing between callers while they run). */
    private static final class Caller {
        private final int index;
        private final ApiCall call;
        private final LatencyHistogram latencies = new LatencyHistogram();
        private long calls;
        private long errors;
        private String firstError;

        Caller(int index, ApiCall call) {
            this.index = index;
            this.call = call;
        }

        void loop(AtomicBoolean stop) {
            long n = 0;
            while (!stop.get()) {
                long t0 = System.nanoTime();
                try {
                    call.call(index, n++);
                    latencies.record(System.nanoTime() - t0);
                    calls++;
                } catch (Exception e) {
                    errors++;
                    if (firstError == null) {
                        firstError = describe(e);
                    }
                }
            }
        }
    }
}
