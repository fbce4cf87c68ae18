package io.tributary.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.model.PutRecordResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

/**
 * Kills the server with SIGKILL in the middle of a stream of PutRecords (or PutRecord) calls, restarts it on the
 * same data directory, and checks the promise every durability mode makes: every acknowledged
 * record is there, exactly once, in order, under the sequence number it was acknowledged with.
 * Records of the call in flight at the kill may or may not be there; nothing else may be.
 */
class CrashRecoveryTest {
  private static final int BATCH = 100;
  private static final int MIN_ACKED = 3_000;
  private static final Duration MIN_WRITING = Duration.ofSeconds(2);

  @TempDir Path dataDir;

  /**
   * @param operation PutRecords (batches of {@value #BATCH}) or PutRecord (one record a call;
   *     under wal durability the broker answers it from the event loop when its writer is idle)
   */
  @ParameterizedTest
  @CsvSource({"wal, PutRecords", "fsync, PutRecords", "wal, PutRecord"})
  void everyAcknowledgedRecordSurvivesKillNine(String durability, String operation) throws InterruptedException {
    try (TributaryProcess server = TributaryProcess.start(dataDir, "--durability", durability)) {
      String name;
      Writer writer;
      try (KinesisSdk sdk = WireEncoding.CBOR.connect(server.endpoint(), true)) {
        name = sdk.newStreamName("crash-" + durability);
        sdk.createActiveStream(name, 2);
        writer = new Writer(sdk, name, operation.equals("PutRecord") ? 1 : BATCH);
        Thread thread = new Thread(writer, "crash-writer");
        thread.start();
        awaitEnoughAcks(writer, thread, server);

        server.kill9();
        thread.join(TimeUnit.SECONDS.toMillis(30));
        assertTrue(!thread.isAlive(), "the writer did not notice the server died");
        assertNotNull(writer.failure.get(), "the writer stopped without a failure");
      }

      server.restart();

      try (KinesisSdk sdk = WireEncoding.CBOR.connect(server.endpoint())) {
        assertEquals(StreamStatus.ACTIVE,
            sdk.client().describeStreamSummary(b -> b.streamName(name)).streamDescriptionSummary().streamStatus());
        Map<String, List<Record>> stored = new HashMap<>();
        for (String shardId : List.of("shardId-000000000000", "shardId-000000000001")) {
          stored.put(shardId, sdk.readShard(name, shardId, ShardIteratorType.TRIM_HORIZON));
        }
        assertRecovered(writer, stored);
        int storedCount = stored.values().stream().mapToInt(List::size).sum();
        System.out.printf("CrashRecoveryTest (%s, %s): %d records sent, %d acknowledged, %d stored after kill -9; "
            + "the writer saw: %s%n", durability, operation, writer.sentData().size(), writer.acked.size(), storedCount,
            writer.failure.get());
      }
    }
  }

  private static void awaitEnoughAcks(Writer writer, Thread thread, TributaryProcess server)
      throws InterruptedException {
    long start = System.nanoTime();
    long deadline = start + TimeUnit.SECONDS.toNanos(30);
    while (writer.acked.size() < MIN_ACKED || System.nanoTime() - start < MIN_WRITING.toNanos()) {
      assertTrue(thread.isAlive(), () -> "the writer stopped early: " + writer.failure.get() + "\n" + server.output());
      assertTrue(System.nanoTime() < deadline, () -> "only " + writer.acked.size() + " records acknowledged in 30 s");
      Thread.sleep(20);
    }
  }

  private static void assertRecovered(Writer writer, Map<String, List<Record>> stored) {
    Set<String> sent = writer.sentData();
    Map<String, Stored> storedByData = new HashMap<>();
    for (Map.Entry<String, List<Record>> shard : stored.entrySet()) {
      BigInteger previous = BigInteger.ZERO;
      List<Record> records = shard.getValue();
      for (int position = 0; position < records.size(); position++) {
        Record record = records.get(position);
        String data = record.data().asUtf8String();
        assertTrue(sent.contains(data), "stored but never sent: " + data);
        assertNull(storedByData.put(data, new Stored(shard.getKey(), position, record.sequenceNumber())),
            "stored twice: " + data);
        BigInteger sequence = new BigInteger(record.sequenceNumber());
        assertTrue(previous.compareTo(sequence) < 0, "out of order in " + shard.getKey() + " at " + data);
        previous = sequence;
      }
    }
    Map<String, Integer> lastPositionByShard = new HashMap<>();
    for (Ack ack : writer.acked) {
      Stored found = storedByData.get(ack.data());
      assertNotNull(found, "acknowledged but lost: " + ack);
      assertEquals(ack.shardId(), found.shardId(), "shard of " + ack.data());
      assertEquals(ack.sequenceNumber(), found.sequenceNumber(), "sequence number of " + ack.data());
      assertTrue(found.position() > lastPositionByShard.getOrDefault(ack.shardId(), -1),
          "acknowledged order broken at " + ack);
      lastPositionByShard.put(ack.shardId(), found.position());
    }
    int unacknowledged = storedByData.size() - writer.acked.size();
    assertTrue(unacknowledged >= 0 && unacknowledged <= writer.batch,
        unacknowledged + " unacknowledged records stored; at most one call's records were in flight");
  }

  /** Where a record was found after the restart. */
  private record Stored(String shardId, int position, String sequenceNumber) {}

  /** One acknowledged record: where the broker said it put it. */
  private record Ack(String shardId, String sequenceNumber, String data) {}

  /**
   * Sends batches of {@code batch} records, one call at a time (PutRecord when {@code batch} is 1,
   * else PutRecords), until a call fails, and keeps what was sent and what was acknowledged.
   *
   * <p>Its lists are written by the writer thread; the test thread reads their sizes while it
   * runs and their contents after it has ended.
   */
  private static final class Writer implements Runnable {
    private final KinesisSdk sdk;
    private final String streamName;
    private final List<Ack> acked = Collections.synchronizedList(new ArrayList<>());
    private final List<List<String>> sentBatches = Collections.synchronizedList(new ArrayList<>());
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final int batch;

    Writer(KinesisSdk sdk, String streamName, int batch) {
      this.sdk = sdk;
      this.streamName = streamName;
      this.batch = batch;
    }

    @Override
    public void run() {
      int next = 0;
      try {
        while (true) {
          if (batch == 1) {
            String text = "record-" + next;
            String key = "key-" + (next % 97);
            next++;
            sentBatches.add(List.of(text));
            PutRecordResponse response = sdk.client().putRecord(b -> b.streamName(streamName)
                .partitionKey(key).data(SdkBytes.fromUtf8String(text)));
            acked.add(new Ack(response.shardId(), response.sequenceNumber(), text));
            continue;
          }
          List<String> data = new ArrayList<>(batch);
          List<PutRecordsRequestEntry> entries = new ArrayList<>(batch);
          for (int i = 0; i < batch; i++, next++) {
            String text = "record-" + next;
            data.add(text);
            entries.add(PutRecordsRequestEntry.builder().partitionKey("key-" + (next % 97))
                .data(SdkBytes.fromUtf8String(text)).build());
          }
          sentBatches.add(data);
          PutRecordsResponse response = sdk.client().putRecords(b -> b.streamName(streamName).records(entries));
          for (int i = 0; i < batch; i++) {
            PutRecordsResultEntry result = response.records().get(i);
            if (result.errorCode() == null) {
              acked.add(new Ack(result.shardId(), result.sequenceNumber(), data.get(i)));
            }
          }
        }
      } catch (RuntimeException e) {
        failure.set(e);
      }
    }

    Set<String> sentData() {
      Set<String> all = new HashSet<>();
      sentBatches.forEach(all::addAll);
      return all;
    }
  }
}
