package io.tributary.cli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What every scenario does around its measurement: create the stream (or reuse it) and wait for
 * it to be ACTIVE, register an enhanced fan-out consumer if asked and wait for it to be ACTIVE,
 * hand out clients, deregister the consumer and delete the stream it created, and print and write
 * the report.
 *
 * <p>Confined to the scenario's command thread; the clients it hands out belong to their workers.
 */
final class BenchSession implements AutoCloseable {

    private static final long ACTIVE_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(120);

    private final String scenario;
    private final CommonOptions options;
    private final ClientSettings settings;
    private final String stream;
    private final PrintStream out;
    private final PrintStream err;
    private final Instant startTime = Instant.now();
    private final long startCpuNanos = processCpuNanos();
    private boolean created;
    private String streamArn;
    private String consumerArn;

    BenchSession(String scenario, CommonOptions options, PrintStream out, PrintStream err) {
        this.scenario = scenario;
        this.options = options;
        this.settings = options.clientSettings();
        this.stream = options.stream != null ? options.stream
                : "tributary-bench-" + scenario + "-" + Long.toString(System.currentTimeMillis(), 36);
        this.out = out;
        this.err = err;
    }

    String stream() {
        return stream;
    }

    PrintStream err() {
        return err;
    }

    KinesisClient newClient() {
        return new KinesisClient(settings);
    }

    /**
     * Creates the stream with {@code shardCount} shards unless it exists, waits until it is ACTIVE
     * and returns its open shards in the server's order.
     */
    List<String> openStream(int shardCount) {
        try (KinesisClient client = newClient()) {
            try {
                client.createStream(stream, shardCount);
                created = true;
            } catch (RequestFailedException e) {
                if (!"ResourceInUseException".equals(e.errorType())) {
                    throw e;
                }
                err.println("[" + scenario + "] stream " + stream + " exists; using it as it is");
            }
            long deadline = System.nanoTime() + ACTIVE_TIMEOUT_NANOS;
            while (true) {
                List<String> shards = activeShards(client);
                if (shards != null) {
                    if (shards.size() != shardCount) {
                        err.println("[" + scenario + "] stream " + stream + " has " + shards.size()
                                + " open shards, not " + shardCount);
                    }
                    return shards;
                }
                if (System.nanoTime() > deadline) {
                    throw new RequestFailedException("StreamNotActive", 0,
                            "stream " + stream + " not ACTIVE after 120 s", null);
                }
                sleepMillis(50);
            }
        }
    }

    /**
     * Registers an enhanced fan-out consumer of the stream {@link #openStream} opened, named
     * {@code tributary-bench-<time>}, and waits until it is ACTIVE (polling DescribeStreamConsumer).
     * It is deregistered when the session closes.
     *
     * @return its ConsumerARN
     */
    String registerConsumer() {
        if (streamArn == null) {
            throw new RequestFailedException("MissingStreamARN", 0,
                    "DescribeStream gave no StreamARN for " + stream + ", which RegisterStreamConsumer needs", null);
        }
        String name = "tributary-bench-" + Long.toString(System.currentTimeMillis(), 36);
        try (KinesisClient client = newClient()) {
            KinesisResponses.ConsumerDescription consumer = client.registerStreamConsumer(streamArn, name);
            if (consumer.consumerArn() == null) {
                throw new RequestFailedException("MissingConsumerARN", 200,
                        "RegisterStreamConsumer gave no ConsumerARN", null);
            }
            consumerArn = consumer.consumerArn();
            long deadline = System.nanoTime() + ACTIVE_TIMEOUT_NANOS;
            while (!"ACTIVE".equals(consumer.status())) {
                if (System.nanoTime() > deadline) {
                    throw new RequestFailedException("ConsumerNotActive", 0,
                            "consumer " + consumerArn + " not ACTIVE after 120 s", null);
                }
                sleepMillis(50);
                consumer = client.describeStreamConsumer(consumerArn);
            }
            return consumerArn;
        }
    }

    /**
     * Deregisters the consumer this session registered, then deletes the stream if this run
     * created it and it is not to be kept; failures are only reported.
     */
    @Override
    public void close() {
        if (consumerArn != null) {
            try (KinesisClient client = newClient()) {
                client.deregisterStreamConsumer(consumerArn);
            } catch (RequestFailedException e) {
                err.println("[" + scenario + "] could not deregister consumer " + consumerArn + ": " + e.getMessage());
            }
        }
        if (!created || options.keepStream) {
            return;
        }
        try (KinesisClient client = newClient()) {
            client.deleteStream(stream);
        } catch (RequestFailedException e) {
            err.println("[" + scenario + "] could not delete stream " + stream + ": " + e.getMessage());
        }
    }

    /** Prints the summary, writes {@code --json-out} if asked, and returns the exit code. */
    int finish(Map<String, Object> parameters, double measuredSeconds, String latencyKind, MeterReport main,
            MeterReport producer, DeliveryLedger.Verification verification, String outcome) {
        return finish(parameters, measuredSeconds, latencyKind, main, producer, verification, null, outcome);
    }

    /** As {@link #finish}, for a run whose consumers used enhanced fan-out subscriptions. */
    int finish(Map<String, Object> parameters, double measuredSeconds, String latencyKind, MeterReport main,
            MeterReport producer, DeliveryLedger.Verification verification,
            SubscriptionCounters.Report subscriptions, String outcome) {
        BenchReport report = new BenchReport(scenario, settings.endpoint(),
                settings.encoding().name().toLowerCase(Locale.ROOT), stream, parameters, startTime.toString(),
                Instant.now().toString(), measuredSeconds, latencyKind, main.throughput(), main.latency(),
                main.errors(), producer, verification, subscriptions,
                (processCpuNanos() - startCpuNanos) / 1e9, outcome);
        out.print(ReportText.of(report));
        out.flush();
        if (options.jsonOut != null) {
            try {
                Path parent = options.jsonOut.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValue(options.jsonOut.toFile(), report);
            } catch (IOException e) {
                err.println("[" + scenario + "] could not write " + options.jsonOut + ": " + e.getMessage());
                return Scenarios.FAILED;
            }
        }
        return report.exitCode();
    }

    static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The open shards once the stream is ACTIVE, or null while it is not. */
    private List<String> activeShards(KinesisClient client) {
        List<String> shards = new ArrayList<>();
        String after = null;
        while (true) {
            KinesisResponses.StreamPage page;
            try {
                page = client.describeStream(stream, after);
            } catch (RequestFailedException e) {
                if ("ResourceNotFoundException".equals(e.errorType())) {
                    return null;
                }
                throw e;
            }
            if (!"ACTIVE".equals(page.status())) {
                return null;
            }
            if (page.streamArn() != null) {
                streamArn = page.streamArn();
            }
            shards.addAll(page.openShardIds());
            if (!page.hasMoreShards() || page.lastShardId() == null) {
                return shards;
            }
            after = page.lastShardId();
        }
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }
}
