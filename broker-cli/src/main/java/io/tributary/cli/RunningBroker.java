package io.tributary.cli;

import io.tributary.core.Broker;
import io.tributary.core.BrokerConfig;
import io.tributary.http.KinesisHttpServer.HttpServerConfig;
import io.tributary.http.KinesisHttpServer;
import io.tributary.storage.StreamStore;
import io.tributary.storage.rocksdb.RocksDbStoreConfig;
import io.tributary.storage.rocksdb.RocksDbStreamStore;
import java.net.URI;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A broker that is serving: the store, the domain over it, the HTTP server in front, and a
 * background task that forgets deleted streams once their DELETING period is over.
 *
 * <p>{@link #close()} stops them in the reverse order: the cleanup task, then the server (no new
 * requests), then the store (flushed and released).
 *
 * <p>Thread-safe: {@link #close()} may race with itself (a signal during a failing start-up)
 * and runs once.
 */
final class RunningBroker implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RunningBroker.class);
  /** How often deleted streams are looked for; lookups hide them on time regardless. */
  private static final long CLEANUP_PERIOD_SECONDS = 5;

  private final StreamStore store;
  private final KinesisHttpServer server;
  private final ScheduledExecutorService cleanup;
  private final long startMillis;
  private final CountDownLatch closed = new CountDownLatch(1);
  private boolean closing; // guarded by this

  private RunningBroker(StreamStore store, KinesisHttpServer server, ScheduledExecutorService cleanup, long startMillis) {
    this.store = store;
    this.server = server;
    this.cleanup = cleanup;
    this.startMillis = startMillis;
  }

  /** Opens the store, builds the broker and starts listening; undoes what it did on failure. */
  static RunningBroker start(
      RocksDbStoreConfig storeConfig, BrokerConfig brokerConfig, HttpServerConfig httpConfig, Clock clock) {
    long startNanos = System.nanoTime();
    StreamStore store = RocksDbStreamStore.open(storeConfig);
    try {
      Broker broker = new Broker(store, brokerConfig, clock);
      KinesisHttpServer server = KinesisHttpServer.start(httpConfig, broker);
      ScheduledExecutorService cleanup = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "tributary-stream-cleanup");
        thread.setDaemon(true);
        return thread;
      });
      cleanup.scheduleWithFixedDelay(
          () -> removeExpiredStreams(broker), CLEANUP_PERIOD_SECONDS, CLEANUP_PERIOD_SECONDS, TimeUnit.SECONDS);
      long startMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
      return new RunningBroker(store, server, cleanup, startMillis);
    } catch (RuntimeException | Error e) {
      store.close();
      throw e;
    }
  }

  private static void removeExpiredStreams(Broker broker) {
    try {
      broker.removeExpiredStreams();
    } catch (RuntimeException e) {
      // A failed cleanup is retried next period; the scheduler would stop repeating on a throw.
      log.warn("Removing expired streams failed; will retry", e);
    }
  }

  /** Where clients send requests: {@code http://HOST:PORT} with the port actually bound. */
  URI endpoint() {
    String host = server.host();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return URI.create("http://" + host + ":" + server.port());
  }

  /** How long {@link #start} took: opening the store and binding the port. */
  long startMillis() {
    return startMillis;
  }

  /** Blocks until {@link #close()} has finished. */
  void awaitClosed() {
    try {
      closed.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    synchronized (this) {
      if (closing) {
        return;
      }
      closing = true;
    }
    try {
      cleanup.shutdownNow();
      server.close();
    } finally {
      store.close();
      closed.countDown();
    }
  }

  /**
   * Closes, then ends the process with exit code 0, or 1 if closing failed; for the shutdown hook.
   *
   * <p>The JVM would otherwise exit with 128 + the signal number (143 for SIGTERM) even after a
   * clean stop. SIGTERM and Ctrl-C are the normal way to stop a server, so a clean stop reports
   * success.
   */
  void stopAndHalt() {
    int status = 0;
    try {
      log.info("Stopping");
      close();
      log.info("Stopped");
    } catch (RuntimeException | Error e) {
      log.error("Stopping failed", e);
      status = 1;
    }
    Runtime.getRuntime().halt(status);
  }
}
