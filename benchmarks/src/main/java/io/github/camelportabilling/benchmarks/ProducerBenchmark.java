package io.github.camelportabilling.benchmarks;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelportabilling.simulator.PortaBillingSimulator;

/**
 * Producer get and create at each caller count in each mode, against one simulator. One warm-up round, then the
 * measured rounds; within a round the modes of one op and caller count run back to back, in an order that rotates
 * from round to round so no mode always runs first (or always right after the most expensive one).
 */
final class ProducerBenchmark {

    private final BenchmarkSettings settings;
    private final PrintStream progress;

    ProducerBenchmark(BenchmarkSettings settings, PrintStream progress) {
        this.settings = settings;
        this.progress = progress;
    }

    ProducerResults run() throws Exception {
        ProducerResults results = new ProducerResults(settings.rounds());
        int maxCallers = settings.callers().stream().mapToInt(Integer::intValue).max().orElse(1);
        AccountRequests requests = new AccountRequests(settings.seededAccounts());
        Map<Integer, Modes> modesByCallers = new LinkedHashMap<>();
        try (PortaBillingSimulator simulator = PortaBillingSimulator.builder()
                .seedAccounts(settings.seededAccounts())
                .requestLogCapacity(0) // the request log would cost the server time and heap on every call
                .start();
             LoadRunner runner = new LoadRunner(maxCallers)) {
            CpuMeter cpu = new CpuMeter(simulator::serverCpuTimeNanos);
            for (int callers : settings.callers()) {
                modesByCallers.put(callers, new Modes(simulator, callers, requests));
            }
            if (settings.warmupMillis() > 0) {
                long start = System.nanoTime();
                runRound(-1, settings.warmupMillis(), modesByCallers, runner, cpu, results);
                progress.printf("producer: warm-up round done in %.0f s%n", (System.nanoTime() - start) / 1e9);
            }
            for (int round = 0; round < settings.rounds(); round++) {
                long start = System.nanoTime();
                runRound(round, settings.cellMillis(), modesByCallers, runner, cpu, results);
                progress.printf("producer: round %d/%d done in %.0f s%n", round + 1, settings.rounds(),
                        (System.nanoTime() - start) / 1e9);
            }
        } finally {
            modesByCallers.values().forEach(Modes::close);
        }
        return results;
    }

    private void runRound(int round, long millis, Map<Integer, Modes> modesByCallers, LoadRunner runner, CpuMeter cpu,
                          ProducerResults results) throws InterruptedException {
        List<Mode> modes = List.of(Mode.values());
        for (ProducerOp op : ProducerOp.values()) {
            for (Map.Entry<Integer, Modes> level : modesByCallers.entrySet()) {
                for (int i = 0; i < modes.size(); i++) {
                    Mode mode = modes.get(Math.floorMod(i + round, modes.size()));
                    CellResult result = runner.run(level.getValue().call(mode, op), level.getKey(), millis, cpu);
                    if (round >= 0) {
                        results.add(new ProducerResults.Cell(op, level.getKey(), mode), round, result);
                    }
                }
            }
        }
    }

    /** Only one cell, for a profiler: 10 s of warm-up, then the cell for the focus time; prints what it did. */
    void runFocus(BenchmarkSettings.Focus focus, PrintStream out) throws Exception {
        AccountRequests requests = new AccountRequests(settings.seededAccounts());
        try (PortaBillingSimulator simulator = PortaBillingSimulator.builder()
                .seedAccounts(settings.seededAccounts()).requestLogCapacity(0).start();
             LoadRunner runner = new LoadRunner(focus.callers());
             Modes modes = new Modes(simulator, focus.callers(), requests)) {
            CpuMeter cpu = new CpuMeter(simulator::serverCpuTimeNanos);
            ApiCall call = modes.call(focus.mode(), focus.op());
            runner.run(call, focus.callers(), 10_000, cpu);
            progress.println("focus: warm-up done, measuring " + settings.focusMillis() / 1000 + " s");
            CellResult r = runner.run(call, focus.callers(), settings.focusMillis(), cpu);
            out.printf("focus %s %s %d callers: %.0f calls/s, p50 %.3f ms, p99 %.3f ms, client CPU %.1f us/call,"
                       + " errors %d%n", focus.mode().label, focus.op().label, focus.callers(), r.callsPerSecond(),
                    r.p50Nanos() / 1e6, r.p99Nanos() / 1e6, r.cpuMicrosPerCall(), r.errors());
        }
    }
}
