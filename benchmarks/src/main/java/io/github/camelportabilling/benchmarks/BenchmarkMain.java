package io.github.camelportabilling.benchmarks;

import java.io.PrintStream;
import java.util.List;

/**
 * Runs the benchmark and prints the report (progress on stderr, the report on stdout). See BENCHMARKS.md; arguments
 * in {@link BenchmarkSettings#parse}. Targets are printed PASS/FAIL, never turned into an exit code.
 */
public final class BenchmarkMain {

    static {
        // the simulator sets it too; here it is set before anything could create an HTTP server
        System.setProperty("sun.net.httpserver.nodelay", "true");
        // Every mode keeps its own pool alive between its slots (up to 64 x 6 pools); the JDK server would close idle
        // connections beyond 200, or idle for 30 s, under the pools' feet and turn the next call into an error
        setIfAbsent("sun.net.httpserver.maxIdleConnections", "10000");
        setIfAbsent("sun.net.httpserver.idleInterval", "3600");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        run(BenchmarkSettings.parse(args), System.out, System.err);
        // Camel and HttpClient leave non-daemon threads behind only on failure paths; never hang the command
        System.exit(0);
    }

    /** Everything a run measured, for the smoke test; parts not run (or a focus run) leave nulls. */
    record Report(ProducerResults producer, TokenRenewalResult tokens, ListResults lists, LatencyResults latency,
                  ApiDescriptionBenchmark.Result schema, List<Targets.Line> targets) {
    }

    static Report run(BenchmarkSettings settings, PrintStream out, PrintStream progress) throws Exception {
        long start = System.nanoTime();
        if (settings.producerFocus() != null) {
            new ProducerBenchmark(settings, progress).runFocus(settings.producerFocus(), out);
            return new Report(null, null, null, null, null, List.of());
        }
        if (settings.listFocus() != null) {
            new ListBenchmark(settings, progress).runFocus(settings.listFocus(), out);
            return new Report(null, null, null, null, null, List.of());
        }
        ProducerResults producer = settings.runs("producer") ? new ProducerBenchmark(settings, progress).run() : null;
        TokenRenewalResult tokens = null;
        if (settings.runs("tokens")) {
            tokens = new TokenRenewalBenchmark(settings).run();
            progress.println("tokens: done");
        }
        ListResults lists = settings.runs("lists") ? new ListBenchmark(settings, progress).run() : null;
        LatencyResults latency = settings.runs("latency") ? new LatencyBenchmark(settings, progress).run() : null;
        ApiDescriptionBenchmark.Result schema = settings.runs("schema")
                ? new ApiDescriptionBenchmark(settings, progress).run() : null;
        List<Targets.Line> targets = new ReportPrinter(out).print(settings, producer, tokens, lists, latency, schema,
                (System.nanoTime() - start) / 1e9);
        return new Report(producer, tokens, lists, latency, schema, targets);
    }
}
