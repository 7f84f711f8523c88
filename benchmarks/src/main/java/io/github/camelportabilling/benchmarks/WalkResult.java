package io.github.camelportabilling.benchmarks;

/**
 * One walk of a whole list.
 *
 * @param baselineBytes    heap after GC before the walk (the simulator's records, Camel, ...)
 * @param afterGcBytes     heap after GC at the end of the walk, its objects still reachable
 * @param peakAfterGcBytes the highest heap left after any GC during the walk, 0 when no GC ran
 * @param maxHeapBytes     the JVM's maximum heap
 */
record WalkResult(ListWalk walk, int pageSize, long records, long nanos, long baselineBytes, long afterGcBytes,
                  long peakAfterGcBytes, long maxHeapBytes) {

    double recordsPerSecond() {
        return nanos == 0 ? 0 : records * 1e9 / nanos;
    }

    /** What the walk still held at its end. */
    long retainedBytes() {
        return afterGcBytes - baselineBytes;
    }

    /** The most it held along the way (with whatever garbage the young collections had promoted). */
    long peakRetainedBytes() {
        return peakAfterGcBytes == 0 ? 0 : Math.max(0, peakAfterGcBytes - baselineBytes);
    }

    /** One line for the child JVM's output; {@link #parse} reads it back. */
    String format() {
        return "WALK " + walk + " " + pageSize + " " + records + " " + nanos + " " + baselineBytes + " " + afterGcBytes
               + " " + peakAfterGcBytes + " " + maxHeapBytes;
    }

    static WalkResult parse(String line) {
        String[] p = line.trim().split(" ");
        if (p.length != 9 || !p[0].equals("WALK")) {
            throw new IllegalArgumentException("not a walk result: " + line);
        }
        return new WalkResult(ListWalk.valueOf(p[1]), Integer.parseInt(p[2]), Long.parseLong(p[3]),
                Long.parseLong(p[4]), Long.parseLong(p[5]), Long.parseLong(p[6]), Long.parseLong(p[7]),
                Long.parseLong(p[8]));
    }
}
