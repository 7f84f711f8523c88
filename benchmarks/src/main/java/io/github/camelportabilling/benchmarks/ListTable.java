package io.github.camelportabilling.benchmarks;

import java.io.PrintStream;
import java.util.List;

/** The list part of the report: records per second and heap per list size, page size and walk. */
final class ListTable {

    private static final double MB = 1024 * 1024;

    private final ListResults results;

    ListTable(ListResults results) {
        this.results = results;
    }

    void print(PrintStream out) {
        out.printf("%10s %5s  %-20s %10s %6s %7s%n", "records", "page", "walk", "records/s", "x raw", "rounds");
        for (ListResults.Key key : results.keys()) {
            out.printf("%,10d %5d  %-20s %,10.0f %6.2f %7d%n", key.records(), key.pageSize(), key.walk().label,
                    results.median(key, WalkResult::recordsPerSecond),
                    results.medianRatioToRaw(key, WalkResult::recordsPerSecond), results.roundsOf(key));
        }
        out.println("  heap is measured in the client-only JVM below: in this JVM the simulators' own buffers move"
                    + " the heap after GC by a few MB from walk to walk, more than a walk holds");
        if (results.forkHeap() == null) {
            return;
        }
        out.println();
        out.printf("Same walks in a JVM of its own with -Xmx%s (client side only, against the simulators of this JVM;"
                   + " one warm-up walk of each, then one measured walk each, in table order):%n", results.forkHeap());
        if (results.forkFailure() != null) {
            out.println("  FAILED: " + results.forkFailure());
            return;
        }
        out.printf("%10s %5s  %-20s %10s %6s %13s %13s %14s%n", "records", "page", "walk", "records/s", "x raw",
                "held at end", "peak post-GC", "used after GC");
        for (WalkResult r : results.forked()) {
            WalkResult raw = results.forked(r.records(), r.pageSize(), ListWalk.RAW_LOOP);
            out.printf("%,10d %5d  %-20s %,10.0f %6.2f %10.1f MB %10.1f MB %7.1f/%.0f MB%n", r.records(), r.pageSize(),
                    r.walk().label, r.recordsPerSecond(),
                    raw == null ? Double.NaN : r.recordsPerSecond() / raw.recordsPerSecond(), r.retainedBytes() / MB,
                    r.peakRetainedBytes() / MB, r.afterGcBytes() / MB, r.maxHeapBytes() / MB);
        }
        out.println("  'used after GC' = that JVM's whole heap after a full GC at the end of the walk, the walk's"
                    + " objects still reachable, of its maximum; 'held at end' = the same minus the heap after GC"
                    + " before the walk; 'peak post-GC' = the highest heap left by any GC during the walk, minus the"
                    + " same baseline");
    }
}
