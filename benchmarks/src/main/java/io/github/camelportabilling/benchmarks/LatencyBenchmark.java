package io.github.camelportabilling.benchmarks;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import io.github.camelportabilling.simulator.PortaBillingSimulator;

/**
 * Whole-list walks against a slow server (issue 18): one simulator with the latency switch set to each
 * {@link LatencyLevel} in turn, every {@link ListWalk} at each, plus a slow sink (a route, or the raw loop, that spends
 * as long on each page as the server took to answer it), where fetching the next page while one is processed
 * matters. Per walk: records/s, the most calls in flight at the simulator (its high-water mark, reset before each
 * walk), and the heap the walk held. One warm-up walk of each kind at the first level.
 */
final class LatencyBenchmark {

    /** One measured walk. */
    record Entry(LatencyLevel level, ListWalk walk, boolean slowSink, int round, WalkResult result, int inFlightHigh) {
    }

    private final BenchmarkSettings settings;
    private final PrintStream progress;

    LatencyBenchmark(BenchmarkSettings settings, PrintStream progress) {
        this.settings = settings;
        this.progress = progress;
    }

    /** Records of the list, and its page size. */
    int records() {
        return settings.smoke() ? 2_000 : 100_000;
    }

    int pageSize() {
        return settings.smoke() ? 250 : 500;
    }

    List<LatencyLevel> levels() {
        return settings.smoke() ? LatencyLevel.smokeRun() : LatencyLevel.fullRun();
    }

    LatencyResults run() throws Exception {
        List<Entry> entries = new ArrayList<>();
        try (PortaBillingSimulator sim = PortaBillingSimulator.builder().seedCustomers(records())
                .requestLogCapacity(0).start();
             ListWalkers walkers = new ListWalkers(sim.host(), sim.port());
             HeapMeter heap = new HeapMeter()) {
            if (!settings.smoke()) {
                for (ListWalk walk : ListWalk.values()) {
                    MeasuredWalk.timed(walkers, walk, sim.port(), pageSize(), records());
                }
            }
            for (LatencyLevel level : levels()) {
                long start = System.nanoTime();
                sim.setLatency(level.perCall(), level.perRecord());
                for (int round = 0; round < level.rounds(); round++) {
                    for (ListWalk walk : ListWalk.values()) {
                        entries.add(walk(sim, walkers, heap, level, walk, false, round));
                    }
                    if (level.perCallMillis() > 0) {
                        entries.add(walk(sim, walkers, heap, level, ListWalk.RAW_LOOP, true, round));
                        entries.add(walk(sim, walkers, heap, level, ListWalk.CONSUMER, true, round));
                    }
                }
                progress.printf("latency: %s per page done in %.0f s%n", level.label(),
                        (System.nanoTime() - start) / 1e9);
            }
            sim.setLatency(java.time.Duration.ZERO, java.time.Duration.ZERO);
        }
        return new LatencyResults(records(), pageSize(), levels(), entries);
    }

    private Entry walk(PortaBillingSimulator sim, ListWalkers walkers, HeapMeter heap, LatencyLevel level,
                       ListWalk walk, boolean slowSink, int round) throws Exception {
        long routeMillis = slowSink ? level.pageMillis(pageSize()) : 0;
        // a GC before the walk (inside withHeap), then the counters: the high-water mark is this walk's alone
        sim.resetCounters();
        WalkResult result = MeasuredWalk.withHeap(walkers, heap, walk, sim.port(), pageSize(), routeMillis, records());
        return new Entry(level, walk, slowSink, round, result, sim.inFlightHighWaterMark());
    }
}
