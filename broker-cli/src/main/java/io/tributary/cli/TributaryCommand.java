package io.tributary.cli;

import picocli.CommandLine.Command;

/**
 * The top-level {@code tributary} command. It does nothing by itself: picocli reports a missing
 * subcommand, with usage, and exit code 2. {@link Main} adds the subcommands ({@code serve},
 * {@code bench}, the hidden {@code train-startup}).
 */
@Command(
    name = "tributary",
    description = "A durable, self-hosted, Kinesis-compatible stream broker.",
    mixinStandardHelpOptions = true,
    versionProvider = TributaryVersion.class)
final class TributaryCommand {}
