package io.tributary.clients;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * The last lines of one output stream of a child process, read to its end by a daemon thread so
 * the process never blocks on a full pipe; kept for readiness checks and failure messages.
 *
 * <p>Shared by this harness's {@code ChildProcess} and integration-tests' {@code TributaryProcess}.
 * Thread-safe.
 */
public final class OutputLines {
  /** Lines kept for failure messages. */
  private static final int KEPT_LINES = 400;

  private final List<String> lines = new ArrayList<>(); // guarded by this
  private final CompletableFuture<Void> ended = new CompletableFuture<>();
  private Pattern wanted; // guarded by this
  private CompletableFuture<String> match; // guarded by this

  /** Starts a daemon thread named {@code threadName} reading {@code in} to its end. */
  public static OutputLines drain(InputStream in, String threadName) {
    OutputLines output = new OutputLines();
    Thread reader = new Thread(() -> output.readAll(in), threadName);
    reader.setDaemon(true);
    reader.start();
    return output;
  }

  private void readAll(InputStream in) {
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line; (line = reader.readLine()) != null; ) {
        add(line);
      }
    } catch (IOException e) {
      add("(reading failed: " + e + ")");
    } finally {
      synchronized (this) {
        if (match != null) {
          match.completeExceptionally(new IllegalStateException("output ended"));
        }
      }
      ended.complete(null);
    }
  }

  private synchronized void add(String line) {
    lines.add(line);
    if (lines.size() > KEPT_LINES) {
      lines.remove(0);
    }
    if (match != null && wanted.matcher(line).matches()) {
      match.complete(line);
    }
  }

  /** Completes with the first line, past or future, matching {@code pattern}. */
  public synchronized CompletableFuture<String> firstMatch(Pattern pattern) {
    wanted = pattern;
    match = new CompletableFuture<>();
    lines.stream().filter(l -> pattern.matcher(l).matches()).findFirst().ifPresent(match::complete);
    if (ended.isDone()) {
      match.completeExceptionally(new IllegalStateException("output ended"));
    }
    return match;
  }

  /** The last lines read so far. */
  public synchronized List<String> lines() {
    return List.copyOf(lines);
  }

  /** The last lines read so far, joined by newlines. */
  public synchronized String text() {
    return String.join("\n", lines);
  }

  /** Waits (briefly) for the stream to reach its end after the process exited. */
  public void awaitEnd() {
    try {
      ended.get(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // Keep what was read; the lines are only for assertions and messages.
    }
  }
}
