package io.github.camelportabilling.benchmarks;

import java.io.PrintStream;
import java.util.List;

/** Prints the whole report: machine, producer table, token renewal, lists, targets. Parts not run are left out. */
final class ReportPrinter {

    private final PrintStream out;

    ReportPrinter(PrintStream out) {
        this.out = out;
    }

    /** Returns the target lines it printed. */
    List<Targets.Line> print(BenchmarkSettings s, ProducerResults producer, TokenRenewalResult tokens,
                             ListResults lists, LatencyResults latency, ApiDescriptionBenchmark.Result schema,
                             double totalSeconds) {
        out.println();
        out.println("== camel-portabilling benchmark" + (s.smoke() ? " (SMOKE RUN: figures are meaningless)" : ""));
        out.println("machine: " + MachineInfo.describe());
        out.printf("run: %.0f s in total; producer: %d rounds x %.1f s per cell after a %.1f s warm-up per cell,"
                   + " medians over rounds, ratios = median of per-round ratios%n", totalSeconds, s.rounds(),
                s.cellMillis() / 1e3, s.warmupMillis() / 1e3);
        Targets targets = new Targets();
        if (producer != null) {
            out.println();
            out.println("-- producer (medians over rounds; client us = (process CPU - simulator threads' CPU) per"
                        + " completed call, server us = simulator threads' CPU per call; x raw = this/raw and"
                        + " comp/this = component/this in calls/s, medians of per-round ratios)");
            new ProducerTable(producer, s.callers()).print(out);
            targets.producer(producer);
        }
        if (tokens != null) {
            out.println();
            out.println("-- token renewal");
            new TokenSection(tokens).print(out);
            targets.tokens(tokens);
        }
        if (lists != null) {
            out.println();
            out.println("-- lists (whole-list walks; medians over rounds; x raw = median of per-round ratios)");
            new ListTable(lists).print(out);
            targets.lists(lists, s);
        }
        if (latency != null) {
            out.println();
            out.printf("-- lists against a slow server (%,d records, page %d; the simulator's latency switch: a wait"
                       + " per call plus one per record of a page, on a timer)%n", latency.records(), latency.pageSize());
            latency.print(out);
            targets.latency(latency);
        }
        if (schema != null) {
            out.println();
            out.println("-- API description (load, heap of the index, validation per call)");
            ApiDescriptionBenchmark.print(schema, out);
            targets.schema(schema);
        }
        out.println();
        out.println("-- targets (producer at " + Targets.CALLERS + " callers)");
        targets.print(out);
        out.flush();
        return targets.lines();
    }
}
