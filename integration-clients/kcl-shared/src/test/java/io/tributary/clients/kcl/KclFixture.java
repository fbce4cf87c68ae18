package io.tributary.clients.kcl;

import io.tributary.clients.DynaliteProcess;
import io.tributary.clients.Node;
import io.tributary.clients.TributaryProcess;
import io.tributary.clients.kcl.KclWorker.Retrieval;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.awssdk.services.kinesis.model.Consumer;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;
import software.amazon.kinesis.common.KinesisClientUtil;

/**
 * Everything a KCL test class needs: a Tributary server, dynalite for the lease tables, and the
 * three AWS clients a KCL worker takes, all pointed at them with fake credentials.
 *
 * <p>The Kinesis client is the one the KCL builds itself ({@link KinesisClientUtil}: Netty,
 * HTTP/2, so h2c to Tributary's plain port). CloudWatch is never called (workers send metrics to
 * a NullMetricsFactory), but the KCL insists on a client; it points at the discard port, so any
 * call would fail at once instead of reaching for AWS.
 *
 * <p>Thread-safe after {@link #start}: the clients are, and the rest is immutable.
 */
final class KclFixture implements AutoCloseable {
  static final Duration TIMEOUT = Duration.ofSeconds(60);
  static final StaticCredentialsProvider CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));

  private final TributaryProcess server;
  private final DynaliteProcess dynalite;
  private final KinesisAsyncClient kinesis;
  private final DynamoDbAsyncClient dynamo;
  private final CloudWatchAsyncClient cloudWatch;

  private KclFixture(TributaryProcess server, DynaliteProcess dynalite) {
    this.server = server;
    this.dynalite = dynalite;
    this.kinesis = KinesisClientUtil.createKinesisAsyncClient(KinesisAsyncClient.builder()
        .endpointOverride(server.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(CREDENTIALS));
    this.dynamo = DynamoDbAsyncClient.builder()
        .endpointOverride(dynalite.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(CREDENTIALS)
        .build();
    this.cloudWatch = CloudWatchAsyncClient.builder()
        .endpointOverride(URI.create("http://127.0.0.1:9"))
        .region(Region.US_EAST_1)
        .credentialsProvider(CREDENTIALS)
        .build();
  }

  /**
   * Starts a server on {@code dataDir} and dynalite; skips the test class (a JUnit assumption,
   * the reason printed) when Node.js, which runs dynalite, is missing.
   */
  static KclFixture start(Path dataDir, String testName) {
    Node node = Node.require(testName + " (dynalite, which holds the KCL's lease tables, runs on Node.js)");
    TributaryProcess server = TributaryProcess.start(dataDir);
    try {
      return new KclFixture(server, DynaliteProcess.start(node));
    } catch (RuntimeException | Error e) {
      server.close();
      throw e;
    }
  }

  TributaryProcess server() {
    return server;
  }

  /** The client the KCL workers use, and the tests too. */
  KinesisAsyncClient kinesis() {
    return kinesis;
  }

  /** A stream no other test uses, with {@code shardCount} shards, once it is ACTIVE. */
  String createStream(String purpose, int shardCount) {
    String name = "kcl-" + purpose + "-" + UUID.randomUUID().toString().substring(0, 8);
    kinesis.createStream(b -> b.streamName(name).shardCount(shardCount)).join();
    awaitActive(name);
    return name;
  }

  /** Waits until {@code stream} is ACTIVE, after it was created or resharded. */
  void awaitActive(String stream) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (kinesis.describeStreamSummary(b -> b.streamName(stream)).join()
        .streamDescriptionSummary().streamStatus() != StreamStatus.ACTIVE) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(stream + " did not become ACTIVE within " + TIMEOUT);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
  }

  /** The names of the enhanced fan-out consumers registered on {@code stream}. */
  List<String> consumerNames(String stream) {
    String arn = kinesis.describeStreamSummary(b -> b.streamName(stream)).join().streamDescriptionSummary().streamARN();
    return kinesis.listStreamConsumers(b -> b.streamARN(arn)).join().consumers().stream()
        .map(Consumer::consumerName)
        .toList();
  }

  /** A new application name, its tables readied for {@code version}. */
  String newApplication(KclVersion version, String purpose) {
    String application = "app-" + purpose + "-" + UUID.randomUUID().toString().substring(0, 8);
    version.prepareTables(dynamo, application);
    return application;
  }

  /** Starts a worker of {@code application} on {@code stream}. */
  KclWorker startWorker(
      KclVersion version, String stream, String application, Retrieval retrieval, RecordCollector collector) {
    KclWorker.Clients clients = new KclWorker.Clients(kinesis, dynamo, cloudWatch, version::tuneForTests);
    return KclWorker.start(clients, stream, application, retrieval, collector);
  }

  @Override
  public void close() {
    kinesis.close();
    dynamo.close();
    cloudWatch.close();
    dynalite.close();
    server.close();
  }
}
