package io.tributary.clients;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * dynalite, a DynamoDB stand-in, holding the KCL's lease, coordinator-state and worker-metrics
 * tables in memory for one test class: {@code node dynalite-server.mjs} on a port the system
 * chooses, tables ACTIVE as soon as they are created.
 *
 * <p>dynalite accepts but ignores a global secondary index added by UpdateTable, so a table that
 * needs one (KCL 3.x's lease table) must be created with it.
 *
 * <p>Confined to the test thread.
 */
public final class DynaliteProcess implements AutoCloseable {
  private static final Pattern READY = Pattern.compile("Dynalite listening on (http://\\S+)");
  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

  private final ChildProcess process;
  private final URI endpoint;

  private DynaliteProcess(ChildProcess process, URI endpoint) {
    this.process = process;
    this.endpoint = endpoint;
  }

  /** Starts dynalite and waits until it listens. */
  public static DynaliteProcess start(Node node) {
    ChildProcess.Started started = ChildProcess.start(
        "dynalite", node.command("dynalite-server.mjs", List.of()), READY, START_TIMEOUT);
    return new DynaliteProcess(started.process(), URI.create(started.readyLine().group(1)));
  }

  /** Where DynamoDB clients send requests, for example {@code http://127.0.0.1:40125}. */
  public URI endpoint() {
    return endpoint;
  }

  /** What dynalite printed so far, for assertion messages. */
  public String output() {
    return process.output();
  }

  /** Kills dynalite, and every table with it. Safe to call more than once. */
  @Override
  public void close() {
    process.close();
  }
}
