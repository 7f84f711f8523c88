package io.github.camelportabilling.benchmarks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LatencyHistogramTest {

    @Test
    void percentilesAreWithinTheBucketResolution() {
        LatencyHistogram h = new LatencyHistogram();
        for (long micros = 1; micros <= 1000; micros++) {
            h.record(micros * 1000); // 1 us .. 1 ms, evenly
        }
        assertThat(h.count()).isEqualTo(1000);
        assertThat((double) h.percentile(0.50)).isCloseTo(500_000, within(500_000 * 0.02));
        assertThat((double) h.percentile(0.99)).isCloseTo(990_000, within(990_000 * 0.02));
    }

    @Test
    void smallValuesAreExactAndHugeOnesAreCapped() {
        LatencyHistogram h = new LatencyHistogram();
        h.record(5);
        assertThat(h.percentile(1.0)).isEqualTo(5);
        h.record(Long.MAX_VALUE);
        assertThat(h.percentile(1.0)).isGreaterThan(1L << 39);
    }

    @Test
    void mergedHistogramsCountBoth() {
        LatencyHistogram a = new LatencyHistogram();
        LatencyHistogram b = new LatencyHistogram();
        a.record(1_000);
        b.record(3_000_000);
        a.add(b);
        assertThat(a.count()).isEqualTo(2);
        assertThat((double) a.percentile(1.0)).isCloseTo(3_000_000, within(3_000_000 * 0.02));
    }

    @Test
    void bucketIndexAndValueRoundTrip() {
        for (long v : new long[] {0, 1, 127, 128, 129, 255, 256, 1_000, 123_456, 987_654_321L}) {
            long middle = LatencyHistogram.middleOf(LatencyHistogram.index(v));
            assertThat((double) middle).as("value %d", v).isCloseTo(v, within(Math.max(1, v * 0.02)));
        }
    }
}
