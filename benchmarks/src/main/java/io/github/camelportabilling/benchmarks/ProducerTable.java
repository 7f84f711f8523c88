package io.github.camelportabilling.benchmarks;

import java.io.PrintStream;
import java.util.List;

/** The producer part of the report: one block per op and caller count, one row per mode. */
final class ProducerTable {

    private final ProducerResults results;
    private final List<Integer> callers;

    ProducerTable(ProducerResults results, List<Integer> callers) {
        this.results = results;
        this.callers = callers;
    }

    void print(PrintStream out) {
        out.printf("%-6s %7s  %-23s %8s %7s %7s %10s %10s %6s %9s %6s%n", "op", "callers", "mode", "calls/s",
                "p50 ms", "p99 ms", "client us", "server us", "x raw", "comp/this", "errors");
        for (ProducerOp op : ProducerOp.values()) {
            for (int c : callers) {
                ProducerResults.Cell raw = new ProducerResults.Cell(op, c, Mode.RAW);
                ProducerResults.Cell component = new ProducerResults.Cell(op, c, Mode.COMPONENT);
                for (Mode mode : Mode.values()) {
                    ProducerResults.Cell cell = new ProducerResults.Cell(op, c, mode);
                    if (!results.has(cell)) {
                        continue;
                    }
                    double vsRaw = Medians.of(results.ratios(cell, raw, CellResult::callsPerSecond));
                    double compOverThis = Medians.of(results.ratios(component, cell, CellResult::callsPerSecond));
                    out.printf("%-6s %7d  %-23s %,8.0f %7.3f %7.3f %10.1f %10.1f %6.2f %9s %6d%n", op.label, c,
                            mode.label, results.median(cell, CellResult::callsPerSecond),
                            results.median(cell, r -> r.p50Nanos() / 1e6),
                            results.median(cell, r -> r.p99Nanos() / 1e6),
                            results.median(cell, CellResult::cpuMicrosPerCall),
                            results.median(cell, CellResult::serverCpuMicrosPerCall), vsRaw,
                            mode == Mode.COMPONENT ? "" : String.format("%.2f", compOverThis), results.errors(cell));
                }
            }
        }
        for (ProducerOp op : ProducerOp.values()) {
            for (int c : callers) {
                for (Mode mode : Mode.values()) {
                    ProducerResults.Cell cell = new ProducerResults.Cell(op, c, mode);
                    if (results.errors(cell) > 0) {
                        out.printf("  errors in %s %s %d callers, first: %s%n", mode.label, op.label, c,
                                results.firstError(cell));
                    }
                }
            }
        }
    }
}
