package io.tributary.cli.bench;

/**
 * The span of a run whose samples count: a warm-up from {@code startNanos} to {@code fromNanos},
 * then the measured span to {@code untilNanos}. Times are {@link System#nanoTime()} values.
 *
 * <p>A sample counts when it began and ended inside the measured span, so requests straddling the
 * warm-up boundary or the end do not skew either side. Immutable.
 */
record MeasurementWindow(long startNanos, long fromNanos, long untilNanos) {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    /** A window that starts at {@code nowNanos}, warms up, then measures for {@code durationSeconds}. */
    static MeasurementWindow of(long nowNanos, int warmupSeconds, int durationSeconds) {
        long from = nowNanos + warmupSeconds * NANOS_PER_SECOND;
        return new MeasurementWindow(nowNanos, from, from + durationSeconds * NANOS_PER_SECOND);
    }

    /** A window without warm-up or end, for runs that stop when their work is done. */
    static MeasurementWindow open(long nowNanos) {
        return new MeasurementWindow(nowNanos, nowNanos, Long.MAX_VALUE);
    }

    boolean measures(long sampleStartNanos, long sampleEndNanos) {
        return sampleStartNanos >= fromNanos && sampleEndNanos <= untilNanos;
    }

    boolean running(long nowNanos) {
        return nowNanos < untilNanos;
    }

    boolean warmingUp(long nowNanos) {
        return nowNanos < fromNanos;
    }
}
