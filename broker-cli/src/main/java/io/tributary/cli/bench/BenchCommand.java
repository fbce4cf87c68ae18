package io.tributary.cli.bench;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code tributary bench}: a load generator for any Kinesis-compatible endpoint, in the manner of
 * kafka-producer-perf-test or redis-benchmark. Each scenario is a subcommand; run without one, it
 * prints the usage.
 *
 * <p>The client is written for the job, not taken from the AWS SDK: one blocking HTTP/1.1
 * connection per worker, real SigV4 signatures, JSON or CBOR bodies written and read with
 * Jackson's streaming API. Exit codes: 0 ok, 1 verification failed, 2 bad usage, 3 the run failed.
 *
 * <p>Confined to the thread picocli calls it on.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark any Kinesis-compatible endpoint.",
        subcommands = {PutCommand.class, PutLatencyCommand.class, GetCommand.class, EndToEndCommand.class})
public final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(System.err);
        return Scenarios.USAGE;
    }
}
