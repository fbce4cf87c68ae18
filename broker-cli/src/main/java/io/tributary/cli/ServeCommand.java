package io.tributary.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.tributary.core.BrokerConfig;
import io.tributary.http.KinesisHttpServer.HttpServerConfig;
import io.tributary.http.auth.AccessKeyAccounts;
import io.tributary.http.tls.TlsConfig;
import io.tributary.storage.Durability;
import io.tributary.storage.StorageException;
import io.tributary.storage.rocksdb.RocksDbStoreConfig;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.BindException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * <p>Once the server is listening it prints one line to standard output, {@code Tributary
 * listening on http://HOST:PORT}, with the port actually bound (so {@code --port 0} can be used
 * by scripts and tests), and with {@code --tls-port} a second one, {@code Tributary listening on
 * https://HOST:PORT}. Logs go to standard error. A start-up failure (a data
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
  private int onDemandStreamLimit;
  private int maxRequestBytes;
  private Level logLevel;
  private long blockCacheBytes;
  private long writeBufferBytes;
  private Integer tlsPort;
  private Path tlsCert;
  private Path tlsKey;
  private final Map<String, String> accountByAccessKey = new LinkedHashMap<>();

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
      names = "--on-demand-stream-limit",
      order = 10,
      defaultValue = "50",
      paramLabel = "STREAMS",
      description = "Most ON_DEMAND streams one account may have in one region (AWS's default: 50).")
  void onDemandStreamLimit(int value) {
    if (value < 0) {
      throw badValue("--on-demand-stream-limit must not be negative, was " + value);
    }
    onDemandStreamLimit = value;
  }

  @Option(
      names = "--max-request-bytes",
      order = 11,
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
      names = "--tls-port",
      order = 12,
      paramLabel = "PORT",
      description = "Also serve HTTPS (HTTP/1.1 and HTTP/2, by ALPN or by the HTTP/2 preface when the "
          + "client sends no ALPN) on this port; 0 picks a free port. Off unless given.")
  void tlsPort(int value) {
    if (value < 0 || value > 65_535) {
      throw badValue("--tls-port must be 0 to 65535, was " + value);
    }
    tlsPort = value;
  }

  @Option(
      names = "--tls-cert",
      order = 13,
      paramLabel = "PEM",
      description = "Certificate chain (PEM) for --tls-port. Without --tls-cert and --tls-key, a "
          + "self-signed certificate for localhost and 127.0.0.1 is made on first start and kept "
          + "in DIR/tls.")
  void tlsCert(Path value) {
    tlsCert = value;
  }

  @Option(
      names = "--tls-key",
      order = 14,
      paramLabel = "PEM",
      description = "Unencrypted private key (PEM: PKCS#8, PKCS#1 or SEC1) of --tls-cert.")
  void tlsKey(Path value) {
    tlsKey = value;
  }

  @Option(
      names = "--access-key",
      order = 15,
      paramLabel = "KEY=ACCOUNT",
      description = "Requests signed with access key KEY act as the 12-digit ACCOUNT; repeatable. "
          + "Other keys act as --account-id. Streams, consumers, tags and limits are separate "
          + "per account and region.")
  void accessKeys(List<String> values) {
    accountByAccessKey.clear();
    for (String value : values) {
      int eq = value.indexOf('=');
      String key = eq < 0 ? "" : value.substring(0, eq);
      String account = eq < 0 ? "" : value.substring(eq + 1);
      if (key.isEmpty() || !account.matches("\\d{12}")) {
        throw badValue("--access-key must be KEY=ACCOUNT with a 12-digit account, was '" + value + "'");
      }
      accountByAccessKey.put(key, account);
    }
  }

  @Option(
      names = "--log-level",
      order = 16,
      defaultValue = "info",
      paramLabel = "LEVEL",
      description = "Level of Tributary's own logs: error, warn, info, debug or trace.")
  void logLevel(String value) {
    if (!LOG_LEVELS.contains(value.toLowerCase(Locale.ROOT))) {
      throw badValue("--log-level must be error, warn, info, debug or trace, was '" + value + "'");
    }
    logLevel = Level.toLevel(value);
  }

  @Option(
      names = "--block-cache-mib",
      order = 17,
      defaultValue = "" + (RocksDbStoreConfig.DEFAULT_BLOCK_CACHE_BYTES >> 20),
      paramLabel = "MIB",
      description = "RocksDB's cache of data and index blocks, shared by every shard, in MiB. "
          + "The memtables of --write-buffer-mib are charged to the same cache on top of it.")
  void blockCacheMib(int value) {
    blockCacheBytes = mebibytes("--block-cache-mib", value);
  }

  @Option(
      names = "--write-buffer-mib",
      order = 18,
      defaultValue = "" + (RocksDbStoreConfig.DEFAULT_WRITE_BUFFER_BYTES >> 20),
      paramLabel = "MIB",
      description = "Memory for the records not yet flushed to table files (RocksDB's memtables), "
          + "all shards together, in MiB; writes wait for a flush when it is full. About 16 KiB "
          + "of it is taken by each shard being written to.")
  void writeBufferMib(int value) {
    writeBufferBytes = mebibytes("--write-buffer-mib", value);
  }

  @Override
  public Integer call() {
    ((Logger) LoggerFactory.getLogger("io.tributary")).setLevel(logLevel);
    PrintWriter err = spec.commandLine().getErr();
    HttpServerConfig httpConfig = httpServerConfig(); // a bad flag combination is a usage error
    RunningBroker broker;
    try {
      broker = RunningBroker.start(storeConfig(), brokerConfig(), httpConfig,
          new AccessKeyAccounts(accountByAccessKey), Clock.systemUTC(), cacheDir());
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
    broker.tlsEndpoint().ifPresent(tls -> out.println("Tributary listening on " + tls));
    out.flush();
    broker.awaitClosed();
    return 0;
  }

  /** The storage settings the flags describe. */
  RocksDbStoreConfig storeConfig() {
    return RocksDbStoreConfig.defaults(dataDir)
        .withDurability(durability)
        .withBlockCacheBytes(blockCacheBytes)
        .withWriteBufferBytes(writeBufferBytes);
  }

  /** The domain settings the flags describe. */
  BrokerConfig brokerConfig() {
    return BrokerConfig.defaults()
        .withDefaultAccountId(accountId)
        .withDefaultRegion(region)
        .withStreamDelays(createStreamDelay, deleteStreamDelay)
        .withShardLimit(shardLimit)
        .withOnDemandStreamCountLimit(onDemandStreamLimit);
  }

  /** The HTTP settings the flags describe. */
  HttpServerConfig httpServerConfig() {
    HttpServerConfig config =
        new HttpServerConfig(host, port, maxRequestBytes, HttpServerConfig.DEFAULT_OPERATION_THREADS);
    if ((tlsCert == null) != (tlsKey == null)) {
      throw badValue("--tls-cert and --tls-key go together: give both or neither");
    }
    if (tlsPort == null) {
      if (tlsCert != null) {
        throw badValue("--tls-cert and --tls-key need --tls-port");
      }
      return config;
    }
    return config.withTls(tlsCert != null
        ? TlsConfig.pemFiles(tlsPort, tlsCert, tlsKey)
        : TlsConfig.selfSigned(tlsPort, dataDir.resolve("tls")));
  }

  /**
   * Where the broker keeps files worth keeping between starts that are not data (RocksDB's native
   * library, see {@code NativeLibraryCache}): {@code $TRIBUTARY_CACHE_DIR} if set, else {@code
   * $XDG_CACHE_HOME/tributary}, else {@code ~/.cache/tributary}. Deleting it is always safe.
   */
  static Path cacheDir() {
    return cacheDir(System.getenv(), Path.of(System.getProperty("user.home")));
  }

  /** The cache directory {@link #cacheDir()} picks in this environment and home directory. */
  static Path cacheDir(Map<String, String> environment, Path userHome) {
    String own = environment.get("TRIBUTARY_CACHE_DIR");
    if (own != null && !own.isBlank()) {
      return Path.of(own);
    }
    String xdg = environment.get("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Path.of(xdg, "tributary");
    }
    return userHome.resolve(".cache").resolve("tributary");
  }

  /** Access keys given with --access-key, and the accounts they act as. */
  Map<String, String> accountByAccessKey() {
    return Map.copyOf(accountByAccessKey);
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

  /** {@code mib} MiB in bytes, refusing less than 1 MiB or more than 1 TiB. */
  private long mebibytes(String flag, int mib) {
    if (mib < 1 || mib > (1 << 20)) {
      throw badValue(flag + " must be 1 to 1048576, was " + mib);
    }
    return (long) mib << 20;
  }

  private ParameterException badValue(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
