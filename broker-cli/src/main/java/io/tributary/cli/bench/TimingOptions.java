package io.tributary.cli.bench;

import picocli.CommandLine.Option;

/**
 * How long a timed scenario runs: a warm-up whose samples are discarded, then the measured span.
 * A picocli mixin, read only by its command's thread.
 */
final class TimingOptions {

    @Option(names = {"--duration-seconds", "--duration", "-t"}, defaultValue = "30",
            description = "Measured seconds, after the warm-up (default: ${DEFAULT-VALUE}).")
    int durationSeconds;

    @Option(names = "--warmup-seconds", defaultValue = "5",
            description = "Seconds run before measuring starts (default: ${DEFAULT-VALUE}).")
    int warmupSeconds;

    void validate() {
        Scenarios.require(durationSeconds >= 1, "--duration-seconds must be at least 1");
        Scenarios.require(warmupSeconds >= 0, "--warmup-seconds must not be negative");
    }
}
