package io.tributary.cli;

import io.tributary.cli.bench.BenchCommand;
import picocli.CommandLine.Command;

/**
 * The top-level {@code tributary} command. It does nothing by itself: picocli reports a missing
 * subcommand, with usage, and exit code 2.
 */
@Command(
    name = "tributary",
    description = "A durable, self-hosted, Kinesis-compatible stream broker.",
    mixinStandardHelpOptions = true,
    versionProvider = TributaryVersion.class,
    subcommands = {ServeCommand.class, BenchCommand.class})
final class TributaryCommand {}
