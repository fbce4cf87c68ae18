package io.tributary.cli.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bench put}: C producers, each in a closed loop sending PutRecords batches over its own
 * connection, for a warm-up and then a measured duration. Reports acknowledged records and
 * megabytes per second, request latency percentiles, and failures (per-record {@code ErrorCode}s
 * and failed requests). Failed records are counted, not retried.
 *
 * <p>Confined to the thread picocli calls it on; the producers run on their own threads.
 */
@Command(name = "put", mixinStandardHelpOptions = true,
        description = "C concurrent producers sending PutRecords batches for a fixed time.")
final class PutCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = {"--producers", "-c"}, defaultValue = "4", description = "Concurrent producers, one connection each (default: ${DEFAULT-VALUE}).")
    int producers;

    @Option(names = {"--record-bytes", "--record-size"}, defaultValue = "1024", description = "Data bytes per record, at least 32 (default: ${DEFAULT-VALUE}).")
    int recordBytes;

    @Option(names = "--batch-size", defaultValue = "500", description = "Records per PutRecords request, 1 to 500 (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--shards", defaultValue = "4", description = "Shards of the stream it creates (default: ${DEFAULT-VALUE}).")
    int shards;

    @Mixin
    TimingOptions timing;

    @Override
    public Integer call() throws Exception {
        return Scenarios.run("put", this::execute);
    }

    private int execute() throws InterruptedException {
        Scenarios.require(producers >= 1, "--producers must be at least 1");
        Scenarios.require(recordBytes >= RecordPayload.MIN_BYTES, "--record-bytes must be at least 32");
        Scenarios.require(batchSize >= 1 && batchSize <= 500, "--batch-size must be 1 to 500");
        Scenarios.require(shards >= 1, "--shards must be at least 1");
        timing.validate();
        try (BenchSession session = new BenchSession("put", common, System.out, System.err)) {
            session.openStream(shards);
            MeasurementWindow window = MeasurementWindow.of(System.nanoTime(), timing.warmupSeconds, timing.durationSeconds);
            Meter meter = new Meter(window);
            ProgressReporter progress = new ProgressReporter("put", Map.of("put", meter), window, System.err);
            progress.start();
            new WorkerThreads("bench-producer", producers, id -> {
                BatchProducer producer = new BatchProducer(session.newClient(), session.stream(), id, batchSize,
                        recordBytes, meter, null);
                try {
                    while (window.running(System.nanoTime())) {
                        if (producer.sendNew(batchSize, System.nanoTime()) == batchSize) {
                            BenchSession.sleepMillis(10);
                        }
                    }
                } finally {
                    producer.close();
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
        p.put("producers", producers);
        p.put("recordBytes", recordBytes);
        p.put("batchSize", batchSize);
        p.put("shards", shards);
        p.put("durationSeconds", timing.durationSeconds);
        p.put("warmupSeconds", timing.warmupSeconds);
        return p;
    }
}
