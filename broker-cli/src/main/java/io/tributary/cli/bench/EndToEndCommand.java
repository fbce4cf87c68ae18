package io.tributary.cli.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bench e2e}: one producer writing at a fixed rate and one consumer per shard, in the same
 * JVM; reports put-to-read latency percentiles, the time from a record's scheduled send to the
 * consumer holding it.
 *
 * <p>The producer sends a request every {@code batch-size / rate} seconds on a fixed schedule,
 * PutRecords by default or PutRecord one record at a time ({@code --put-api putrecord}), and
 * stamps each record with the request's scheduled time, not the time it actually left: if the
 * server slows the producer down, the delay shows in the latency instead of being hidden
 * (coordinated omission).
 *
 * <p>Consumers ({@code --consumer}) either poll GetRecords from TRIM_HORIZON and, after an empty
 * answer, wait {@code --poll-interval-ms}, a wait that bounds how fresh a read can be and is part
 * of what is measured; or use enhanced fan-out: a consumer registered for the run (waited for
 * until ACTIVE) subscribes to every shard from LATEST before the producer starts, and the server
 * pushes records as they are written ({@link FanOutReader}). Either way every record read is
 * verified as in {@code get}: each acknowledged record read exactly once, intact, in order.
 *
 * <p>Confined to the thread picocli calls it on; the producer and consumers run on their own threads.
 */
@Command(name = "e2e", mixinStandardHelpOptions = true,
        description = "A producer at a fixed rate and a consumer per shard, polling or enhanced fan-out: "
                + "put-to-read latency.")
final class EndToEndCommand implements Callable<Integer> {

    private static final String POLLING = "polling";
    private static final String FAN_OUT = "fan-out";

    @Mixin
    CommonOptions common;

    @Option(names = "--consumer", defaultValue = POLLING, paramLabel = "polling|fan-out",
            description = "polling: GetRecords in a loop; fan-out: RegisterStreamConsumer and SubscribeToShard "
                    + "(default: ${DEFAULT-VALUE}).")
    String consumer;

    @Option(names = "--rate", defaultValue = "1000", description = "Records per second the producer writes (default: ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--put-api", defaultValue = "putrecords", paramLabel = "putrecords|putrecord",
            description = "putrecords: batches of --batch-size; putrecord: one record per request (default: ${DEFAULT-VALUE}).")
    String putApi;

    @Option(names = "--batch-size", description = "Records per PutRecords request (default: 10; 1 with --put-api putrecord).")
    Integer batchSize;

    @Option(names = {"--record-bytes", "--record-size"}, defaultValue = "1024", description = "Data bytes per record, at least 32 (default: ${DEFAULT-VALUE}).")
    int recordBytes;

    @Option(names = "--shards", defaultValue = "4", description = "Shards of the stream it creates; one consumer each (default: ${DEFAULT-VALUE}).")
    int shards;

    @Option(names = "--poll-interval-ms", defaultValue = "5", description = "Polling: pause after an empty GetRecords (default: ${DEFAULT-VALUE}).")
    int pollIntervalMillis;

    @Option(names = "--max-subscription-seconds",
            description = "Fan-out: end each subscription from the client after this long and resubscribe from its "
                    + "continuation (default: only when the server ends it, after 5 minutes on AWS).")
    Integer maxSubscriptionSeconds;

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
        String consumerMode = consumer.toLowerCase(Locale.ROOT);
        Scenarios.require(consumerMode.equals(POLLING) || consumerMode.equals(FAN_OUT),
                "--consumer must be polling or fan-out, got " + consumer);
        boolean fanOut = consumerMode.equals(FAN_OUT);
        PutApi api = PutApi.of(putApi);
        int requestRecords = batchSize != null ? batchSize : api == PutApi.PUT_RECORD ? 1 : 10;
        Scenarios.require(rate >= 1, "--rate must be at least 1");
        Scenarios.require(requestRecords >= 1 && requestRecords <= 500, "--batch-size must be 1 to 500");
        Scenarios.require(api != PutApi.PUT_RECORD || requestRecords == 1,
                "--put-api putrecord sends one record per request; --batch-size must be 1");
        Scenarios.require(recordBytes >= RecordPayload.MIN_BYTES, "--record-bytes must be at least 32");
        Scenarios.require(shards >= 1, "--shards must be at least 1");
        Scenarios.require(pollIntervalMillis >= 0, "--poll-interval-ms must not be negative");
        Scenarios.require(maxSubscriptionSeconds == null || maxSubscriptionSeconds >= 1,
                "--max-subscription-seconds must be at least 1");
        Scenarios.require(maxSubscriptionSeconds == null || fanOut, "--max-subscription-seconds needs --consumer fan-out");
        timing.validate();
        try (BenchSession session = new BenchSession("e2e", common, System.out, System.err)) {
            List<String> shardIds = session.openStream(shards);
            DeliveryLedger ledger = new DeliveryLedger(shardIds, 1);
            SubscriptionCounters subscriptions = new SubscriptionCounters();
            // Subscribed from LATEST before the producer starts, so that no record is written before a subscription.
            List<FanOutReader> fanOutReaders = fanOut ? subscribe(session, shardIds, ledger, subscriptions) : List.of();
            MeasurementWindow window = MeasurementWindow.of(System.nanoTime(), timing.warmupSeconds, timing.durationSeconds);
            Meter putMeter = new Meter(window);
            // A record counts by when it was sent: one sent just before the end still counts when read after it.
            Meter readMeter = new Meter(new MeasurementWindow(window.startNanos(), window.fromNanos(), Long.MAX_VALUE));
            AtomicLong read = new AtomicLong();
            AtomicLong acknowledgedWhenDone = new AtomicLong(-1);
            Map<String, Meter> meters = new LinkedHashMap<>();
            meters.put("put", putMeter);
            meters.put(fanOut ? "| receive" : "| read", readMeter);
            ProgressReporter progress = new ProgressReporter("e2e", meters, window, System.err);
            progress.start();
            ShardReader.RecordListener listener = (data, verdict, receivedNanos) -> {
                read.incrementAndGet();
                if (verdict == RecordPayload.Verdict.OK) {
                    readMeter.sample(RecordPayload.sentNanos(data), receivedNanos, 1, data.length);
                }
            };
            WorkerThreads consumers = fanOut
                    ? new WorkerThreads("bench-subscriber", fanOutReaders.size(),
                            index -> fanOutReaders.get(index).run(readMeter, listener)).start()
                    : poll(session, shardIds, ledger, readMeter, listener, read, acknowledgedWhenDone);
            try {
                new WorkerThreads("bench-producer", 1, id -> {
                    BatchProducer producer = new BatchProducer(session.newClient(), session.stream(), id,
                            requestRecords, recordBytes, putMeter, ledger, api);
                    try {
                        produce(producer, window, requestRecords);
                    } finally {
                        producer.close();
                        acknowledgedWhenDone.set(ledger.acknowledged());
                    }
                }).start().join();
                if (fanOut) {
                    awaitReads(read, acknowledgedWhenDone.get());
                }
            } finally {
                fanOutReaders.forEach(FanOutReader::stop);
            }
            consumers.join();
            progress.stop();
            DeliveryLedger.Verification verification = ledger.verify();
            return session.finish(parameters(api, requestRecords, fanOut), timing.durationSeconds,
                    fanOut ? "put-to-receive" : "put-to-read",
                    readMeter.report(timing.durationSeconds), putMeter.report(timing.durationSeconds), verification,
                    fanOut ? subscriptions.report() : null,
                    verification.passed() ? BenchReport.OK : BenchReport.VERIFICATION_FAILED);
        }
    }

    /** Registers the run's consumer and opens a subscription from LATEST to every shard. */
    private List<FanOutReader> subscribe(BenchSession session, List<String> shardIds, DeliveryLedger ledger,
            SubscriptionCounters subscriptions) {
        String consumerArn = session.registerConsumer();
        long maxSubscriptionNanos = maxSubscriptionSeconds == null ? Long.MAX_VALUE
                : TimeUnit.SECONDS.toNanos(maxSubscriptionSeconds);
        List<FanOutReader> readers = new ArrayList<>();
        try {
            for (String shardId : shardIds) {
                FanOutReader reader = new FanOutReader(session.newClient(), consumerArn, shardId,
                        ledger.shardLog(shardId), subscriptions, maxSubscriptionNanos);
                readers.add(reader);
                reader.subscribe();
            }
        } catch (RuntimeException e) {
            readers.forEach(FanOutReader::stop);
            throw e;
        }
        return readers;
    }

    /** Starts one polling reader per shard, each stopping once everything acknowledged was read. */
    private WorkerThreads poll(BenchSession session, List<String> shardIds, DeliveryLedger ledger, Meter readMeter,
            ShardReader.RecordListener listener, AtomicLong read, AtomicLong acknowledgedWhenDone) {
        return new WorkerThreads("bench-consumer", shardIds.size(), index -> {
            String shardId = shardIds.get(index);
            ShardReader reader = new ShardReader(session.newClient(), session.stream(), shardId,
                    ledger.shardLog(shardId), readMeter, listener);
            try {
                consume(reader, read, acknowledgedWhenDone);
            } finally {
                reader.close();
            }
        }).start();
    }

    /** Sends a request at each scheduled time until the window ends, stamping records with that time. */
    private void produce(BatchProducer producer, MeasurementWindow window, int requestRecords) {
        double intervalNanos = TimeUnit.SECONDS.toNanos(1) * (double) requestRecords / rate;
        for (long batch = 0; ; batch++) {
            long scheduled = window.startNanos() + (long) (batch * intervalNanos);
            if (!window.running(scheduled)) {
                return;
            }
            for (long wait = scheduled - System.nanoTime(); wait > 0; wait = scheduled - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            producer.sendNew(requestRecords, scheduled);
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

    /** Waits, once the producer is done, until everything acknowledged was received or receiving goes idle. */
    private void awaitReads(AtomicLong read, long acknowledged) {
        long idleTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(idleTimeoutMillis);
        long lastProgress = System.nanoTime();
        long lastRead = read.get();
        while (lastRead < acknowledged) {
            BenchSession.sleepMillis(5);
            long now = System.nanoTime();
            long current = read.get();
            if (current != lastRead) {
                lastRead = current;
                lastProgress = now;
            } else if (now - lastProgress > idleTimeoutNanos) {
                return;
            }
        }
    }

    private Map<String, Object> parameters(PutApi api, int requestRecords, boolean fanOut) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("consumer", fanOut ? FAN_OUT : POLLING);
        p.put("rate", rate);
        p.put("putApi", api.optionValue());
        p.put("batchSize", requestRecords);
        p.put("recordBytes", recordBytes);
        p.put("shards", shards);
        if (fanOut) {
            p.put("maxSubscriptionSeconds", maxSubscriptionSeconds);
        } else {
            p.put("pollIntervalMillis", pollIntervalMillis);
        }
        p.put("durationSeconds", timing.durationSeconds);
        p.put("warmupSeconds", timing.warmupSeconds);
        return p;
    }
}
