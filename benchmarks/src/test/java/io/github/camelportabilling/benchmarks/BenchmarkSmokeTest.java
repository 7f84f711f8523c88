package io.github.camelportabilling.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark's part of {@code mvn verify}: every mode, the token run and every list walk (the small-heap JVM
 * included) run once, briefly, without a single failed call, and the report prints. The figures of a run this short
 * mean nothing and are not checked; the full run is {@code -Pbenchmark} (see BENCHMARKS.md).
 */
class BenchmarkSmokeTest {

    @Test
    @Timeout(120) // a guard against a hung build, not a speed assertion
    void everyModeRunsAndTheReportPrints() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8);

        BenchmarkMain.Report report = BenchmarkMain.run(BenchmarkSettings.parse("--smoke"), out, System.err);

        String text = captured.toString(StandardCharsets.UTF_8);
        System.out.println(text);
        assertThat(report.producer().cells()).hasSize(ProducerOp.values().length * 3 * Mode.values().length);
        for (ProducerResults.Cell cell : report.producer().cells()) {
            assertThat(report.producer().results(cell)).as(cell.toString()).allSatisfy(r -> {
                assertThat(r.calls()).isPositive();
                assertThat(r.errors()).as("errors, first: " + r.firstError()).isZero();
            });
        }
        assertThat(report.tokens().calls()).isPositive();
        assertThat(report.tokens().errors()).as(report.tokens().firstError()).isZero();
        assertThat(report.tokens().logins()).isEqualTo(1);
        // every walk of every list: MeasuredWalk already checked each saw every record
        assertThat(report.lists().keys()).hasSize(2 * 2 * ListWalk.BASIC.size());
        assertThat(report.lists().forkFailure()).isNull();
        assertThat(report.lists().forked()).hasSize(2 * 2 * ListWalk.values().length);

        // the latency section: every walk at every level, the two slow-sink walks at the levels with a latency
        assertThat(report.latency().entries()).hasSize(ListWalk.values().length * 3 + 2 * 2);
        assertThat(report.latency().entries()).allSatisfy(e -> assertThat(e.inFlightHigh())
                .as(e.walk() + " at " + e.level()).isBetween(1, e.walk().parallelPages()));

        assertThat(report.schema().methods()).isGreaterThanOrEqualTo(1000);
        assertThat(report.schema().schemas()).isGreaterThanOrEqualTo(2000);
        assertThat(report.schema().indexBytes()).isPositive();
        for (Mode mode : Mode.values()) {
            assertThat(text).contains(mode.label);
        }
        assertThat(text).contains("-- producer", "-- token renewal", "-- lists", "-Xmx256m", "-- lists against a slow server", "-- API description",
                "-- targets");
        assertThat(report.targets()).isNotEmpty();
        for (Targets.Line line : report.targets()) {
            assertThat(text).contains((line.pass() ? "PASS  " : "FAIL  ") + line.text());
        }
    }
}
