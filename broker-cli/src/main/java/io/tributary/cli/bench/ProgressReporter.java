package io.tributary.cli.bench;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Prints one line a second while a benchmark runs: the phase, then for each meter the records and
 * megabytes per second and the latency of that second, and its failures. For example:
 * <pre>
 * [put]   7s measure   put 41,250 rec/s  42.2 MB/s  p50 3.10 ms  p99 8.20 ms  failed 0 rec, 0 req
 * </pre>
 *
 * <p>Thread-safe: {@link #start()} and {@link #stop()} may be called from any thread; the lines are
 * written by the reporter's own daemon thread.
 */
final class ProgressReporter {

    private final String scenario;
    private final Map<String, Meter> meters;
    private final MeasurementWindow window;
    private final PrintStream out;
    private final Thread thread;
    private volatile boolean stopped;

    ProgressReporter(String scenario, Map<String, Meter> meters, MeasurementWindow window, PrintStream out) {
        this.scenario = scenario;
        this.meters = new LinkedHashMap<>(meters);
        this.window = window;
        this.out = out;
        this.thread = new Thread(this::run, "bench-progress");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    void stop() {
        stopped = true;
        LockSupport.unpark(thread);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        long next = window.startNanos() + TimeUnit.SECONDS.toNanos(1);
        while (!stopped) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
                continue;
            }
            out.println(line(next));
            next += TimeUnit.SECONDS.toNanos(1);
        }
    }

    private String line(long nowNanos) {
        long elapsed = TimeUnit.NANOSECONDS.toSeconds(nowNanos - window.startNanos());
        long midInterval = nowNanos - TimeUnit.MILLISECONDS.toNanos(500);
        String phase = window.warmingUp(midInterval) ? "warm-up"
                : window.untilNanos() == Long.MAX_VALUE ? "" : window.running(midInterval) ? "measure" : "drain";
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "[%s] %3ds %-8s", scenario, elapsed, phase));
        for (Map.Entry<String, Meter> entry : meters.entrySet()) {
            Meter.Interval interval = entry.getValue().takeInterval();
            line.append(String.format(Locale.ROOT, " %s %,d rec/s  %.1f MB/s  %s  failed %,d rec, %,d req",
                    entry.getKey(), interval.records(), interval.bytes() / 1_000_000.0,
                    interval.latency().count() == 0 ? "no samples"
                            : "p50 " + LatencySummary.duration(interval.latency().p50Micros())
                            + "  p99 " + LatencySummary.duration(interval.latency().p99Micros()),
                    interval.failedRecords(), interval.failedRequests()));
        }
        return line.toString();
    }
}
