package io.tributary.clients;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A long-running program started by a test (a Tributary server, dynalite) that is ready once
 * it has printed a line matching a pattern to standard output.
 *
 * <p>Standard output and standard error are drained by two daemon threads, so the program never
 * blocks on a full pipe, and their last lines are kept for failure messages. {@link #close()}
 * always leaves no process behind; a JVM shutdown hook kills it too if the test JVM exits first.
 *
 * <p>Confined to the thread that started it, except {@link #output()}, which is thread-safe.
 */
final class ChildProcess implements AutoCloseable {
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);

  private final String name;
  private final Process process;
  private final OutputLines stdout;
  private final OutputLines stderr;
  private Thread killOnExit;

  private ChildProcess(String name, Process process) {
    this.name = name;
    this.process = process;
    this.stdout = OutputLines.drain(process.getInputStream(), name + "-stdout");
    this.stderr = OutputLines.drain(process.getErrorStream(), name + "-stderr");
    this.killOnExit = new Thread(process::destroyForcibly, "kill-" + name + "-" + process.pid());
    Runtime.getRuntime().addShutdownHook(killOnExit);
  }

  /**
   * Starts {@code command} and waits until it prints a line matching {@code ready}; kills it and
   * fails if it does not within {@code startTimeout}.
   *
   * @return the process and the match of its ready line
   */
  static Started start(String name, List<String> command, Pattern ready, Duration startTimeout) {
    Process process;
    try {
      process = new ProcessBuilder(command).start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command, e);
    }
    ChildProcess child = new ChildProcess(name, process);
    try {
      String line = child.stdout.firstMatch(ready).get(startTimeout.toMillis(), TimeUnit.MILLISECONDS);
      Matcher matcher = ready.matcher(line);
      if (!matcher.matches()) {
        throw new AssertionError("unexpected ready line from " + name + ": " + line);
      }
      return new Started(child, matcher);
    } catch (TimeoutException | ExecutionException e) {
      child.close();
      throw new AssertionError(name + " was not ready within " + startTimeout + " (exit code "
          + (process.isAlive() ? "none" : process.exitValue()) + ")\n" + child.output(), e);
    } catch (InterruptedException e) {
      child.close();
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while starting " + name, e);
    }
  }

  /** A process that printed its ready line, and that line matched against the ready pattern. */
  record Started(ChildProcess process, Matcher readyLine) {}

  /** Every line printed so far, for assertion messages. */
  String output() {
    return name + " stdout:\n" + stdout.text() + "\n" + name + " stderr:\n" + stderr.text();
  }

  /** The last lines printed to standard output so far. */
  List<String> stdoutLines() {
    return stdout.lines();
  }

  /** Kills the process if it is still running and waits for it to die. Safe to call more than once. */
  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
      try {
        if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
          throw new AssertionError(name + " survived SIGKILL for " + STOP_TIMEOUT);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (killOnExit != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(killOnExit);
      } catch (IllegalStateException e) {
        // The test JVM is exiting and the hook is running: nothing to remove.
      }
      killOnExit = null;
    }
  }
}
