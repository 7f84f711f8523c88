package io.github.camelportabilling.benchmarks;

/**
 * Call latencies in nanoseconds, log-linear buckets with 1/64 (about 1.6 %) resolution: recording is an array
 * increment, so it costs the same in every mode and allocates nothing while a cell runs. One per caller thread
 * (not thread-safe); merged after the cell.
 */
final class LatencyHistogram {

    /** Values below this are kept exactly (one bucket per nanosecond). */
    private static final int LINEAR = 128;
    private static final int SUB_BUCKETS = 64;
    /** Up to 2^40 ns (18 minutes): longer calls land in the last bucket. */
    private static final int MAX_SHIFT = 34;

    private final long[] counts = new long[LINEAR + MAX_SHIFT * SUB_BUCKETS];
    private long total;

    void record(long nanos) {
        counts[index(Math.max(0, nanos))]++;
        total++;
    }

    void add(LatencyHistogram other) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
        total += other.total;
    }

    long count() {
        return total;
    }

    /** The latency below which {@code quantile} (0..1) of the calls completed, in nanoseconds; 0 when empty. */
    long percentile(double quantile) {
        if (total == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(quantile * total));
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return middleOf(i);
            }
        }
        return middleOf(counts.length - 1);
    }

    static int index(long v) {
        if (v < LINEAR) {
            return (int) v;
        }
        // shift so that the top 7 bits remain: v >>> shift is in [64, 128)
        int shift = 63 - Long.numberOfLeadingZeros(v) - 6;
        if (shift > MAX_SHIFT) {
            return LINEAR + MAX_SHIFT * SUB_BUCKETS - 1;
        }
        return LINEAR + (shift - 1) * SUB_BUCKETS + (int) ((v >>> shift) - SUB_BUCKETS);
    }

    static long middleOf(int index) {
        if (index < LINEAR) {
            return index;
        }
        int shift = (index - LINEAR) / SUB_BUCKETS + 1;
        long low = (long) ((index - LINEAR) % SUB_BUCKETS + SUB_BUCKETS) << shift;
        return low + (1L << shift) / 2;
    }
}
