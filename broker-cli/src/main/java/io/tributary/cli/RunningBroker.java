package io.tributary.cli;

import io.tributary.core.Broker;
import io.tributary.core.BrokerConfig;
import io.tributary.http.KinesisHttpServer.HttpServerConfig;
import io.tributary.http.KinesisHttpServer;
import io.tributary.http.auth.AccountResolver;
import io.tributary.http.validation.ModelValidator;
import io.tributary.storage.StreamStore;
import io.tributary.storage.rocksdb.NativeLibraryCache;
import io.tributary.storage.rocksdb.RocksDbStoreConfig;
import io.tributary.storage.rocksdb.RocksDbStreamStore;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A broker that is serving: the store, the domain over it, the HTTP server in front, and a
 * background task for the broker's upkeep ({@link Broker#runMaintenance()}: forgetting deleted
 * streams, enforcing retention).
 *
 * <p>{@link #close()} stops them in the reverse order: the maintenance task, then the server (no
 * new requests), then the store (flushed and released).
 *
 * <p>Thread-safe: {@link #close()} may race with itself (a signal during a failing start-up)
 * and runs once.
 */
final class RunningBroker implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RunningBroker.class);
  /** How often maintenance runs; lookups hide deleted streams and expired records on time regardless. */
  private static final long MAINTENANCE_PERIOD_SECONDS = 5;
  private static final long MAINTENANCE_STOP_SECONDS = 10;

  private final StreamStore store;
  private final KinesisHttpServer server;
  private final ScheduledExecutorService maintenance;
  private final long startMillis;
  private final CountDownLatch closed = new CountDownLatch(1);
  private boolean closing; // guarded by this

  private RunningBroker(
      StreamStore store, KinesisHttpServer server, ScheduledExecutorService maintenance, long startMillis) {
    this.store = store;
    this.server = server;
    this.maintenance = maintenance;
    this.startMillis = startMillis;
  }

  /**
   * Loads RocksDB's native library (through the cache in {@code nativeLibraryCacheDir}), opens the
   * store, builds the broker and starts listening; undoes what it did on failure.
   *
   * <p>The request validator's model is read and compiled on a thread of its own meanwhile
   * (about 40 ms of CPU that does not depend on the store), and joined before the server starts.
   */
  static RunningBroker start(
      RocksDbStoreConfig storeConfig, BrokerConfig brokerConfig, HttpServerConfig httpConfig,
      AccountResolver accounts, Clock clock, Path nativeLibraryCacheDir) {
    long startNanos = System.nanoTime();
    FutureTask<ModelValidator> validator = new FutureTask<>(ModelValidator::load);
    Thread loader = new Thread(validator, "tributary-model-loader");
    loader.setDaemon(true);
    loader.start();
    new NativeLibraryCache(nativeLibraryCacheDir).load();
    StreamStore store = RocksDbStreamStore.open(storeConfig);
    try {
      Broker broker = new Broker(store, brokerConfig, clock);
      KinesisHttpServer server = KinesisHttpServer.start(httpConfig, broker, join(validator), accounts);
      ScheduledExecutorService maintenance = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "tributary-maintenance");
        thread.setDaemon(true);
        return thread;
      });
      maintenance.scheduleWithFixedDelay(
          () -> runMaintenance(broker), MAINTENANCE_PERIOD_SECONDS, MAINTENANCE_PERIOD_SECONDS, TimeUnit.SECONDS);
      long startMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
      return new RunningBroker(store, server, maintenance, startMillis);
    } catch (Throwable e) { // also Netty's BindException, which it throws undeclared
      store.close();
      throw e;
    }
  }

  /** The validator, or what loading it threw. */
  private static ModelValidator join(FutureTask<ModelValidator> validator) {
    try {
      return validator.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException("cannot load the request validator", cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while loading the request validator", e);
    }
  }

  private static void runMaintenance(Broker broker) {
    try {
      broker.runMaintenance();
    } catch (RuntimeException e) {
      // Retried next period; the scheduler would stop repeating the task if it threw.
      log.warn("Maintenance failed; will retry", e);
    }
  }

  /** Where clients send requests: {@code http://HOST:PORT} with the port actually bound. */
  URI endpoint() {
    return URI.create("http://" + hostForUri() + ":" + server.port());
  }

  /** Where TLS clients send requests, if a TLS port is open: {@code https://HOST:PORT}. */
  Optional<URI> tlsEndpoint() {
    OptionalInt tls = server.tlsPort();
    return tls.isPresent() ? Optional.of(URI.create("https://" + hostForUri() + ":" + tls.getAsInt()))
        : Optional.empty();
  }

  private String hostForUri() {
    String host = server.host();
    return host.contains(":") ? "[" + host + "]" : host;
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
      stopMaintenance();
      server.close();
    } finally {
      store.close();
      closed.countDown();
    }
  }

  /** Lets a maintenance run in progress finish, so it does not race the store's close. */
  private void stopMaintenance() {
    maintenance.shutdown();
    try {
      if (!maintenance.awaitTermination(MAINTENANCE_STOP_SECONDS, TimeUnit.SECONDS)) {
        log.warn("Maintenance still running after {} s; closing anyway", MAINTENANCE_STOP_SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
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
