package io.tributary.cli.bench;

import picocli.CommandLine;

/**
 * Runs {@code bench} on its own, without the {@code tributary} launcher:
 * {@code java -cp tributary.jar io.tributary.cli.bench.BenchMain put --endpoint ...}.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchCommand()).execute(args));
    }
}
