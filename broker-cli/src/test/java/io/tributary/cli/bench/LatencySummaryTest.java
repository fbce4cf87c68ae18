package io.tributary.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatencySummaryTest {

    @Test
    void durationsBelowAMillisecondAreWholeMicroseconds() {
        assertEquals("1 µs", LatencySummary.duration(1));
        assertEquals("850 µs", LatencySummary.duration(850));
        assertEquals("999 µs", LatencySummary.duration(999));
    }

    @Test
    void durationsKeepThreeSignificantFiguresInMillisecondsAndSeconds() {
        assertEquals("1.00 ms", LatencySummary.duration(1_000));
        assertEquals("1.21 ms", LatencySummary.duration(1_210));
        assertEquals("12.3 ms", LatencySummary.duration(12_340));
        assertEquals("123 ms", LatencySummary.duration(123_456));
        assertEquals("1.50 s", LatencySummary.duration(1_500_000));
        assertEquals("12.3 s", LatencySummary.duration(12_300_000));
    }

    @Test
    void summaryReadsPercentilesOffTheHistogram() {
        Histogram micros = new Histogram(3_600_000_000L, 3);
        for (long value = 1; value <= 1_000; value++) {
            micros.recordValue(value);
        }

        LatencySummary summary = LatencySummary.of(micros);

        assertEquals(1_000, summary.count());
        assertEquals(1, summary.minMicros());
        assertEquals(500, summary.p50Micros());
        assertEquals(900, summary.p90Micros());
        assertEquals(990, summary.p99Micros());
        assertEquals(999, summary.p999Micros());
        assertEquals(1_000, summary.maxMicros());
        assertEquals(500.5, summary.meanMicros(), 0.01);
    }

    @Test
    void describeShowsTheTailThatABenchmarkReports() {
        LatencySummary summary = new LatencySummary(10, 100, 1_000, 850, 2_000, 3_400, 12_300, 1_500_000);

        assertEquals("p50 850 µs  p99 3.40 ms  p99.9 12.3 ms  max 1.50 s", summary.describe());
    }

    @Test
    void emptyHistogramHasNoSamples() {
        LatencySummary summary = LatencySummary.of(new Histogram(3));

        assertEquals(LatencySummary.EMPTY, summary);
        assertEquals("no samples", summary.describe());
    }
}
