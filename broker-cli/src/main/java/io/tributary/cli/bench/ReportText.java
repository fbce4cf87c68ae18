package io.tributary.cli.bench;

import java.util.Locale;
import java.util.Map;

/**
 * The human summary printed at the end of a run, for example:
 * <pre>
 * put: http://127.0.0.1:4567 (json), stream tributary-bench-put-1a2b, 30.0 s measured
 *   throughput  1,237,500 records  41,250 rec/s  42.24 MB/s  (2,475 requests, 82.5 req/s)
 *   latency     request  p50 3.10 ms  p99 8.20 ms  p99.9 9.50 ms  max 12.0 ms
 *   failures    0 records, 0 requests
 *   client CPU  12.3 s
 *   outcome     ok
 * </pre>
 * Stateless.
 */
final class ReportText {

    private ReportText() {
    }

    static String of(BenchReport report) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%s: %s (%s), stream %s, %.1f s measured%n", report.scenario(),
                report.endpoint(), report.encoding(), report.stream(), report.measuredSeconds()));
        if (report.producer() != null) {
            side(out, "producer", "request", report.producer().throughput(), report.producer().latency(),
                    report.producer().errors());
        }
        side(out, report.producer() != null ? "consumer" : "", report.latencyKind(), report.throughput(),
                report.latency(), report.errors());
        SubscriptionCounters.Report subscriptions = report.subscriptions();
        if (subscriptions != null) {
            out.append(String.format(Locale.ROOT, "  subscribe   %,d subscriptions: %,d ended by the server, %,d by the "
                    + "client, %,d failed, %,d subscribe calls failed; %,d events (%,d without records), "
                    + "MillisBehindLatest at most %,d%n", subscriptions.opened(), subscriptions.endedByServer(),
                    subscriptions.endedByClient(), subscriptions.streamFailures(), subscriptions.subscribeFailures(),
                    subscriptions.events(), subscriptions.eventsWithoutRecords(), subscriptions.maxMillisBehindLatest()));
        }
        DeliveryLedger.Verification verification = report.verification();
        if (verification != null) {
            out.append(String.format(Locale.ROOT, "  verify      %s: %,d acknowledged, %,d read, %,d verified; "
                    + "missing %,d, duplicates %,d, unexpected %,d, corrupt %,d, out of order %,d, "
                    + "wrong shard %,d, sequence number mismatches %,d, acknowledgement order violations %,d%n",
                    verification.passed() ? "PASSED" : "FAILED", verification.acknowledged(), verification.read(),
                    verification.verified(), verification.missing(), verification.duplicates(),
                    verification.unexpected(), verification.corrupt(), verification.outOfOrder(),
                    verification.wrongShard(), verification.sequenceNumberMismatches(),
                    verification.acknowledgementOrderViolations()));
            for (String problem : verification.problems()) {
                out.append("    ").append(problem).append(System.lineSeparator());
            }
        }
        out.append(String.format(Locale.ROOT, "  client CPU  %.1f s%n", report.clientCpuSeconds()));
        out.append("  outcome     ").append(report.outcome()).append(System.lineSeparator());
        return out.toString();
    }

    private static void side(StringBuilder out, String label, String latencyKind, MeterReport.Throughput throughput,
            LatencySummary latency, MeterReport.Errors errors) {
        String prefix = label.isEmpty() ? "" : label + " ";
        out.append(String.format(Locale.ROOT, "  %-11s %,d records  %,.0f rec/s  %.2f MB/s  (%,d requests, %,.1f req/s)%n",
                prefix + "throughput", throughput.records(), throughput.recordsPerSecond(),
                throughput.megabytesPerSecond(), throughput.requests(), throughput.requestsPerSecond()));
        out.append(String.format(Locale.ROOT, "  %-11s %s  %s%n", prefix + "latency", latencyKind, latency.describe()));
        out.append(String.format(Locale.ROOT, "  %-11s %,d records%s, %,d requests%s%n", prefix + "failures",
                errors.failedRecords(), byType(errors.failedRecordsByErrorCode()), errors.failedRequests(),
                byType(errors.failedRequestsByType())));
    }

    private static String byType(Map<String, Long> counts) {
        if (counts.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(" (");
        counts.forEach((type, count) -> out.append(out.length() > 2 ? ", " : "").append(type).append(' ').append(count));
        return out.append(')').toString();
    }
}
