package io.tributary.cli.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bench put-latency}: one client sending single PutRecord calls in a closed loop, the next
 * as soon as the previous is acknowledged. Reports operations per second and latency percentiles:
 * the round trip of one durable write with nothing else in flight.
 *
 * <p>Confined to the thread picocli calls it on; the client runs on its own thread.
 */
@Command(name = "put-latency", mixinStandardHelpOptions = true,
        description = "One client, single PutRecord calls in a closed loop: ops/s and latency.")
final class PutLatencyCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = {"--record-bytes", "--record-size"}, defaultValue = "100", description = "Data bytes per record, at least 32 (default: ${DEFAULT-VALUE}).")
    int recordBytes;

    @Option(names = "--shards", defaultValue = "1", description = "Shards of the stream it creates (default: ${DEFAULT-VALUE}).")
    int shards;

    @Mixin
    TimingOptions timing;

    @Override
    public Integer call() throws Exception {
        return Scenarios.run("put-latency", this::execute);
    }

    private int execute() throws InterruptedException {
        Scenarios.require(recordBytes >= RecordPayload.MIN_BYTES, "--record-bytes must be at least 32");
        Scenarios.require(shards >= 1, "--shards must be at least 1");
        timing.validate();
        try (BenchSession session = new BenchSession("put-latency", common, System.out, System.err)) {
            session.openStream(shards);
            MeasurementWindow window = MeasurementWindow.of(System.nanoTime(), timing.warmupSeconds, timing.durationSeconds);
            Meter meter = new Meter(window);
            ProgressReporter progress = new ProgressReporter("put-latency", Map.of("put", meter), window, System.err);
            progress.start();
            new WorkerThreads("bench-put-latency", 1, id -> {
                byte[] data = new byte[recordBytes];
                try (KinesisClient client = session.newClient()) {
                    for (long sequence = 0; window.running(System.nanoTime()); sequence++) {
                        long start = System.nanoTime();
                        RecordPayload.write(data, id, sequence, start);
                        try {
                            client.putRecord(session.stream(), "p" + id + "-" + sequence, data);
                            meter.succeeded(start, System.nanoTime(), 1, recordBytes);
                        } catch (RequestFailedException e) {
                            meter.requestFailed(e.errorType());
                            BenchSession.sleepMillis(10);
                        }
                    }
                }
            }).start().join();
            progress.stop();
            MeterReport report = meter.report(timing.durationSeconds);
            return session.finish(parameters(), timing.durationSeconds, "request", report, null, null,
                    report.throughput().records() == 0 ? BenchReport.FAILED : BenchReport.OK);
        }
    }

    private Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("recordBytes", recordBytes);
        p.put("shards", shards);
        p.put("durationSeconds", timing.durationSeconds);
        p.put("warmupSeconds", timing.warmupSeconds);
        return p;
    }
}
