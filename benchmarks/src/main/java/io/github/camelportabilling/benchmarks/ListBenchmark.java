package io.github.camelportabilling.benchmarks;

import java.io.PrintStream;
import java.util.List;

import io.github.camelportabilling.simulator.PortaBillingSimulator;

/**
 * Whole-list walks of two list sizes (two simulators, seeded once): records per second of each walk in each round,
 * walks rotating, after one warm-up walk of each on the small list. Then both lists again in a JVM of its own with a
 * small heap, for the heap figures: it holds only the client side, so its heap after GC compares the two list sizes
 * directly (here the simulators' buffers move the heap by more than a walk holds), and a walk whose memory grows with
 * the list fails there outright. That JVM walks in every way ({@link ListWalk#values}: prefetch, parallel pages and
 * page-per-exchange included), this one only in the {@link ListWalk#BASIC} ways (the others are the latency
 * section's).
 */
final class ListBenchmark {

    private final BenchmarkSettings settings;
    private final PrintStream progress;

    ListBenchmark(BenchmarkSettings settings, PrintStream progress) {
        this.settings = settings;
        this.progress = progress;
    }

    ListResults run() throws Exception {
        ListResults results = new ListResults();
        List<ListWalk> walks = ListWalk.BASIC;
        try (PortaBillingSimulator small = listSimulator(settings.smallList());
             PortaBillingSimulator large = listSimulator(settings.largeList());
             ListWalkers walkers = new ListWalkers(small.host(), small.port())) {
            long start = System.nanoTime();
            if (!settings.smoke()) {
                for (int pageSize : settings.pageSizes()) {
                    for (ListWalk walk : walks) {
                        MeasuredWalk.timed(walkers, walk, small.port(), pageSize, settings.smallList());
                    }
                }
                progress.printf("lists: warm-up done in %.0f s%n", (System.nanoTime() - start) / 1e9);
            }
            runRounds(settings.smallListRounds(), small, settings.smallList(), walkers, walks, results);
            runRounds(settings.largeListRounds(), large, settings.largeList(), walkers, walks, results);
            if (settings.forkHeap() != null) {
                start = System.nanoTime();
                try {
                    java.util.Map<Integer, Integer> lists = new java.util.LinkedHashMap<>();
                    lists.put(small.port(), settings.smallList());
                    lists.put(large.port(), settings.largeList());
                    results.addForked(settings.forkHeap(), new ForkedWalkLauncher(settings.forkHeap())
                            .run(large.host(), lists, settings.pageSizes(), List.of(ListWalk.values()), !settings.smoke()));
                } catch (Exception e) {
                    // reported in the table: a walk that does not fit in the small heap is a finding, not a crash
                    results.forkFailed(settings.forkHeap(), e.getMessage());
                }
                progress.printf("lists: -Xmx%s JVM done in %.0f s%n", settings.forkHeap(),
                        (System.nanoTime() - start) / 1e9);
            }
        }
        return results;
    }

    /** Only one walk of the large list, over and over for the focus time, for a profiler; prints what it did. */
    void runFocus(BenchmarkSettings.ListFocus focus, PrintStream out) throws Exception {
        try (PortaBillingSimulator large = listSimulator(settings.largeList());
             ListWalkers walkers = new ListWalkers(large.host(), large.port())) {
            MeasuredWalk.timed(walkers, focus.walk(), large.port(), focus.pageSize(), settings.largeList());
            progress.println("focus: warm-up walk done, walking for " + settings.focusMillis() / 1000 + " s");
            long end = System.nanoTime() + settings.focusMillis() * 1_000_000;
            while (System.nanoTime() < end) {
                WalkResult r = MeasuredWalk.timed(walkers, focus.walk(), large.port(), focus.pageSize(),
                        settings.largeList());
                out.printf("focus %s page %d: %,.0f records/s%n", focus.walk().label, focus.pageSize(),
                        r.recordsPerSecond());
            }
        }
    }

    private void runRounds(int rounds, PortaBillingSimulator simulator, int records, ListWalkers walkers,
                           List<ListWalk> walks, ListResults results) throws Exception {
        for (int round = 0; round < rounds; round++) {
            long start = System.nanoTime();
            for (int pageSize : settings.pageSizes()) {
                for (int i = 0; i < walks.size(); i++) {
                    ListWalk walk = walks.get((i + round) % walks.size());
                    results.add(records, MeasuredWalk.timed(walkers, walk, simulator.port(), pageSize, records));
                }
            }
            progress.printf("lists: %,d records, round %d/%d done in %.0f s%n", records, round + 1, rounds,
                    (System.nanoTime() - start) / 1e9);
        }
    }

    private static PortaBillingSimulator listSimulator(int customers) throws java.io.IOException {
        return PortaBillingSimulator.builder().seedCustomers(customers).requestLogCapacity(0).start();
    }
}
