package io.github.camelportabilling.benchmarks;

import java.time.Duration;
import java.util.List;

/**
 * One setting of the simulator's latency switch for the latency section: every call waits {@code perCallMillis},
 * plus {@code perRecordMicros} per record of a list page (on a timer: no server thread, no CPU).
 *
 * @param rounds measured walks of each kind at this setting
 */
record LatencyLevel(int perCallMillis, int perRecordMicros, int rounds) {

    /** 0 ms (CPU only, as the lists section), 20 ms and 100 ms per page, the last two with a query cost per record. */
    static List<LatencyLevel> fullRun() {
        return List.of(new LatencyLevel(0, 0, 3), new LatencyLevel(20, 10, 1), new LatencyLevel(100, 10, 1));
    }

    static List<LatencyLevel> smokeRun() {
        return List.of(new LatencyLevel(0, 0, 1), new LatencyLevel(2, 1, 1), new LatencyLevel(5, 1, 1));
    }

    Duration perCall() {
        return Duration.ofMillis(perCallMillis);
    }

    Duration perRecord() {
        return Duration.ofNanos(perRecordMicros * 1_000L);
    }

    /** What one page of {@code pageSize} records costs at the server, in ms: the route time of the slow-sink walks. */
    long pageMillis(int pageSize) {
        return perCallMillis + Math.round(perRecordMicros * pageSize / 1000.0);
    }

    String label() {
        return perCallMillis + " ms" + (perRecordMicros > 0 ? " + " + perRecordMicros + " us/rec" : "");
    }
}
