package io.github.camelportabilling.benchmarks;

/**
 * Runs one walk and checks that it saw every record; with a heap meter, between two heap measurements, else after
 * one plain GC (so each walk starts from the same clean heap) and with heap figures of 0.
 */
final class MeasuredWalk {

    private MeasuredWalk() {
    }

    /** Records per second only (heap figures 0). */
    static WalkResult timed(ListWalkers walkers, ListWalk walk, int port, int pageSize, long expectedRecords)
            throws Exception {
        return run(walkers, null, walk, port, pageSize, 0, expectedRecords);
    }

    /** Records per second and the heap the walk holds. */
    static WalkResult withHeap(ListWalkers walkers, HeapMeter heap, ListWalk walk, int port, int pageSize,
                               long expectedRecords) throws Exception {
        return run(walkers, heap, walk, port, pageSize, 0, expectedRecords);
    }

    /** Records per second and the heap the walk holds, with a route (or loop) that works so long on each page. */
    static WalkResult withHeap(ListWalkers walkers, HeapMeter heap, ListWalk walk, int port, int pageSize,
                               long routeMillisPerPage, long expectedRecords) throws Exception {
        return run(walkers, heap, walk, port, pageSize, routeMillisPerPage, expectedRecords);
    }

    private static WalkResult run(ListWalkers walkers, HeapMeter heap, ListWalk walk, int port, int pageSize,
                                  long routeMillisPerPage, long expectedRecords) throws Exception {
        try (Walker walker = walkers.open(walk, port, pageSize, routeMillisPerPage)) {
            long baseline;
            if (heap != null) {
                baseline = heap.usedAfterGc();
                heap.resetPeak();
            } else {
                System.gc();
                baseline = 0;
            }
            long start = System.nanoTime();
            long records = walker.run();
            long nanos = System.nanoTime() - start;
            long peak = heap != null ? heap.peakAfterGc() : 0;
            // the walker is still open here: whatever it holds is counted
            long after = heap != null ? heap.usedAfterGc() : 0;
            if (records != expectedRecords) {
                throw new IllegalStateException(walk.label + " (pageSize " + pageSize + ") saw " + records
                                                + " records, the list has " + expectedRecords);
            }
            return new WalkResult(walk, pageSize, records, nanos, baseline, after, peak,
                    heap != null ? heap.maxHeap() : 0);
        }
    }
}
