package io.tributary.clients.kcl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.util.concurrent.ListenableFuture;
import io.tributary.clients.kcl.KclWorker.Retrieval;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import software.amazon.kinesis.producer.Attempt;
import software.amazon.kinesis.producer.KinesisProducer;
import software.amazon.kinesis.producer.KinesisProducerConfiguration;
import software.amazon.kinesis.producer.UserRecordResult;

/**
 * The Kinesis Producer Library against a real server, over TLS, with aggregation on (its
 * default): its native daemon (shipped in the KPL jar, extracted to a temporary directory) packs
 * many user records into each Kinesis record, and KCL 3.x takes them apart again.
 *
 * <p>The KPL speaks HTTPS only. It is pointed at Tributary's TLS port, which presents the
 * server's self-signed certificate, with certificate verification off, or on with that
 * certificate as its trusted CA. Metrics go nowhere ({@code MetricsLevel none}: no CloudWatch).
 */
@Execution(ExecutionMode.CONCURRENT)
class KplTest {
  private static final int USER_RECORD_COUNT = 3_000;
  private static final long PUT_TIMEOUT_SECONDS = 60;

  @TempDir static Path dataDir;
  @TempDir static Path kplDir;
  private static KclFixture fixture;

  @BeforeAll
  static void startServers() {
    fixture = KclFixture.start(dataDir, "KplTest");
  }

  @AfterAll
  static void stopServers() {
    if (fixture != null) {
      fixture.close();
    }
  }

  @Test
  void aggregatedUserRecordsPutOverTlsReachAKclWorkerExactlyOnce() throws Exception {
    String stream = fixture.createStream("kpl", 2);
    KinesisProducerConfiguration config = producerConfiguration("unverified").setVerifyCertificate(false);

    List<UserRecordResult> results = put(config, stream, USER_RECORD_COUNT);

    long kinesisRecords = results.stream().map(UserRecordResult::getSequenceNumber).distinct().count();
    assertTrue(kinesisRecords <= USER_RECORD_COUNT / 10,
        "the KPL aggregated " + USER_RECORD_COUNT + " user records into " + kinesisRecords + " Kinesis records");

    RecordCollector collector = new RecordCollector();
    KclVersion kcl = new Kcl3();
    String application = fixture.newApplication(kcl, "kpl");
    try (KclWorker worker = fixture.startWorker(kcl, stream, application, Retrieval.FAN_OUT, collector)) {
      collector.awaitRecords(r -> r.size() >= USER_RECORD_COUNT, KclFixture.TIMEOUT, USER_RECORD_COUNT + " user records");
      worker.shutDownGracefully();
    }
    assertEveryUserRecordConsumedOnce(results, collector.records());
    long deaggregated = collector.records().stream().filter(ConsumedRecord::aggregated).count();
    assertEquals(USER_RECORD_COUNT - 1, deaggregated, "user records the KCL took out of aggregated records");
  }

  @Test
  void kplVerifyingTheCertificateTrustsTheServersOwnWhenGivenIt() throws Exception {
    String stream = fixture.createStream("kpl-verified", 1);
    KinesisProducerConfiguration config = producerConfiguration("verified")
        .setVerifyCertificate(true)
        .setCaCertFile(fixture.server().certificate().toString());

    List<UserRecordResult> results = put(config, stream, 100);

    assertEquals(100, results.size());
    assertTrue(results.stream().allMatch(UserRecordResult::isSuccessful));
  }

  /**
   * The KPL's settings for Tributary's TLS port: its endpoint and port, any region, fake
   * credentials, no metrics, the native daemon unpacked into a directory of this test's.
   */
  private static KinesisProducerConfiguration producerConfiguration(String purpose) {
    URI tls = fixture.server().tlsEndpoint();
    return new KinesisProducerConfiguration()
        .setKinesisEndpoint(tls.getHost())
        .setKinesisPort(tls.getPort())
        .setRegion("us-east-1")
        .setCredentialsProvider(KclFixture.CREDENTIALS)
        .setMetricsLevel("none")
        .setAggregationEnabled(true)
        .setRecordMaxBufferedTime(100)
        .setLogLevel("warning")
        .setTempDirectory(kplDir.resolve(purpose).toString());
  }

  /**
   * Puts {@code count} user records with the KPL and waits until every one is acknowledged;
   * fails with the KPL's attempts for the first that was not.
   *
   * <p>The KPL aggregates only user records bound for the same shard, so until it has listed the
   * stream's shards (ListShards, right after it starts) it sends each user record on its own.
   * The first record is put alone and waited for, so that the rest find the shards known.
   */
  private static List<UserRecordResult> put(KinesisProducerConfiguration config, String stream, int count)
      throws InterruptedException, ExecutionException, TimeoutException {
    KinesisProducer producer = new KinesisProducer(config);
    try {
      List<ListenableFuture<UserRecordResult>> futures = new ArrayList<>();
      futures.add(producer.addUserRecord(stream, partitionKey(0), ByteBuffer.wrap(data(0))));
      producer.flushSync();
      futures.get(0).get(PUT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      for (int i = 1; i < count; i++) {
        futures.add(producer.addUserRecord(stream, partitionKey(i), ByteBuffer.wrap(data(i))));
      }
      producer.flushSync();
      List<UserRecordResult> results = new ArrayList<>();
      for (ListenableFuture<UserRecordResult> future : futures) {
        UserRecordResult result = future.get(PUT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertTrue(result.isSuccessful(), "user record " + results.size() + " failed: " + describe(result.getAttempts()));
        results.add(result);
      }
      return results;
    } finally {
      producer.destroy();
    }
  }

  private static String describe(List<Attempt> attempts) {
    List<String> lines = new ArrayList<>();
    for (Attempt attempt : attempts) {
      lines.add(attempt.getErrorCode() + ": " + attempt.getErrorMessage());
    }
    return String.join("; ", lines);
  }

  /**
   * Every user record the KPL acknowledged was handed to a record processor exactly once, out of
   * the Kinesis record (sequence number) and shard the KPL reported, with its partition key and
   * data.
   */
  private static void assertEveryUserRecordConsumedOnce(List<UserRecordResult> results, List<ConsumedRecord> consumed) {
    // The KPL reports each user record's Kinesis record, not its place (sub-sequence number) in
    // it; every user record's data is distinct, so within a Kinesis record it names the record.
    Map<String, ConsumedRecord> byIdentity = new HashMap<>();
    Map<String, ConsumedRecord> bySequenceNumberAndData = new HashMap<>();
    for (ConsumedRecord record : consumed) {
      assertEquals(null, byIdentity.put(record.identity(), record),
          "user record " + record.identity() + " was handed to a processor twice");
      bySequenceNumberAndData.put(record.sequenceNumber() + "/" + Base64.getEncoder().encodeToString(record.data()), record);
    }
    for (int i = 0; i < results.size(); i++) {
      UserRecordResult result = results.get(i);
      ConsumedRecord got = bySequenceNumberAndData.remove(
          result.getSequenceNumber() + "/" + Base64.getEncoder().encodeToString(data(i)));
      assertNotNull(got, "user record " + i + " (Kinesis record " + result.getSequenceNumber() + ") was not consumed");
      assertEquals(result.getShardId(), got.shardId(), "shard of user record " + i);
      assertEquals(partitionKey(i), got.partitionKey(), "partition key of user record " + i);
    }
    assertEquals(Map.of(), bySequenceNumberAndData, "user records consumed that were never put");
  }

  private static String partitionKey(int i) {
    return "user-" + (i % 101);
  }

  /** A few dozen bytes naming the record, then its index's low byte repeated. */
  private static byte[] data(int i) {
    byte[] text = ("user record " + i + " ").getBytes(StandardCharsets.UTF_8);
    byte[] data = new byte[text.length + i % 64];
    System.arraycopy(text, 0, data, 0, text.length);
    for (int j = text.length; j < data.length; j++) {
      data[j] = (byte) i;
    }
    return data;
  }
}
