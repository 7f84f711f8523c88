package io.github.camelportabilling.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** Every list walk: the measured rounds in this JVM per list size, page size and walk, plus the small-heap JVM's. */
final class ListResults {

    /** One list size, page size and walk. */
    record Key(long records, int pageSize, ListWalk walk) {
    }

    private final Map<Key, List<WalkResult>> rounds = new LinkedHashMap<>();
    private final List<WalkResult> forked = new ArrayList<>();
    private String forkHeap;
    private String forkFailure;

    void add(long records, WalkResult result) {
        rounds.computeIfAbsent(new Key(records, result.pageSize(), result.walk()), k -> new ArrayList<>()).add(result);
    }

    void addForked(String heap, List<WalkResult> results) {
        this.forkHeap = heap;
        forked.addAll(results);
    }

    void forkFailed(String heap, String why) {
        this.forkHeap = heap;
        this.forkFailure = why;
    }

    List<Key> keys() {
        return List.copyOf(rounds.keySet());
    }

    double median(Key key, ToDoubleFunction<WalkResult> metric) {
        return Medians.of(values(rounds.getOrDefault(key, List.of()), metric));
    }

    /** Median over rounds of metric(key) / metric(the raw loop, same size and page size, same round). */
    double medianRatioToRaw(Key key, ToDoubleFunction<WalkResult> metric) {
        List<WalkResult> a = rounds.getOrDefault(key, List.of());
        List<WalkResult> b = rounds.getOrDefault(new Key(key.records(), key.pageSize(), ListWalk.RAW_LOOP), List.of());
        int n = Math.min(a.size(), b.size());
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = metric.applyAsDouble(a.get(i)) / metric.applyAsDouble(b.get(i));
        }
        return Medians.of(r);
    }

    int roundsOf(Key key) {
        return rounds.getOrDefault(key, List.of()).size();
    }

    List<WalkResult> forked() {
        return forked;
    }

    /** The small-heap JVM's walk of this list size, page size and walk, or null. */
    WalkResult forked(long records, int pageSize, ListWalk walk) {
        return forked.stream().filter(r -> r.records() == records && r.pageSize() == pageSize && r.walk() == walk)
                .findFirst().orElse(null);
    }

    String forkHeap() {
        return forkHeap;
    }

    String forkFailure() {
        return forkFailure;
    }

    private static double[] values(List<WalkResult> list, ToDoubleFunction<WalkResult> metric) {
        return list.stream().mapToDouble(metric).toArray();
    }
}
