package io.tributary.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.tributary.clients.ExternalCommand;
import io.tributary.clients.OutputLines;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code tributary serve} process started from the shaded jar, as a user would run it, on a
 * free port ({@code --port 0}) and a data directory of the test's choosing.
 *
 * <p>It is ready once it has printed {@code Tributary listening on http://HOST:PORT} to standard
 * output; {@link #endpoint()} is that address. Standard output and standard error are drained
 * by two daemon threads so the server never blocks on a full pipe, and kept for failure
 * messages. {@link #kill9()} kills it without warning (SIGKILL), {@link #restart()} starts it
 * again on the same data directory, and {@link #close()} always leaves no process behind: a JVM
 * shutdown hook kills it too if the test JVM exits first.
 *
 * <p>Confined to the test thread.
 */
final class TributaryProcess implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("Tributary listening on (http://\\S+)");
  private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);
  /** Lines kept per stream for failure messages. */

  private final List<String> serveArgs;
  private Process process;
  private Thread killOnExit;
  private OutputLines stdout;
  private OutputLines stderr;
  private URI endpoint;

  private TributaryProcess(List<String> serveArgs) {
    this.serveArgs = serveArgs;
  }

  /**
   * Starts a server on a free port with 50 ms stream create and delete delays, and waits until
   * it listens.
   *
   * @param extraArgs more {@code serve} flags, such as {@code --durability fsync}
   */
  static TributaryProcess start(Path dataDir, String... extraArgs) {
    return start(dataDir, Duration.ofMillis(50), extraArgs);
  }

  /**
   * Starts a server on a free port whose streams stay CREATING, and UPDATING after a reshard,
   * for {@code createStreamDelay}, with a 50 ms delete delay, and waits until it listens.
   *
   * @param extraArgs more {@code serve} flags, such as {@code --durability fsync}
   */
  static TributaryProcess start(Path dataDir, Duration createStreamDelay, String... extraArgs) {
    List<String> args = new ArrayList<>(List.of(
        "serve", "--port", "0", "--data-dir", dataDir.toString(),
        "--create-stream-delay-ms", Long.toString(createStreamDelay.toMillis()), "--delete-stream-delay-ms", "50"));
    args.addAll(List.of(extraArgs));
    TributaryProcess server = new TributaryProcess(List.copyOf(args));
    server.launch();
    return server;
  }

  /**
   * Runs {@code java -jar tributary.jar ARGS} to completion, for commands that exit by
   * themselves: help, bad flags, start-up failures.
   */
  static ExternalCommand runToExit(String... args) {
    return ExternalCommand.run(javaCommand(List.of(args)), Map.of(), Duration.ofSeconds(30));
  }

  /** Where clients send requests, for example {@code http://127.0.0.1:40123}. */
  URI endpoint() {
    return endpoint;
  }

  /** What the server printed so far, for assertion messages. */
  String output() {
    return "stdout:\n" + stdout.text() + "\nstderr:\n" + stderr.text();
  }

  boolean isRunning() {
    return process.isAlive();
  }

  /** Every line printed to standard output so far. */
  List<String> stdoutLines() {
    return stdout.lines();
  }

  /** Kills the server with SIGKILL, as a crash or {@code kill -9} would, and waits for it to die. */
  void kill9() {
    process.destroyForcibly();
    int exitCode = awaitExit();
    assertFalse(process.isAlive(), "the server survived SIGKILL");
    assertEquals(128 + 9, exitCode, "exit code after SIGKILL\n" + output());
  }

  /**
   * Asks the server to stop with SIGTERM, as Ctrl-C or {@code docker stop} would, and returns its
   * exit code.
   */
  int stop() {
    process.destroy();
    return awaitExit();
  }

  /** Starts the server again, with the same flags and data directory, after it died. */
  void restart() {
    if (process.isAlive()) {
      throw new IllegalStateException("the server is still running");
    }
    launch();
  }

  /** Kills the server if it is still running. Safe to call more than once. */
  @Override
  public void close() {
    if (process == null) {
      return;
    }
    if (process.isAlive()) {
      process.destroyForcibly();
      awaitExit();
    }
    removeShutdownHook();
  }

  private void launch() {
    process = spawn(serveArgs);
    killOnExit = new Thread(process::destroyForcibly, "kill-tributary-" + process.pid());
    Runtime.getRuntime().addShutdownHook(killOnExit);
    stdout = OutputLines.drain(process.getInputStream(), "tributary-stdout");
    stderr = OutputLines.drain(process.getErrorStream(), "tributary-stderr");
    try {
      String line = stdout.firstMatch(LISTENING).get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      Matcher m = LISTENING.matcher(line);
      if (!m.matches()) {
        throw new AssertionError("unexpected start-up line: " + line);
      }
      endpoint = URI.create(m.group(1));
    } catch (TimeoutException | ExecutionException e) {
      close();
      throw new AssertionError("the server did not start within " + START_TIMEOUT
          + " (exit code " + (process.isAlive() ? "none" : process.exitValue()) + ")\n" + output(), e);
    } catch (InterruptedException e) {
      close();
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while starting the server", e);
    }
  }

  private int awaitExit() {
    try {
      if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        throw new AssertionError("the server did not exit within " + STOP_TIMEOUT + "\n" + output());
      }
      stdout.awaitEnd();
      stderr.awaitEnd();
      return process.exitValue();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for the server to exit", e);
    } finally {
      removeShutdownHook();
    }
  }

  private void removeShutdownHook() {
    if (killOnExit != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(killOnExit);
      } catch (IllegalStateException e) {
        // The test JVM is exiting and the hook is running: nothing to remove.
      }
      killOnExit = null;
    }
  }

  private static Process spawn(List<String> args) {
    List<String> command = javaCommand(args);
    try {
      return new ProcessBuilder(command).start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command, e);
    }
  }

  private static List<String> javaCommand(List<String> args) {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-XX:+UseSerialGC", "-jar", jar().toString()));
    command.addAll(args);
    return command;
  }

  private static Path jar() {
    String property = System.getProperty("tributary.jar");
    if (property == null) {
      throw new IllegalStateException("system property tributary.jar is not set; run the tests with Maven");
    }
    Path jar = Path.of(property);
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " does not exist; build it first: ./mvnw -pl broker-cli -am package");
    }
    return jar;
  }
}
