package io.tributary.cli.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bench get}: pre-loads N records with PutRecords (failed records are retried), then drains
 * every shard from TRIM_HORIZON with GetRecords, one reader per shard, and verifies that every
 * acknowledged record came back exactly once, in order, byte-exact, at the shard and sequence
 * number its put returned (see {@link DeliveryLedger}). Reports read records and megabytes per
 * second over the drain, GetRecords latency, and the pre-load as the producer side. Exits 1 if
 * verification finds any problem.
 *
 * <p>Confined to the thread picocli calls it on; loaders and readers run on their own threads.
 */
@Command(name = "get", mixinStandardHelpOptions = true,
        description = "Pre-load N records, drain every shard from TRIM_HORIZON, verify each record came back exactly once, in order, byte-exact.")
final class GetCommand implements Callable<Integer> {

    private static final int MAX_RESENDS = 20;
    private static final int MAX_REQUEST_RETRIES = 3;

    @Mixin
    CommonOptions common;

    @Option(names = {"--records", "-n"}, defaultValue = "100000", description = "Records to pre-load (default: ${DEFAULT-VALUE}).")
    int records;

    @Option(names = {"--record-bytes", "--record-size"}, defaultValue = "1024", description = "Data bytes per record, at least 32 (default: ${DEFAULT-VALUE}).")
    int recordBytes;

    @Option(names = "--batch-size", defaultValue = "500", description = "Records per PutRecords request while loading (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--loaders", defaultValue = "4", description = "Concurrent producers while loading (default: ${DEFAULT-VALUE}).")
    int loaders;

    @Option(names = "--shards", defaultValue = "4", description = "Shards of the stream it creates (default: ${DEFAULT-VALUE}).")
    int shards;

    @Option(names = "--limit", defaultValue = "10000", description = "GetRecords Limit (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--idle-timeout-ms", defaultValue = "5000",
            description = "Stop reading a shard after this long without records while some are still missing (default: ${DEFAULT-VALUE}).")
    int idleTimeoutMillis;

    @Override
    public Integer call() throws Exception {
        return Scenarios.run("get", this::execute);
    }

    private int execute() throws InterruptedException {
        Scenarios.require(records >= 1, "--records must be at least 1");
        Scenarios.require(recordBytes >= RecordPayload.MIN_BYTES, "--record-bytes must be at least 32");
        Scenarios.require(batchSize >= 1 && batchSize <= 500, "--batch-size must be 1 to 500");
        Scenarios.require(loaders >= 1, "--loaders must be at least 1");
        Scenarios.require(shards >= 1, "--shards must be at least 1");
        Scenarios.require(limit >= 1 && limit <= 10_000, "--limit must be 1 to 10000");
        try (BenchSession session = new BenchSession("get", common, System.out, System.err)) {
            List<String> shardIds = session.openStream(shards);
            DeliveryLedger ledger = new DeliveryLedger(shardIds, loaders);
            MeasurementWindow loadWindow = MeasurementWindow.open(System.nanoTime());
            Meter loadMeter = new Meter(loadWindow);
            boolean loaded = load(session, ledger, loadMeter);
            double loadSeconds = seconds(loadWindow.startNanos(), loadMeter.lastSampleNanos());
            if (!loaded) {
                session.err().println("[get] pre-load failed: requests kept failing as a whole; not draining");
                return session.finish(parameters(), 0, "request", new Meter(loadWindow).report(0),
                        loadMeter.report(loadSeconds), null, BenchReport.FAILED);
            }

            MeasurementWindow drainWindow = MeasurementWindow.open(System.nanoTime());
            Meter readMeter = new Meter(drainWindow);
            AtomicLong lastRecordNanos = new AtomicLong(drainWindow.startNanos());
            ProgressReporter progress = new ProgressReporter("get", Map.of("get", readMeter), drainWindow, System.err);
            progress.start();
            new WorkerThreads("bench-reader", shardIds.size(), index -> {
                String shardId = shardIds.get(index);
                ShardReader reader = new ShardReader(session.newClient(), session.stream(), shardId,
                        ledger.shardLog(shardId), readMeter, null);
                try {
                    drain(reader, ledger.acknowledgedIn(shardId));
                    lastRecordNanos.accumulateAndGet(reader.lastRecordNanos(), Math::max);
                } finally {
                    reader.close();
                }
            }).start().join();
            progress.stop();
            double drainSeconds = seconds(drainWindow.startNanos(), lastRecordNanos.get());
            DeliveryLedger.Verification verification = ledger.verify();
            return session.finish(parameters(), drainSeconds, "request", readMeter.report(drainSeconds),
                    loadMeter.report(loadSeconds), verification,
                    verification.passed() ? BenchReport.OK : BenchReport.VERIFICATION_FAILED);
        }
    }

    /**
     * Writes the records, resending those that fail per record (up to {@value #MAX_RESENDS} times)
     * and whole requests that fail (up to {@value #MAX_REQUEST_RETRIES} times in a row; a whole
     * request may have been stored before it failed, so verification may then find duplicates).
     *
     * @return false when a loader gave up because requests kept failing as a whole
     */
    private boolean load(BenchSession session, DeliveryLedger ledger, Meter loadMeter) throws InterruptedException {
        ProgressReporter progress = new ProgressReporter("get", Map.of("load", loadMeter), loadMeter.window(), System.err);
        AtomicBoolean abandoned = new AtomicBoolean();
        progress.start();
        new WorkerThreads("bench-loader", loaders, id -> {
            BatchProducer producer = new BatchProducer(session.newClient(), session.stream(), id, batchSize,
                    recordBytes, loadMeter, ledger);
            try {
                long remaining = records / loaders + (id < records % loaders ? 1 : 0);
                while (remaining > 0 && !abandoned.get()) {
                    int count = (int) Math.min(batchSize, remaining);
                    remaining -= count;
                    int failed = producer.sendNew(count, System.nanoTime());
                    int requestFailures = producer.requestFailed() ? 1 : 0;
                    for (int attempt = 1; failed > 0 && attempt <= MAX_RESENDS && !abandoned.get(); attempt++) {
                        if (requestFailures > MAX_REQUEST_RETRIES) {
                            abandoned.set(true);
                            return;
                        }
                        BenchSession.sleepMillis(Math.min(1_000, 10L * attempt * attempt));
                        failed = producer.resendFailed();
                        requestFailures = producer.requestFailed() ? requestFailures + 1 : 0;
                    }
                }
            } finally {
                producer.close();
            }
        }).start().join();
        progress.stop();
        return !abandoned.get();
    }

    /** Polls until the shard's acknowledged records were read, then once more to catch extras. */
    private void drain(ShardReader reader, long expected) {
        long read = 0;
        long lastProgress = System.nanoTime();
        long idleTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(idleTimeoutMillis);
        while (read < expected && !reader.closed()) {
            int n = reader.poll(limit);
            read += n;
            if (n > 0) {
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > idleTimeoutNanos) {
                return;
            } else {
                BenchSession.sleepMillis(10);
            }
        }
        reader.poll(limit);
    }

    private static double seconds(long fromNanos, long toNanos) {
        return toNanos > fromNanos ? (toNanos - fromNanos) / 1e9 : 0;
    }

    private Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("records", records);
        p.put("recordBytes", recordBytes);
        p.put("batchSize", batchSize);
        p.put("loaders", loaders);
        p.put("shards", shards);
        p.put("limit", limit);
        p.put("idleTimeoutMillis", idleTimeoutMillis);
        return p;
    }
}
