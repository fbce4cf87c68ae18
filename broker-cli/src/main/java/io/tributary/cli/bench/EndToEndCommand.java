package io.tributary.cli.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bench e2e}: one producer writing at a fixed rate and one polling consumer per shard, in
 * the same JVM; reports put-to-read latency percentiles, the time from a record's scheduled send
 * to the consumer holding it.
 *
 * <p>The producer sends a batch every {@code batch-size / rate} seconds on a fixed schedule and
 * stamps each record with the batch's scheduled time, not the time it actually left: if the
 * server slows the producer down, the delay shows in the latency instead of being hidden
 * (coordinated omission). Consumers poll GetRecords and, after an empty answer, wait
 * {@code --poll-interval-ms}; that wait bounds how fresh a read can be and is part of what is
 * measured. Every record read is also verified as in {@code get}.
 *
 * <p>Confined to the thread picocli calls it on; the producer and consumers run on their own threads.
 */
@Command(name = "e2e", mixinStandardHelpOptions = true,
        description = "A producer at a fixed rate and a polling consumer per shard: put-to-read latency.")
final class EndToEndCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--rate", defaultValue = "1000", description = "Records per second the producer writes (default: ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--batch-size", defaultValue = "10", description = "Records per PutRecords request (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = {"--record-bytes", "--record-size"}, defaultValue = "1024", description = "Data bytes per record, at least 32 (default: ${DEFAULT-VALUE}).")
    int recordBytes;

    @Option(names = "--shards", defaultValue = "4", description = "Shards of the stream it creates; one consumer each (default: ${DEFAULT-VALUE}).")
    int shards;

    @Option(names = "--poll-interval-ms", defaultValue = "5", description = "Consumer pause after an empty GetRecords (default: ${DEFAULT-VALUE}).")
    int pollIntervalMillis;

    @Option(names = "--idle-timeout-ms", defaultValue = "5000",
            description = "After the producer stops, consumers give up on missing records after this long (default: ${DEFAULT-VALUE}).")
    int idleTimeoutMillis;

    @Mixin
    TimingOptions timing;

    @Override
    public Integer call() throws Exception {
        return Scenarios.run("e2e", this::execute);
    }

    private int execute() throws InterruptedException {
        Scenarios.require(rate >= 1, "--rate must be at least 1");
        Scenarios.require(batchSize >= 1 && batchSize <= 500, "--batch-size must be 1 to 500");
        Scenarios.require(recordBytes >= RecordPayload.MIN_BYTES, "--record-bytes must be at least 32");
        Scenarios.require(shards >= 1, "--shards must be at least 1");
        Scenarios.require(pollIntervalMillis >= 0, "--poll-interval-ms must not be negative");
        timing.validate();
        try (BenchSession session = new BenchSession("e2e", common, System.out, System.err)) {
            List<String> shardIds = session.openStream(shards);
            DeliveryLedger ledger = new DeliveryLedger(shardIds, 1);
            MeasurementWindow window = MeasurementWindow.of(System.nanoTime(), timing.warmupSeconds, timing.durationSeconds);
            Meter putMeter = new Meter(window);
            // A record counts by when it was sent: one sent just before the end still counts when read after it.
            Meter readMeter = new Meter(new MeasurementWindow(window.startNanos(), window.fromNanos(), Long.MAX_VALUE));
            AtomicLong read = new AtomicLong();
            AtomicLong acknowledgedWhenDone = new AtomicLong(-1);
            Map<String, Meter> meters = new LinkedHashMap<>();
            meters.put("put", putMeter);
            meters.put("| read", readMeter);
            ProgressReporter progress = new ProgressReporter("e2e", meters, window, System.err);
            progress.start();
            WorkerThreads consumers = new WorkerThreads("bench-consumer", shardIds.size(), index -> {
                String shardId = shardIds.get(index);
                ShardReader reader = new ShardReader(session.newClient(), session.stream(), shardId,
                        ledger.shardLog(shardId), readMeter, (data, verdict, receivedNanos) -> {
                            read.incrementAndGet();
                            if (verdict == RecordPayload.Verdict.OK) {
                                readMeter.sample(RecordPayload.sentNanos(data), receivedNanos, 1, data.length);
                            }
                        });
                try {
                    consume(reader, read, acknowledgedWhenDone);
                } finally {
                    reader.close();
                }
            }).start();
            new WorkerThreads("bench-producer", 1, id -> {
                BatchProducer producer = new BatchProducer(session.newClient(), session.stream(), id, batchSize,
                        recordBytes, putMeter, ledger);
                try {
                    produce(producer, window);
                } finally {
                    producer.close();
                    acknowledgedWhenDone.set(ledger.acknowledged());
                }
            }).start().join();
            consumers.join();
            progress.stop();
            DeliveryLedger.Verification verification = ledger.verify();
            return session.finish(parameters(), timing.durationSeconds, "put-to-read",
                    readMeter.report(timing.durationSeconds), putMeter.report(timing.durationSeconds), verification,
                    verification.passed() ? BenchReport.OK : BenchReport.VERIFICATION_FAILED);
        }
    }

    /** Sends a batch at each scheduled time until the window ends, stamping records with that time. */
    private void produce(BatchProducer producer, MeasurementWindow window) {
        double intervalNanos = TimeUnit.SECONDS.toNanos(1) * (double) batchSize / rate;
        for (long batch = 0; ; batch++) {
            long scheduled = window.startNanos() + (long) (batch * intervalNanos);
            if (!window.running(scheduled)) {
                return;
            }
            for (long wait = scheduled - System.nanoTime(); wait > 0; wait = scheduled - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            producer.sendNew(batchSize, scheduled);
        }
    }

    /** Polls until the producer is done and everything it got acknowledged was read, or reads go idle. */
    private void consume(ShardReader reader, AtomicLong read, AtomicLong acknowledgedWhenDone) {
        long idleTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(idleTimeoutMillis);
        long lastProgress = System.nanoTime();
        boolean producerDone = false;
        while (!reader.closed()) {
            long acknowledged = acknowledgedWhenDone.get();
            if (acknowledged >= 0 && read.get() >= acknowledged) {
                return;
            }
            if (acknowledged >= 0 && !producerDone) {
                producerDone = true;
                lastProgress = System.nanoTime();
            }
            int n = reader.poll(10_000);
            long now = System.nanoTime();
            if (n > 0) {
                lastProgress = now;
            } else if (producerDone && now - lastProgress > idleTimeoutNanos) {
                return;
            } else if (pollIntervalMillis > 0) {
                BenchSession.sleepMillis(pollIntervalMillis);
            }
        }
    }

    private Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("rate", rate);
        p.put("batchSize", batchSize);
        p.put("recordBytes", recordBytes);
        p.put("shards", shards);
        p.put("pollIntervalMillis", pollIntervalMillis);
        p.put("durationSeconds", timing.durationSeconds);
        p.put("warmupSeconds", timing.warmupSeconds);
        return p;
    }
}
