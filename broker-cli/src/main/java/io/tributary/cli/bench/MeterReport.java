package io.tributary.cli.bench;

import java.util.Map;

/**
 * One side of a benchmark result, as written to {@code --json-out}: throughput over the measured
 * window, latency percentiles in microseconds, and failures over the whole run. Immutable.
 *
 * <p>MB is 10^6 bytes of record data; partition keys and protocol overhead are not counted.
 */
record MeterReport(Throughput throughput, LatencySummary latency, Errors errors) {

    /** Counts inside the measured window; {@code totalRecords} includes the warm-up. */
    record Throughput(long records, long bytes, long requests, long totalRecords,
            double recordsPerSecond, double megabytesPerSecond, double requestsPerSecond) {
    }

    /** Per-record {@code ErrorCode} counts and whole-request failures by {@code __type}. */
    record Errors(long failedRecords, Map<String, Long> failedRecordsByErrorCode,
            long failedRequests, Map<String, Long> failedRequestsByType) {
    }
}
