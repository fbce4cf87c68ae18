package io.tributary.cli.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Counts what one side of a benchmark achieved (records, bytes, requests, latency) and what
 * failed, both per progress interval and over the {@link MeasurementWindow}.
 *
 * <p>Successes count only inside the window; {@linkplain #totalRecords() total records} and the
 * failures count over the whole run, warm-up included, since the server's CPU is measured over
 * the whole run too and a failure is worth reporting whenever it happens. Latencies are recorded
 * in microseconds into HdrHistogram {@link Recorder}s (three significant digits, up to an hour).
 *
 * <p>Thread-safe: writers touch only {@link LongAdder}s, concurrent maps and wait-free recorders;
 * {@link #takeInterval()} is meant for one reporting thread.
 */
final class Meter {

    private static final long MAX_MICROS = 3_600_000_000L;

    /** What happened since the previous interval was taken. */
    record Interval(long records, long bytes, long failedRecords, long failedRequests, LatencySummary latency) {
    }

    private final MeasurementWindow window;
    private final Recorder intervalLatency = new Recorder(1, MAX_MICROS, 3);
    private final Recorder measuredLatency = new Recorder(1, MAX_MICROS, 3);
    private final LongAdder intervalRecords = new LongAdder();
    private final LongAdder intervalBytes = new LongAdder();
    private final LongAdder intervalFailedRecords = new LongAdder();
    private final LongAdder intervalFailedRequests = new LongAdder();
    private final LongAdder totalRecords = new LongAdder();
    private final LongAdder records = new LongAdder();
    private final LongAdder bytes = new LongAdder();
    private final LongAdder requests = new LongAdder();
    private final ConcurrentMap<String, LongAdder> failedRecords = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, LongAdder> failedRequests = new ConcurrentHashMap<>();
    private final LongAccumulator lastSampleNanos = new LongAccumulator(Long::max, 0L);

    Meter(MeasurementWindow window) {
        this.window = window;
    }

    MeasurementWindow window() {
        return window;
    }

    /** A request that completed: its latency, and the records and bytes it moved. */
    void succeeded(long startNanos, long endNanos, int recordCount, long byteCount) {
        sample(startNanos, endNanos, recordCount, byteCount);
        if (window.measures(startNanos, endNanos)) {
            requests.increment();
        }
    }

    /** Counts a request whose latency is not what this meter times (a poll of an end-to-end consumer). */
    void requestCompleted(long startNanos, long endNanos) {
        if (window.measures(startNanos, endNanos)) {
            requests.increment();
        }
    }

    /**
     * A latency sample that is not a request (a record's put-to-read time), with the records and
     * bytes it stands for.
     */
    void sample(long startNanos, long endNanos, int recordCount, long byteCount) {
        long micros = Math.min(MAX_MICROS, Math.max(1, (endNanos - startNanos) / 1_000));
        intervalLatency.recordValue(micros);
        intervalRecords.add(recordCount);
        intervalBytes.add(byteCount);
        totalRecords.add(recordCount);
        if (window.measures(startNanos, endNanos)) {
            measuredLatency.recordValue(micros);
            records.add(recordCount);
            bytes.add(byteCount);
            lastSampleNanos.accumulate(endNanos);
        }
    }

    /** Records a request answered with per-record failures ({@code ErrorCode}). */
    void recordsFailed(String errorCode, int count) {
        failedRecords.computeIfAbsent(errorCode, k -> new LongAdder()).add(count);
        intervalFailedRecords.add(count);
    }

    /** Records a request that failed as a whole: the server's {@code __type} or the transport error. */
    void requestFailed(String errorType) {
        failedRequests.computeIfAbsent(errorType, k -> new LongAdder()).increment();
        intervalFailedRequests.increment();
    }

    Interval takeInterval() {
        Histogram latency = intervalLatency.getIntervalHistogram();
        return new Interval(intervalRecords.sumThenReset(), intervalBytes.sumThenReset(),
                intervalFailedRecords.sumThenReset(), intervalFailedRequests.sumThenReset(),
                LatencySummary.of(latency));
    }

    /**
     * Everything measured, with throughput over {@code measuredSeconds} (the window's span, or the
     * time actually used when the run ended early).
     */
    MeterReport report(double measuredSeconds) {
        Histogram latency = measuredLatency.getIntervalHistogram();
        long recordCount = records.sum();
        long byteCount = bytes.sum();
        long requestCount = requests.sum();
        double perSecond = measuredSeconds > 0 ? 1 / measuredSeconds : 0;
        return new MeterReport(
                new MeterReport.Throughput(recordCount, byteCount, requestCount, totalRecords.sum(),
                        recordCount * perSecond, byteCount * perSecond / 1_000_000.0, requestCount * perSecond),
                LatencySummary.of(latency),
                new MeterReport.Errors(sum(failedRecords), sorted(failedRecords),
                        sum(failedRequests), sorted(failedRequests)));
    }

    long totalRecords() {
        return totalRecords.sum();
    }

    long measuredRecords() {
        return records.sum();
    }

    /** The end time of the last measured sample, or 0 when there was none. */
    long lastSampleNanos() {
        return lastSampleNanos.get();
    }

    private static long sum(Map<String, LongAdder> counts) {
        return counts.values().stream().mapToLong(LongAdder::sum).sum();
    }

    private static Map<String, Long> sorted(Map<String, LongAdder> counts) {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
