package io.tributary.clients.kcl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.clients.kcl.KclWorker.Retrieval;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;

/**
 * The Kinesis Client Library against a real server, the same scenarios for every KCL version:
 * each module ({@code kcl2}, {@code kcl3}) compiles this source against its own KCL and
 * subclasses it with what only its version needs.
 *
 * <p>The KCL talks to Tributary's plain port through the Kinesis client it builds itself (Netty,
 * HTTP/2, so h2c here), keeps its leases in dynalite, and sends no metrics ({@link KclFixture}).
 * Each test uses a stream and an application (so a lease table) of its own.
 *
 * <p>The tests run concurrently: a worker of a new application (an empty lease table) waits a
 * random 1 to 30 seconds before it lists the shards and makes the first leases, so that workers
 * starting together do not all do it (a fixed wait in the KCL's {@code Scheduler}). Run one after
 * another, the waits would add up to minutes.
 */
@Execution(ExecutionMode.CONCURRENT)
abstract class KclScenarios {
  private static final Duration TIMEOUT = KclFixture.TIMEOUT;

  @TempDir static Path dataDir;
  private static KclFixture fixture;

  @BeforeAll
  static void startServers() {
    fixture = KclFixture.start(dataDir, "KCL tests");
  }

  @AfterAll
  static void stopServers() {
    if (fixture != null) {
      fixture.close();
    }
  }

  /** The KCL version under test. */
  abstract KclVersion version();

  @Test
  void pollingConsumesEveryRecordOfEveryShardExactlyOnce() {
    consumesEveryRecordOfEveryShardExactlyOnce(Retrieval.POLLING);
  }

  @Test
  void fanOutConsumesEveryRecordOfEveryShardExactlyOnce() {
    consumesEveryRecordOfEveryShardExactlyOnce(Retrieval.FAN_OUT);
  }

  @Test
  void restartedWorkerResumesAfterTheCheckpointsOfTheFirst() {
    String stream = createStream("resume", 2);
    String application = newApplication("resume");
    List<Sent> before = putRecords(stream, "before", 60);

    RecordCollector first = new RecordCollector();
    try (KclWorker worker = startWorker(stream, application, Retrieval.FAN_OUT, first)) {
      first.awaitRecords(r -> r.size() >= before.size(), TIMEOUT, before.size() + " records");
      worker.shutDownGracefully();
    }
    assertConsumedExactlyOnce(before, first.records());

    List<Sent> after = putRecords(stream, "after", 40);
    RecordCollector second = new RecordCollector();
    try (KclWorker worker = startWorker(stream, application, Retrieval.FAN_OUT, second)) {
      second.awaitRecords(r -> r.size() >= after.size(), TIMEOUT, after.size() + " records put after the restart");
      worker.shutDownGracefully();
    }
    assertConsumedExactlyOnce(after, second.records());
  }

  @Test
  void pollingFollowsASplitIntoTheChildShards() {
    followsASplitIntoTheChildShards(Retrieval.POLLING);
  }

  @Test
  void fanOutFollowsASplitIntoTheChildShards() {
    followsASplitIntoTheChildShards(Retrieval.FAN_OUT);
  }

  private void consumesEveryRecordOfEveryShardExactlyOnce(Retrieval retrieval) {
    String stream = createStream("all-" + retrieval.name().toLowerCase(Locale.ROOT), 4);
    String application = newApplication("all");
    List<Sent> sent = putRecords(stream, "only", 200);
    assertEquals(4, sent.stream().map(Sent::shardId).distinct().count(), "records went to every shard");

    RecordCollector collector = new RecordCollector();
    try (KclWorker worker = startWorker(stream, application, retrieval, collector)) {
      collector.awaitRecords(r -> r.size() >= sent.size(), TIMEOUT, sent.size() + " records");
      worker.shutDownGracefully();
    }

    assertConsumedExactlyOnce(sent, collector.records());
    assertEquals(retrieval == Retrieval.FAN_OUT ? List.of(application) : List.of(), fixture.consumerNames(stream),
        "consumers registered: fan-out registers one named after the application, polling none");
  }

  private void followsASplitIntoTheChildShards(Retrieval retrieval) {
    String stream = createStream("split-" + retrieval.name().toLowerCase(Locale.ROOT), 1);
    String application = newApplication("split");
    String parent = "shardId-000000000000";

    RecordCollector collector = new RecordCollector();
    try (KclWorker worker = startWorker(stream, application, retrieval, collector)) {
      List<Sent> before = putRecords(stream, "before", 30);
      collector.awaitRecords(r -> r.size() >= before.size(), TIMEOUT, before.size() + " records before the split");

      fixture.kinesis().splitShard(b -> b.streamName(stream).shardToSplit(parent)
          .newStartingHashKey(BigInteger.ONE.shiftLeft(127).toString())).join();
      fixture.awaitActive(stream);
      List<Sent> after = putRecords(stream, "after", 60);
      Set<String> children = after.stream().map(Sent::shardId).collect(Collectors.toSet());
      assertEquals(Set.of("shardId-000000000001", "shardId-000000000002"), children, "shards written after the split");

      List<Sent> all = new ArrayList<>(before);
      all.addAll(after);
      collector.awaitRecords(r -> r.size() >= all.size(), TIMEOUT, all.size() + " records before and after the split");
      // No graceful shutdown here: it waits for every lease the worker holds, and the worker
      // holds the ended parent's lease until its lease cleanup deletes it, 5 minutes after the
      // children started (a fixed LeaseCleanupConfig in both versions). Every batch is already
      // checkpointed; the worker can stop at once.
      worker.shutDownNow();

      assertConsumedExactlyOnce(all, collector.records());
      assertEquals(Set.of(parent), collector.endedShards(), "shards whose processor saw the shard end");
      assertTrue(collector.initializedShards().containsAll(children), "child shards processed: " + collector.initializedShards());
    }
  }

  private KclWorker startWorker(String stream, String application, Retrieval retrieval, RecordCollector collector) {
    return fixture.startWorker(version(), stream, application, retrieval, collector);
  }

  private String newApplication(String purpose) {
    return fixture.newApplication(version(), purpose);
  }

  private static String createStream(String purpose, int shardCount) {
    return fixture.createStream(purpose, shardCount);
  }

  /** One record put, where Tributary put it. */
  record Sent(String shardId, String sequenceNumber, String partitionKey, byte[] data) {}

  /**
   * Puts {@code count} records with distinct partition keys (so they spread over the shards) and
   * data that names them, followed by every byte value once.
   */
  private static List<Sent> putRecords(String stream, String batch, int count) {
    List<PutRecordsRequestEntry> entries = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      entries.add(PutRecordsRequestEntry.builder()
          .partitionKey(batch + "-" + i)
          .data(SdkBytes.fromByteArray(data(stream + "/" + batch + "/" + i)))
          .build());
    }
    PutRecordsResponse response = fixture.kinesis().putRecords(b -> b.streamName(stream).records(entries)).join();
    assertEquals(0, response.failedRecordCount(), "PutRecords failures: " + response);
    List<Sent> sent = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      PutRecordsResultEntry result = response.records().get(i);
      sent.add(new Sent(result.shardId(), result.sequenceNumber(), entries.get(i).partitionKey(),
          entries.get(i).data().asByteArray()));
    }
    return sent;
  }

  private static byte[] data(String label) {
    byte[] text = label.getBytes(StandardCharsets.UTF_8);
    byte[] data = new byte[text.length + 256];
    System.arraycopy(text, 0, data, 0, text.length);
    for (int b = 0; b < 256; b++) {
      data[text.length + b] = (byte) b;
    }
    return data;
  }

  /**
   * Every record put was handed to a record processor exactly once, by the processor of the shard
   * it was put to, with its partition key and every byte of its data; and nothing else was.
   */
  static void assertConsumedExactlyOnce(List<Sent> sent, List<ConsumedRecord> consumed) {
    Map<String, ConsumedRecord> bySequenceNumber = new HashMap<>();
    Set<String> duplicates = new HashSet<>();
    for (ConsumedRecord record : consumed) {
      if (bySequenceNumber.put(record.sequenceNumber(), record) != null) {
        duplicates.add(record.sequenceNumber());
      }
    }
    assertEquals(Set.of(), duplicates, "records handed to a processor more than once");
    for (Sent record : sent) {
      ConsumedRecord got = bySequenceNumber.remove(record.sequenceNumber());
      assertNotNull(got, "record " + record.partitionKey() + " (" + record.sequenceNumber() + ") was not consumed");
      assertEquals(record.shardId(), got.shardId(), "shard of " + record.partitionKey());
      assertEquals(record.partitionKey(), got.partitionKey());
      assertArrayEquals(record.data(), got.data(), "data of " + record.partitionKey());
    }
    assertEquals(Map.of(), bySequenceNumber, "records consumed that were never put");
  }
}
