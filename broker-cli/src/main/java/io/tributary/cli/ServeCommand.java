package io.tributary.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.tributary.core.BrokerConfig;
import io.tributary.http.KinesisHttpServer.HttpServerConfig;
import io.tributary.storage.Durability;
import io.tributary.storage.StorageException;
import io.tributary.storage.rocksdb.RocksDbStoreConfig;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.BindException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code tributary serve}: opens the data directory, answers Kinesis requests over HTTP, and
 * stops cleanly on SIGTERM or Ctrl-C.
 *
 * <p>Once the server is listening it prints exactly one line to standard output, {@code
 * Tributary listening on http://HOST:PORT}, with the port actually bound (so {@code --port 0}
 * can be used by scripts and tests). Logs go to standard error. A start-up failure (a data
 * directory that cannot be opened, a port in use) is one line on standard error and exit code 1.
 *
 * <p>The flag names and defaults of {@code --host}, {@code --port} and {@code --data-dir} are a
 * contract: scripts, the Docker image and the README rely on them.
 *
 * <p>Confined to the main thread until {@link #call()} starts the server.
 */
@Command(
    name = "serve",
    description = {
      "Run the broker: open the data directory and answer Kinesis API requests over HTTP "
          + "until stopped with SIGTERM or Ctrl-C.",
      "Prints 'Tributary listening on http://HOST:PORT' to standard output once ready; "
          + "logs go to standard error."
    },
    mixinStandardHelpOptions = true,
    versionProvider = TributaryVersion.class,
    sortOptions = false,
    showDefaultValues = true)
final class ServeCommand implements Callable<Integer> {
  /** The exit code of a start-up failure, as opposed to picocli's 2 for bad arguments. */
  static final int START_FAILED = 1;
  private static final Set<String> LOG_LEVELS = Set.of("error", "warn", "info", "debug", "trace");

  @Spec private CommandSpec spec;

  private String host;
  private int port;
  private Path dataDir;
  private Durability durability;
  private String accountId;
  private String region;
  private Duration createStreamDelay;
  private Duration deleteStreamDelay;
  private int shardLimit;
  private int maxRequestBytes;
  private Level logLevel;

  @Option(
      names = "--host",
      order = 1,
      defaultValue = "127.0.0.1",
      paramLabel = "ADDRESS",
      description = "Address to listen on; 0.0.0.0 listens on every interface.")
  void host(String value) {
    if (value.isBlank()) {
      throw badValue("--host must not be empty");
    }
    host = value;
  }

  @Option(
      names = "--port",
      order = 2,
      defaultValue = "4567",
      paramLabel = "PORT",
      description = "TCP port to listen on; 0 picks a free port (the start-up line shows which).")
  void port(int value) {
    if (value < 0 || value > 65_535) {
      throw badValue("--port must be 0 to 65535, was " + value);
    }
    port = value;
  }

  @Option(
      names = "--data-dir",
      order = 3,
      defaultValue = "./data",
      paramLabel = "DIR",
      description = "Directory of the RocksDB files; created if missing. "
          + "One broker process per directory.")
  void dataDir(Path value) {
    dataDir = value;
  }

  @Option(
      names = "--durability",
      order = 4,
      defaultValue = "wal",
      paramLabel = "wal|fsync",
      description = "When a write is acknowledged. wal: once in the write-ahead log "
          + "(survives kill -9 of the broker, not power loss). fsync: once fsynced to disk "
          + "(survives power loss; concurrent writes share one fsync).")
  void durability(Durability value) {
    durability = value;
  }

  @Option(
      names = "--account-id",
      order = 5,
      defaultValue = "000000000000",
      paramLabel = "ID",
      description = "The 12-digit AWS account every request acts as, as seen in stream ARNs.")
  void accountId(String value) {
    if (!value.matches("\\d{12}")) {
      throw badValue("--account-id must be 12 digits, was '" + value + "'");
    }
    accountId = value;
  }

  @Option(
      names = "--region",
      order = 6,
      defaultValue = "us-east-1",
      paramLabel = "REGION",
      description = "Region of requests whose SigV4 credential scope names none; "
          + "otherwise each request's own region applies.")
  void region(String value) {
    if (!value.matches("[a-z0-9-]{1,32}")) {
      throw badValue("--region must look like us-east-1, was '" + value + "'");
    }
    region = value;
  }

  @Option(
      names = "--create-stream-delay-ms",
      order = 7,
      defaultValue = "500",
      paramLabel = "MILLIS",
      description = "How long a new stream stays CREATING, and a changed one (resharded, for "
          + "example) UPDATING, before it turns ACTIVE.")
  void createStreamDelayMillis(long value) {
    createStreamDelay = nonNegativeMillis("--create-stream-delay-ms", value);
  }

  @Option(
      names = "--delete-stream-delay-ms",
      order = 8,
      defaultValue = "500",
      paramLabel = "MILLIS",
      description = "How long a deleted stream stays visible as DELETING.")
  void deleteStreamDelayMillis(long value) {
    deleteStreamDelay = nonNegativeMillis("--delete-stream-delay-ms", value);
  }

  @Option(
      names = "--shard-limit",
      order = 9,
      defaultValue = "500",
      paramLabel = "SHARDS",
      description = "Most open shards one account may have in one region.")
  void shardLimit(int value) {
    if (value < 1) {
      throw badValue("--shard-limit must be at least 1, was " + value);
    }
    shardLimit = value;
  }

  @Option(
      names = "--max-request-bytes",
      order = 10,
      defaultValue = "" + HttpServerConfig.DEFAULT_MAX_REQUEST_BYTES,
      paramLabel = "BYTES",
      description = "Largest request body accepted; larger ones get HTTP 413.")
  void maxRequestBytes(int value) {
    if (value < 1) {
      throw badValue("--max-request-bytes must be at least 1, was " + value);
    }
    maxRequestBytes = value;
  }

  @Option(
      names = "--log-level",
      order = 11,
      defaultValue = "info",
      paramLabel = "LEVEL",
      description = "Level of Tributary's own logs: error, warn, info, debug or trace.")
  void logLevel(String value) {
    if (!LOG_LEVELS.contains(value.toLowerCase(Locale.ROOT))) {
      throw badValue("--log-level must be error, warn, info, debug or trace, was '" + value + "'");
    }
    logLevel = Level.toLevel(value);
  }

  @Override
  public Integer call() {
    ((Logger) LoggerFactory.getLogger("io.tributary")).setLevel(logLevel);
    PrintWriter err = spec.commandLine().getErr();
    RunningBroker broker;
    try {
      broker = RunningBroker.start(storeConfig(), brokerConfig(), httpServerConfig(), Clock.systemUTC());
    } catch (Exception e) { // BindException arrives undeclared from Netty, so catch Exception
      err.println("tributary: " + startFailure(e));
      err.flush();
      return START_FAILED;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(broker::stopAndHalt, "tributary-shutdown"));
    LoggerFactory.getLogger(ServeCommand.class).info(
        "Started in {} ms (JVM up {} ms); data in {}, durability {}",
        broker.startMillis(),
        ManagementFactory.getRuntimeMXBean().getUptime(),
        dataDir.toAbsolutePath().normalize(),
        durability.name().toLowerCase(Locale.ROOT));
    PrintWriter out = spec.commandLine().getOut();
    out.println("Tributary listening on " + broker.endpoint());
    out.flush();
    broker.awaitClosed();
    return 0;
  }

  /** The storage settings the flags describe. */
  RocksDbStoreConfig storeConfig() {
    return RocksDbStoreConfig.defaults(dataDir).withDurability(durability);
  }

  /** The domain settings the flags describe. */
  BrokerConfig brokerConfig() {
    return BrokerConfig.defaults()
        .withDefaultAccountId(accountId)
        .withDefaultRegion(region)
        .withStreamDelays(createStreamDelay, deleteStreamDelay)
        .withShardLimit(shardLimit);
  }

  /** The HTTP settings the flags describe. */
  HttpServerConfig httpServerConfig() {
    return new HttpServerConfig(host, port, maxRequestBytes, HttpServerConfig.DEFAULT_OPERATION_THREADS);
  }

  Level logLevel() {
    return logLevel;
  }

  /** One line saying why the broker did not start, without a stack trace. */
  private String startFailure(Exception e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BindException) {
        return "cannot listen on " + host + ":" + port + ": " + t.getMessage();
      }
      if (t instanceof StorageException) {
        return t.getMessage(); // names the directory and says why in plain words
      }
    }
    return "cannot start: " + e;
  }

  private Duration nonNegativeMillis(String flag, long value) {
    if (value < 0) {
      throw badValue(flag + " must not be negative, was " + value);
    }
    return Duration.ofMillis(value);
  }

  private ParameterException badValue(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
