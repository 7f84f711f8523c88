package io.github.camelportabilling.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Every producer cell's result in every round. Ratios between modes are taken per round (the modes of one op and
 * caller count run back to back, seconds apart) and then the median over rounds, so a noisy round moves both sides.
 */
final class ProducerResults {

    /** One op, caller count and mode. */
    record Cell(ProducerOp op, int callers, Mode mode) {
    }

    private final Map<Cell, List<CellResult>> byCell = new LinkedHashMap<>();
    private final int rounds;

    ProducerResults(int rounds) {
        this.rounds = rounds;
    }

    void add(Cell cell, int round, CellResult result) {
        List<CellResult> list = byCell.computeIfAbsent(cell, c -> new ArrayList<>());
        while (list.size() <= round) {
            list.add(null);
        }
        list.set(round, result);
    }

    int rounds() {
        return rounds;
    }

    /** Every cell measured, in the order they were first run. */
    java.util.Set<Cell> cells() {
        return byCell.keySet();
    }

    /** The cell's results, one per round. */
    List<CellResult> results(Cell cell) {
        return byCell.getOrDefault(cell, List.of());
    }

    boolean has(Cell cell) {
        return byCell.containsKey(cell);
    }

    double median(Cell cell, ToDoubleFunction<CellResult> metric) {
        return Medians.of(perRound(cell, metric));
    }

    long errors(Cell cell) {
        return byCell.getOrDefault(cell, List.of()).stream().filter(r -> r != null).mapToLong(CellResult::errors).sum();
    }

    String firstError(Cell cell) {
        return byCell.getOrDefault(cell, List.of()).stream().filter(r -> r != null && r.firstError() != null)
                .map(CellResult::firstError).findFirst().orElse(null);
    }

    /** Per round: metric(a) / metric(b). */
    double[] ratios(Cell a, Cell b, ToDoubleFunction<CellResult> metric) {
        double[] x = perRound(a, metric);
        double[] y = perRound(b, metric);
        double[] r = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            r[i] = y[i] == 0 || Double.isNaN(y[i]) ? Double.NaN : x[i] / y[i];
        }
        return r;
    }

    /** Per round: metric(a) - metric(b). */
    double[] differences(Cell a, Cell b, ToDoubleFunction<CellResult> metric) {
        double[] x = perRound(a, metric);
        double[] y = perRound(b, metric);
        double[] d = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            d[i] = x[i] - y[i];
        }
        return d;
    }

    private double[] perRound(Cell cell, ToDoubleFunction<CellResult> metric) {
        List<CellResult> list = byCell.getOrDefault(cell, List.of());
        double[] values = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            CellResult r = i < list.size() ? list.get(i) : null;
            values[i] = r == null ? Double.NaN : metric.applyAsDouble(r);
        }
        return values;
    }
}
