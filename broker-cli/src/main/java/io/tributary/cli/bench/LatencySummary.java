package io.tributary.cli.bench;

import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * Percentiles of a latency histogram, in microseconds, and their human form.
 *
 * <p>Immutable.
 */
record LatencySummary(long count, long minMicros, double meanMicros, long p50Micros, long p90Micros,
        long p99Micros, long p999Micros, long maxMicros) {

    static final LatencySummary EMPTY = new LatencySummary(0, 0, 0, 0, 0, 0, 0, 0);

    static LatencySummary of(Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return EMPTY;
        }
        return new LatencySummary(micros.getTotalCount(), micros.getMinValue(), micros.getMean(),
                micros.getValueAtPercentile(50), micros.getValueAtPercentile(90),
                micros.getValueAtPercentile(99), micros.getValueAtPercentile(99.9), micros.getMaxValue());
    }

    /** For example {@code p50 1.21 ms  p99 3.40 ms  p99.9 5.02 ms  max 8.10 ms}. */
    String describe() {
        if (count == 0) {
            return "no samples";
        }
        return "p50 " + duration(p50Micros) + "  p99 " + duration(p99Micros)
                + "  p99.9 " + duration(p999Micros) + "  max " + duration(maxMicros);
    }

    /** Three significant figures in the largest fitting unit: {@code 850 µs}, {@code 1.21 ms}, {@code 12.3 s}. */
    static String duration(long micros) {
        if (micros < 1_000) {
            return micros + " µs";
        }
        if (micros < 1_000_000) {
            return threeFigures(micros / 1_000.0) + " ms";
        }
        return threeFigures(micros / 1_000_000.0) + " s";
    }

    private static String threeFigures(double value) {
        if (value < 10) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        if (value < 100) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.0f", value);
    }
}
