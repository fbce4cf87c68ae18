package io.tributary.cli.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * The full result of one scenario run, as written by {@code --json-out}. Immutable.
 *
 * <p>{@code throughput}, {@code latency} and {@code errors} describe the scenario's main side:
 * acknowledged writes for {@code put} and {@code put-latency}, reads for {@code get} and
 * {@code e2e}. {@code producer} is the writing side of {@code get} (the pre-load) and {@code e2e}.
 * Latencies are in microseconds; {@code latencyKind} says what was timed. {@code subscriptions}
 * is there only for an {@code e2e} run with enhanced fan-out consumers.
 *
 * @param outcome {@code ok}, {@code verification-failed} or {@code failed}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record BenchReport(String scenario, String endpoint, String encoding, String stream,
        Map<String, Object> parameters, String startTime, String endTime, double measuredSeconds,
        String latencyKind, MeterReport.Throughput throughput, LatencySummary latency, MeterReport.Errors errors,
        MeterReport producer, DeliveryLedger.Verification verification, SubscriptionCounters.Report subscriptions,
        double clientCpuSeconds, String outcome) {

    static final String OK = "ok";
    static final String VERIFICATION_FAILED = "verification-failed";
    static final String FAILED = "failed";

    /** 0 when everything passed, 1 when verification found a problem, 3 when the run failed. */
    int exitCode() {
        return switch (outcome) {
            case OK -> 0;
            case VERIFICATION_FAILED -> 1;
            default -> 3;
        };
    }
}
