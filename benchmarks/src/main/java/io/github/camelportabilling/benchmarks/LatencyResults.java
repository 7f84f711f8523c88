package io.github.camelportabilling.benchmarks;

import java.io.PrintStream;
import java.util.List;

/**
 * The latency section's walks: the table (medians over rounds; x raw = median of per-round ratios to the raw
 * sequential loop at the same latency, with the same sink) and the targets of issue 18 judged on it.
 */
record LatencyResults(int records, int pageSize, List<LatencyLevel> levels, List<LatencyBenchmark.Entry> entries) {

    private static final double MB = 1024 * 1024;

    private List<LatencyBenchmark.Entry> of(LatencyLevel level, ListWalk walk, boolean slowSink) {
        return entries.stream().filter(e -> e.level().equals(level) && e.walk() == walk && e.slowSink() == slowSink)
                .toList();
    }

    boolean has(LatencyLevel level, ListWalk walk, boolean slowSink) {
        return !of(level, walk, slowSink).isEmpty();
    }

    double recordsPerSecond(LatencyLevel level, ListWalk walk, boolean slowSink) {
        return Medians.of(of(level, walk, slowSink).stream().mapToDouble(e -> e.result().recordsPerSecond()).toArray());
    }

    /** Median over rounds of this walk's records/s over the raw sequential loop's (same level, same sink, same round). */
    double ratioToRaw(LatencyLevel level, ListWalk walk, boolean slowSink) {
        List<LatencyBenchmark.Entry> a = of(level, walk, slowSink);
        List<LatencyBenchmark.Entry> b = of(level, ListWalk.RAW_LOOP, slowSink);
        int n = Math.min(a.size(), b.size());
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = a.get(i).result().recordsPerSecond() / b.get(i).result().recordsPerSecond();
        }
        return Medians.of(r);
    }

    /** The most calls in flight at the simulator over every round of this walk. */
    int inFlightHigh(LatencyLevel level, ListWalk walk, boolean slowSink) {
        return of(level, walk, slowSink).stream().mapToInt(LatencyBenchmark.Entry::inFlightHigh).max().orElse(0);
    }

    private double peakHeldMb(LatencyLevel level, ListWalk walk, boolean slowSink) {
        return of(level, walk, slowSink).stream().mapToLong(e -> e.result().peakRetainedBytes()).max().orElse(0) / MB;
    }

    private double heldAtEndMb(LatencyLevel level, ListWalk walk, boolean slowSink) {
        return of(level, walk, slowSink).stream().mapToLong(e -> e.result().retainedBytes()).max().orElse(0) / MB;
    }

    void print(PrintStream out) {
        out.printf("%-20s %8s  %-27s %10s %6s %9s %11s %11s %6s%n", "server per page", "sink", "walk", "records/s",
                "x raw", "in flight", "held at end", "peak held", "rounds");
        for (LatencyLevel level : levels) {
            for (boolean slowSink : new boolean[] {false, true}) {
                for (ListWalk walk : ListWalk.values()) {
                    if (!has(level, walk, slowSink)) {
                        continue;
                    }
                    out.printf("%-20s %8s  %-27s %,10.0f %6.2f %9d %8.1f MB %8.1f MB %6d%n", level.label(),
                            slowSink ? level.pageMillis(pageSize) + " ms" : "-", walk.label,
                            recordsPerSecond(level, walk, slowSink), ratioToRaw(level, walk, slowSink),
                            inFlightHigh(level, walk, slowSink), heldAtEndMb(level, walk, slowSink),
                            peakHeldMb(level, walk, slowSink), of(level, walk, slowSink).size());
                }
            }
        }
        out.println("  sink = how long the route (or the raw loop) works on each page, as long as the server takes to"
                    + " answer it ('-': only a check of each record); x raw = over the raw sequential loop with the"
                    + " same sink; in flight = the most calls in the simulator at once during the walk (its"
                    + " high-water mark); held at end / peak held = heap after GC at the end of the walk / highest"
                    + " after any GC during it, minus the heap after GC before it (this JVM also holds the"
                    + " simulator, so a few MB of noise; the -Xmx256m JVM of the lists section has the clean figures)");
    }

    /** Issue 18's speed and in-flight targets. */
    void targets(Targets t) {
        LatencyLevel slowest = levels.get(levels.size() - 1);
        LatencyLevel zero = levels.get(0);
        String at = slowest.label() + " per page, " + String.format("%,d", records) + " records, page " + pageSize;
        t.add(ratioToRaw(slowest, ListWalk.CONSUMER, true) >= 1.7, String.format(
                "consumer with prefetch, a sink of %d ms per page (= the server's time), >= 1.70x the raw sequential"
                + " loop with the same sink (%s): %.2fx", slowest.pageMillis(pageSize), at,
                ratioToRaw(slowest, ListWalk.CONSUMER, true)));
        for (ListWalk walk : List.of(ListWalk.PARALLEL_4, ListWalk.PARALLEL_8)) {
            double target = walk == ListWalk.PARALLEL_4 ? 3.5 : 6;
            t.add(ratioToRaw(slowest, walk, false) >= target, String.format("%s >= %.2fx the raw sequential loop (%s):"
                    + " %.2fx, %d calls in flight at most", walk.label, target, at, ratioToRaw(slowest, walk, false),
                    inFlightHigh(slowest, walk, false)));
        }
        StringBuilder worst = new StringBuilder();
        boolean within = true;
        for (LatencyLevel level : levels) {
            for (ListWalk walk : ListWalk.values()) {
                for (boolean slowSink : new boolean[] {false, true}) {
                    if (has(level, walk, slowSink) && walk != ListWalk.RAW_LOOP) {
                        int high = inFlightHigh(level, walk, slowSink);
                        if (high > walk.parallelPages()) {
                            within = false;
                            worst.append(String.format("; %s at %s: %d", walk.label, level.label(), high));
                        }
                    }
                }
            }
        }
        t.add(within, String.format("server calls in flight never above parallelPages (1 without it, prefetch"
                + " included), every walk at every latency, measured at the simulator: parallelPages=2/4/8 at most"
                + " %d/%d/%d at %s%s", inFlightHigh(slowest, ListWalk.PARALLEL_2, false),
                inFlightHigh(slowest, ListWalk.PARALLEL_4, false), inFlightHigh(slowest, ListWalk.PARALLEL_8, false),
                slowest.label(), worst));
        t.add(ratioToRaw(zero, ListWalk.PAGE_PER_EXCHANGE, false) >= 0.95, String.format("%s at %s >= 0.95x the raw"
                + " loop (%,d records, page %d): %.2fx (consumer per record %.2fx)", ListWalk.PAGE_PER_EXCHANGE.label,
                zero.label(), records, pageSize, ratioToRaw(zero, ListWalk.PAGE_PER_EXCHANGE, false),
                ratioToRaw(zero, ListWalk.CONSUMER_SEQUENTIAL, false)));
    }
}
