package io.tributary.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import io.tributary.core.BrokerConfig;
import io.tributary.http.KinesisHttpServer.HttpServerConfig;
import io.tributary.http.tls.TlsConfig;
import io.tributary.storage.Durability;
import io.tributary.storage.rocksdb.RocksDbStoreConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

class ServeCommandTest {
  private static final List<String> SERVE_FLAGS = List.of(
      "--host", "--port", "--data-dir", "--durability", "--account-id", "--region",
      "--create-stream-delay-ms", "--delete-stream-delay-ms", "--shard-limit", "--on-demand-stream-limit",
      "--max-request-bytes", "--tls-port", "--tls-cert", "--tls-key", "--access-key", "--log-level",
      "--block-cache-mib", "--write-buffer-mib", "--help", "--version");

  @Test
  void defaultsListenOnLoopbackPort4567WithDataUnderDotData() {
    ServeCommand serve = parse();

    HttpServerConfig http = serve.httpServerConfig();
    assertEquals("127.0.0.1", http.host());
    assertEquals(4567, http.port());
    assertEquals(Path.of("./data"), serve.storeConfig().dataDir());
  }

  @Test
  void defaultsUseWalDurabilityAndInfoLogs() {
    ServeCommand serve = parse();

    assertEquals(Durability.WAL, serve.storeConfig().durability());
    assertEquals(Level.INFO, serve.logLevel());
  }

  @Test
  void defaultsAreTheStoreDefaults() {
    assertEquals(RocksDbStoreConfig.defaults(Path.of("./data")).withDurability(Durability.WAL),
        parse().storeConfig());
  }

  @Test
  void defaultsAreTheBrokerAndHttpServerDefaults() {
    ServeCommand serve = parse();

    assertEquals(BrokerConfig.defaults(), serve.brokerConfig());
    assertEquals(HttpServerConfig.defaults("127.0.0.1", 4567), serve.httpServerConfig());
  }

  @Test
  void everyFlagReachesItsSetting() {
    ServeCommand serve = parse(
        "--host", "0.0.0.0", "--port", "0", "--data-dir", "/tmp/streams",
        "--durability", "fsync", "--account-id", "123456789012", "--region", "eu-west-1",
        "--create-stream-delay-ms", "50", "--delete-stream-delay-ms", "0", "--shard-limit", "7",
        "--max-request-bytes", "4096", "--log-level", "debug", "--on-demand-stream-limit", "3",
        "--block-cache-mib", "32", "--write-buffer-mib", "16");

    assertEquals("0.0.0.0", serve.httpServerConfig().host());
    assertEquals(0, serve.httpServerConfig().port());
    assertEquals(4096, serve.httpServerConfig().maxRequestBytes());
    assertEquals(Path.of("/tmp/streams"), serve.storeConfig().dataDir());
    assertEquals(Durability.FSYNC, serve.storeConfig().durability());
    assertEquals(32L << 20, serve.storeConfig().blockCacheBytes());
    assertEquals(16L << 20, serve.storeConfig().writeBufferBytes());
    BrokerConfig broker = serve.brokerConfig();
    assertEquals("123456789012", broker.defaultAccountId());
    assertEquals("eu-west-1", broker.defaultRegion());
    assertEquals(Duration.ofMillis(50), broker.createStreamDelay());
    assertEquals(Duration.ZERO, broker.deleteStreamDelay());
    assertEquals(7, broker.shardLimit());
    assertEquals(3, broker.onDemandStreamCountLimit());
    assertEquals(Level.DEBUG, serve.logLevel());
  }

  @Test
  void cacheDirIsTributaryCacheDirWhenSet() {
    assertEquals(Path.of("/srv/cache"), ServeCommand.cacheDir(
        Map.of("TRIBUTARY_CACHE_DIR", "/srv/cache", "XDG_CACHE_HOME", "/xdg"), Path.of("/home/u")));
  }

  @Test
  void cacheDirFollowsXdgCacheHomeWithoutTributaryCacheDir() {
    assertEquals(Path.of("/xdg/tributary"),
        ServeCommand.cacheDir(Map.of("XDG_CACHE_HOME", "/xdg"), Path.of("/home/u")));
  }

  @Test
  void cacheDirIsUnderTheHomeDirectoryByDefault() {
    assertEquals(Path.of("/home/u/.cache/tributary"), ServeCommand.cacheDir(
        Map.of("TRIBUTARY_CACHE_DIR", "", "XDG_CACHE_HOME", " "), Path.of("/home/u")));
  }

  @Test
  void tlsPortWithoutCertificateUsesASelfSignedOneInTheDataDirectory() {
    HttpServerConfig http = parse("--data-dir", "/tmp/streams", "--tls-port", "0").httpServerConfig();

    TlsConfig tls = http.tls().orElseThrow();
    assertEquals(0, tls.port());
    assertEquals(new TlsConfig.SelfSigned(Path.of("/tmp/streams/tls")), tls.certificate());
  }

  @Test
  void tlsCertificateFilesAreUsedWhenGiven() {
    HttpServerConfig http =
        parse("--tls-port", "8443", "--tls-cert", "c.pem", "--tls-key", "k.pem").httpServerConfig();

    assertEquals(new TlsConfig.PemFiles(Path.of("c.pem"), Path.of("k.pem")), http.tls().orElseThrow().certificate());
    assertEquals(8443, http.tls().orElseThrow().port());
  }

  @Test
  void noTlsPortMeansNoTls() {
    assertTrue(parse().httpServerConfig().tls().isEmpty());
  }

  @Test
  void tlsCertificateWithoutKeyOrPortIsAUsageError() {
    assertThrows(ParameterException.class,
        () -> parse("--tls-port", "0", "--tls-cert", "c.pem").httpServerConfig());
    assertThrows(ParameterException.class,
        () -> parse("--tls-cert", "c.pem", "--tls-key", "k.pem").httpServerConfig());
  }

  @Test
  void accessKeysMapToTheirAccounts() {
    ServeCommand serve = parse("--access-key", "AKIDA=111111111111", "--access-key", "AKIDB=222222222222");

    assertEquals(java.util.Map.of("AKIDA", "111111111111", "AKIDB", "222222222222"), serve.accountByAccessKey());
  }

  @Test
  void topLevelHelpListsBench() {
    Run run = run("--help");

    assertTrue(run.out().contains("bench"), run.out());
  }

  @ParameterizedTest
  @ValueSource(strings = {"wal", "WAL", "Wal"})
  void durabilityIgnoresCase(String value) {
    assertEquals(Durability.WAL, parse("--durability", value).storeConfig().durability());
  }

  static Stream<List<String>> badValues() {
    return Stream.of(
        List.of("--port", "65536"),
        List.of("--port", "-1"),
        List.of("--port", "http"),
        List.of("--host", " "),
        List.of("--durability", "sometimes"),
        List.of("--account-id", "12345"),
        List.of("--account-id", "12345678901a"),
        List.of("--region", "US East"),
        List.of("--create-stream-delay-ms", "-5"),
        List.of("--delete-stream-delay-ms", "soon"),
        List.of("--shard-limit", "0"),
        List.of("--on-demand-stream-limit", "-1"),
        List.of("--max-request-bytes", "0"),
        List.of("--log-level", "loud"),
        List.of("--block-cache-mib", "0"),
        List.of("--write-buffer-mib", "-1"),
        List.of("--write-buffer-mib", "2097152"),
        List.of("--tls-port", "70000"),
        List.of("--access-key", "AKID"),
        List.of("--access-key", "AKID=123"),
        List.of("--no-such-flag"),
        List.of("surplus-argument"));
  }

  @ParameterizedTest
  @MethodSource("badValues")
  void badValueIsRefusedWhileParsing(List<String> args) {
    assertThrows(ParameterException.class, () -> parse(args.toArray(String[]::new)));
  }

  @ParameterizedTest
  @MethodSource("badValues")
  void badValueExitsWithUsageErrorNamingTheProblem(List<String> args) {
    List<String> serveArgs = Stream.concat(Stream.of("serve"), args.stream()).toList();

    Run run = run(serveArgs.toArray(String[]::new));

    assertEquals(2, run.exitCode());
    assertEquals("", run.out());
    String flag = args.get(0);
    assertTrue(run.err().contains(flag), run.err());
    assertTrue(run.err().contains("Usage: tributary serve"), run.err());
  }

  @Test
  void serveHelpDescribesEveryFlagWithItsDefault() {
    Run run = run("serve", "--help");

    assertEquals(0, run.exitCode());
    for (String flag : SERVE_FLAGS) {
      assertTrue(run.out().contains(flag), flag + " missing from:\n" + run.out());
    }
    for (String byDefault : List.of(
        "Default: 127.0.0.1", "Default: 4567", "Default: ./data", "Default: wal",
        "Default: 000000000000", "Default: us-east-1", "Default: 500", "Default: info")) {
      assertTrue(run.out().contains(byDefault), byDefault + " missing from:\n" + run.out());
    }
  }

  @Test
  void topLevelHelpListsServe() {
    Run run = run("--help");

    assertEquals(0, run.exitCode());
    assertTrue(run.out().contains("serve"), run.out());
    assertTrue(run.out().contains("--version"), run.out());
  }

  @Test
  void serveIsBuiltAloneWhenItIsWhatRuns() {
    assertEquals(Set.of("serve"), Main.commandLine(new String[] {"serve", "--port", "0"})
        .getSubcommands().keySet());
    assertEquals(Set.of("serve", "bench", "train-startup"),
        Main.commandLine(new String[] {"bench", "put"}).getSubcommands().keySet());
  }

  @Test
  void trainingCommandIsHiddenFromHelp() {
    Run run = run("--help");

    assertTrue(!run.out().contains("train-startup"), run.out());
  }

  @Test
  void versionNamesTheProjectVersion() {
    Run run = run("--version");

    assertEquals(0, run.exitCode());
    assertTrue(run.out().startsWith("tributary 0."), run.out());
  }

  @Test
  void noSubcommandIsAUsageError() {
    Run run = run();

    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("Missing required subcommand"), run.err());
  }

  private static ServeCommand parse(String... serveArgs) {
    String[] args = Stream.concat(Stream.of("serve"), Stream.of(serveArgs)).toArray(String[]::new);
    CommandLine.ParseResult result = Main.commandLine().parseArgs(args);
    return (ServeCommand) result.subcommand().commandSpec().userObject();
  }

  private static Run run(String... args) {
    CommandLine commandLine = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exitCode = commandLine.execute(args);
    return new Run(exitCode, out.toString(), err.toString());
  }

  private record Run(int exitCode, String out, String err) {}
}
