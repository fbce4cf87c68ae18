package io.tributary.clients;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Node.js and the npm packages the client tests use, installed by {@code npm ci} in
 * {@code integration-clients/node} from its committed {@code package-lock.json}: by {@code
 * .ci/run}, or by the first test that needs them.
 *
 * <p>Immutable; thread-safe.
 */
public final class Node {
  private static final int MINIMUM_MAJOR_VERSION = 20;

  private final Path directory;

  private Node(Path directory) {
    this.directory = directory;
  }

  /**
   * The node runtime, or a skipped test (a JUnit assumption, the reason printed) when no Node.js
   * 20 or later is on the PATH. Installs the npm packages if they are missing.
   *
   * @param testName named in the printed reason
   */
  public static Node require(String testName) {
    String version = version();
    boolean usable = version != null && majorVersion(version) >= MINIMUM_MAJOR_VERSION;
    if (!usable) {
      String reason = version == null
          ? "node is not on the PATH"
          : "node " + version + " is older than " + MINIMUM_MAJOR_VERSION;
      System.out.println(testName + " skipped: " + reason);
      assumeTrue(false, reason);
    }
    String property = System.getProperty("tributary.node.dir");
    if (property == null) {
      throw new IllegalStateException("system property tributary.node.dir is not set; run the tests with Maven");
    }
    Path directory = Path.of(property).toAbsolutePath().normalize();
    installPackages(directory);
    return new Node(directory);
  }

  /**
   * Runs {@code npm ci} from the committed lock file if the packages are not installed yet, so
   * {@code ./mvnw verify} works on a fresh checkout (the npm registry is reachable wherever the
   * tests run); {@code .ci/run} installs them beforehand anyway.
   */
  private static synchronized void installPackages(Path directory) {
    if (Files.isDirectory(directory.resolve("node_modules"))) {
      return;
    }
    ExternalCommand npm = ExternalCommand.run(
        List.of("npm", "ci", "--prefix", directory.toString(), "--no-audit", "--no-fund"),
        Map.of(), Duration.ofMinutes(5));
    if (npm.exitCode() != 0) {
      throw new IllegalStateException("npm ci --prefix " + directory + " failed (exit " + npm.exitCode()
          + "):\n" + npm.stderr());
    }
  }

  /** {@code integration-clients/node}: the scripts, package.json and node_modules. */
  public Path directory() {
    return directory;
  }

  /** The command that runs {@code script} (a file in {@link #directory()}) with {@code args}. */
  public List<String> command(String script, List<String> args) {
    Path file = directory.resolve(script);
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(file + " does not exist");
    }
    List<String> command = new ArrayList<>(List.of("node", file.toString()));
    command.addAll(args);
    return command;
  }

  /** Runs {@code script} with {@code args} to completion. */
  public ExternalCommand run(String script, List<String> args, Map<String, String> environment, Duration timeout) {
    return ExternalCommand.run(command(script, args), environment, timeout);
  }

  private static String version() {
    try {
      ExternalCommand result = ExternalCommand.run(List.of("node", "--version"), Map.of(), Duration.ofSeconds(30));
      return result.exitCode() == 0 ? result.stdout().strip() : null;
    } catch (UncheckedIOException e) {
      return null;
    }
  }

  /** 20 for {@code v20.20.2}. */
  private static int majorVersion(String version) {
    String digits = version.startsWith("v") ? version.substring(1) : version;
    int dot = digits.indexOf('.');
    try {
      return Integer.parseInt(dot < 0 ? digits : digits.substring(0, dot));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
