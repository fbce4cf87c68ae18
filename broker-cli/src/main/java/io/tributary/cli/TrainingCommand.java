package io.tributary.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.tributary.core.BrokerConfig;
import io.tributary.http.KinesisHttpServer.HttpServerConfig;
import io.tributary.http.auth.AccessKeyAccounts;
import io.tributary.storage.rocksdb.RocksDbStoreConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code tributary train-startup} (hidden): the training run for the class-data-sharing archive
 * that {@code bin/tributary} starts the broker with.
 *
 * <p>It starts a broker as {@code serve} does, on a free loopback port with its data in a new
 * temporary directory, sends it the requests a new user's first minute makes (ListStreams in JSON
 * and CBOR, CreateStream, PutRecord, PutRecords, GetShardIterator, GetRecords, DeleteStream), stops
 * it, deletes the directory and exits 0. Run under {@code java -XX:ArchiveClassesAtExit=FILE}, the
 * JVM then writes every class it loaded to FILE, and a broker started with {@code
 * -XX:SharedArchiveFile=FILE} maps them instead of loading and verifying them again. The build runs
 * it at {@code package} (broker-cli's pom.xml), the Dockerfile inside the image.
 *
 * <p>A request answered with anything but HTTP 200 fails the run with exit code 1, so a broken
 * training run fails the build rather than leaving a thin archive.
 *
 * <p>Confined to the main thread.
 */
@Command(
    name = "train-startup",
    hidden = true,
    description = "Start a broker in a temporary directory, answer a few requests, stop; "
        + "for -XX:ArchiveClassesAtExit.")
final class TrainingCommand implements Callable<Integer> {
  private static final String STREAM = "startup-training";
  private static final Pattern ITERATOR = Pattern.compile("\"ShardIterator\"\\s*:\\s*\"([^\"]+)\"");

  @Spec private CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    ((Logger) LoggerFactory.getLogger("io.tributary")).setLevel(Level.WARN); // quiet in the build
    PrintWriter err = spec.commandLine().getErr();
    Path dataDir = Files.createTempDirectory("tributary-training");
    try {
      try (RunningBroker broker = RunningBroker.start(
          RocksDbStoreConfig.defaults(dataDir),
          BrokerConfig.defaults().withStreamDelays(Duration.ZERO, Duration.ZERO),
          HttpServerConfig.defaults(InetAddress.getLoopbackAddress().getHostAddress(), 0),
          new AccessKeyAccounts(Map.of()),
          Clock.systemUTC(),
          ServeCommand.cacheDir())) {
        exercise(broker.endpoint().getPort());
      }
      return 0;
    } catch (IllegalStateException e) {
      err.println("tributary train-startup: " + e.getMessage());
      err.flush();
      return ServeCommand.START_FAILED;
    } finally {
      deleteRecursively(dataDir);
    }
  }

  private static void exercise(int port) throws IOException {
    json(port, "ListStreams", "{}");
    send(port, "ListStreams", "application/x-amz-cbor-1.1", new byte[] {(byte) 0xa0}); // {}
    json(port, "CreateStream", "{\"StreamName\":\"" + STREAM + "\",\"ShardCount\":1}");
    json(port, "DescribeStreamSummary", "{\"StreamName\":\"" + STREAM + "\"}");
    json(port, "PutRecord",
        "{\"StreamName\":\"" + STREAM + "\",\"PartitionKey\":\"k\",\"Data\":\"aGVsbG8=\"}");
    json(port, "PutRecords", "{\"StreamName\":\"" + STREAM + "\",\"Records\":["
        + "{\"PartitionKey\":\"a\",\"Data\":\"AQID\"},{\"PartitionKey\":\"b\",\"Data\":\"BAUG\"}]}");
    String iterator = json(port, "GetShardIterator", "{\"StreamName\":\"" + STREAM
        + "\",\"ShardId\":\"shardId-000000000000\",\"ShardIteratorType\":\"TRIM_HORIZON\"}");
    Matcher matcher = ITERATOR.matcher(iterator);
    if (!matcher.find()) {
      throw new IllegalStateException("GetShardIterator answered no iterator: " + iterator);
    }
    json(port, "GetRecords", "{\"ShardIterator\":\"" + matcher.group(1) + "\"}");
    json(port, "DeleteStream", "{\"StreamName\":\"" + STREAM + "\"}");
  }

  private static String json(int port, String operation, String body) throws IOException {
    return send(port, operation, "application/x-amz-json-1.1", body.getBytes(StandardCharsets.UTF_8));
  }

  /** One HTTP/1.1 request on its own connection; the response body as text, if answered 200. */
  private static String send(int port, String operation, String contentType, byte[] body)
      throws IOException {
    String head = "POST / HTTP/1.1\r\n"
        + "Host: 127.0.0.1:" + port + "\r\n"
        + "Content-Type: " + contentType + "\r\n"
        + "X-Amz-Target: Kinesis_20131202." + operation + "\r\n"
        + "X-Amz-Date: 20260101T000000Z\r\n"
        + "Authorization: AWS4-HMAC-SHA256 Credential=training/20260101/us-east-1/kinesis/"
        + "aws4_request, SignedHeaders=host;x-amz-date, Signature=0\r\n"
        + "Content-Length: " + body.length + "\r\n"
        + "Connection: close\r\n\r\n";
    byte[] response;
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      OutputStream out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      InputStream in = socket.getInputStream();
      response = in.readAllBytes();
    }
    String text = new String(response, StandardCharsets.UTF_8);
    if (!text.startsWith("HTTP/1.1 200 ")) {
      int end = text.indexOf("\r\n");
      throw new IllegalStateException(
          operation + " was answered " + (end < 0 ? text : text.substring(0, end)));
    }
    int bodyStart = text.indexOf("\r\n\r\n");
    return bodyStart < 0 ? "" : text.substring(bodyStart + 4);
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }
}
