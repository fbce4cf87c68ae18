package io.tributary.cli.bench;

import java.util.concurrent.Callable;

/**
 * What the scenario commands share besides the session: argument checks, and turning a run that
 * could not start or went wrong outside the measurement into a message and an exit code.
 * Stateless.
 */
final class Scenarios {

    /** Exit code of a bad option value, as picocli uses for its own usage errors. */
    static final int USAGE = 2;
    /** Exit code of a run that failed: endpoint unreachable, stream not creatable, ... */
    static final int FAILED = 3;

    private Scenarios() {
    }

    /** Rejects an option value; {@link #run} turns this into a message and {@link #USAGE}. */
    static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /** Runs a scenario body, mapping bad options to {@link #USAGE} and request failures to {@link #FAILED}. */
    static int run(String scenario, Callable<Integer> body) throws Exception {
        try {
            return body.call();
        } catch (IllegalArgumentException e) {
            System.err.println("[" + scenario + "] " + e.getMessage());
            return USAGE;
        } catch (RequestFailedException e) {
            System.err.println("[" + scenario + "] failed: " + e.getMessage());
            return FAILED;
        }
    }
}
