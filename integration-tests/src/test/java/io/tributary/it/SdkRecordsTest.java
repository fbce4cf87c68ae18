package io.tributary.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * Writing and reading records through the AWS SDK for Java v2, in CBOR and in JSON: every byte
 * comes back, in order, from every kind of shard iterator.
 */
class SdkRecordsTest {
  private static final String SHARD_0 = "shardId-000000000000";

  @TempDir static Path dataDir;
  private static TributaryProcess server;

  @BeforeAll
  static void startServer() {
    server = TributaryProcess.start(dataDir);
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @ParameterizedTest
  @EnumSource(WireEncoding.class)
  void putRecordIsReadBackByteExactFromTrimHorizon(WireEncoding encoding) {
    try (KinesisSdk sdk = encoding.connect(server.endpoint())) {
      KinesisClient kinesis = sdk.client();
      String name = sdk.newStreamName("put-record");
      sdk.createActiveStream(name, 1);
      byte[] data = everyByteValue();
      String partitionKey = "clé-😀-" + encoding;

      PutRecordResponse put = kinesis.putRecord(b -> b.streamName(name).partitionKey(partitionKey)
          .data(SdkBytes.fromByteArray(data)));
      List<Record> read = sdk.readShard(name, SHARD_0, ShardIteratorType.TRIM_HORIZON);

      assertEquals(SHARD_0, put.shardId());
      assertEquals(1, read.size());
      assertEquals(put.sequenceNumber(), read.get(0).sequenceNumber());
      assertEquals(partitionKey, read.get(0).partitionKey());
      assertArrayEquals(data, read.get(0).data().asByteArray());
      sdk.assertEveryExchangeUsedItsEncoding();
    }
  }

  @ParameterizedTest
  @EnumSource(WireEncoding.class)
  void fiveHundredPutRecordsAreReadBackInOrderFromEveryShard(WireEncoding encoding) {
    try (KinesisSdk sdk = encoding.connect(server.endpoint())) {
      KinesisClient kinesis = sdk.client();
      String name = sdk.newStreamName("put-records");
      List<Shard> shards = sdk.createActiveStream(name, 4).shards();
      Random random = new Random(500);
      List<PutRecordsRequestEntry> entries = new ArrayList<>();
      for (int i = 0; i < 500; i++) {
        byte[] data = new byte[i == 0 ? 0 : random.nextInt(2_000)];
        random.nextBytes(data);
        entries.add(PutRecordsRequestEntry.builder().partitionKey("key-" + i).data(SdkBytes.fromByteArray(data)).build());
      }

      PutRecordsResponse put = kinesis.putRecords(b -> b.streamName(name).records(entries));

      assertEquals(0, put.failedRecordCount());
      assertEquals(500, put.records().size());
      Map<String, List<Integer>> putOrderByShard = new HashMap<>();
      for (int i = 0; i < 500; i++) {
        PutRecordsResultEntry result = put.records().get(i);
        assertNull(result.errorCode(), result.errorMessage());
        assertEquals(shardOwning(shards, md5HashKey(entries.get(i).partitionKey())), result.shardId(),
            "shard of partition key " + entries.get(i).partitionKey());
        putOrderByShard.computeIfAbsent(result.shardId(), s -> new ArrayList<>()).add(i);
      }
      int readCount = 0;
      for (Shard shard : shards) {
        List<Record> read = sdk.readShard(name, shard.shardId(), ShardIteratorType.TRIM_HORIZON);
        List<Integer> expected = putOrderByShard.getOrDefault(shard.shardId(), List.of());
        assertEquals(expected.size(), read.size(), shard.shardId());
        assertAscendingSequenceNumbers(read);
        for (int j = 0; j < read.size(); j++) {
          int i = expected.get(j);
          assertEquals(put.records().get(i).sequenceNumber(), read.get(j).sequenceNumber());
          assertEquals(entries.get(i).partitionKey(), read.get(j).partitionKey());
          assertArrayEquals(entries.get(i).data().asByteArray(), read.get(j).data().asByteArray(), "record " + i);
        }
        readCount += read.size();
      }
      assertEquals(500, readCount);
      sdk.assertEveryExchangeUsedItsEncoding();
    }
  }

  @ParameterizedTest
  @EnumSource(WireEncoding.class)
  void latestIteratorSeesOnlyRecordsPutAfterIt(WireEncoding encoding) {
    try (KinesisSdk sdk = encoding.connect(server.endpoint())) {
      KinesisClient kinesis = sdk.client();
      String name = sdk.newStreamName("latest");
      sdk.createActiveStream(name, 1);
      put(kinesis, name, "before");

      String latest = kinesis.getShardIterator(b -> b.streamName(name).shardId(SHARD_0)
          .shardIteratorType(ShardIteratorType.LATEST)).shardIterator();
      GetRecordsResponse empty = kinesis.getRecords(b -> b.shardIterator(latest));
      put(kinesis, name, "after");

      assertEquals(List.of(), empty.records());
      assertEquals(List.of("after"), texts(sdk.readToEnd(empty.nextShardIterator())));
      assertEquals(List.of("after"), texts(sdk.readToEnd(latest)));
      sdk.assertEveryExchangeUsedItsEncoding();
    }
  }

  @ParameterizedTest
  @EnumSource(WireEncoding.class)
  void sequenceNumberIteratorsStartAtOrJustAfterTheirRecord(WireEncoding encoding) {
    try (KinesisSdk sdk = encoding.connect(server.endpoint())) {
      KinesisClient kinesis = sdk.client();
      String name = sdk.newStreamName("at-sequence");
      sdk.createActiveStream(name, 1);
      put(kinesis, name, "one");
      String second = put(kinesis, name, "two").sequenceNumber();
      put(kinesis, name, "three");

      List<Record> at = sdk.readToEnd(kinesis.getShardIterator(b -> b.streamName(name).shardId(SHARD_0)
          .shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER).startingSequenceNumber(second)).shardIterator());
      List<Record> after = sdk.readToEnd(kinesis.getShardIterator(b -> b.streamName(name).shardId(SHARD_0)
          .shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).startingSequenceNumber(second)).shardIterator());

      assertEquals(List.of("two", "three"), texts(at));
      assertEquals(second, at.get(0).sequenceNumber());
      assertEquals(List.of("three"), texts(after));
      sdk.assertEveryExchangeUsedItsEncoding();
    }
  }

  @ParameterizedTest
  @EnumSource(WireEncoding.class)
  void atTimestampIteratorStartsAtTheFirstRecordThatArrivedThen(WireEncoding encoding) throws InterruptedException {
    try (KinesisSdk sdk = encoding.connect(server.endpoint())) {
      KinesisClient kinesis = sdk.client();
      String name = sdk.newStreamName("at-timestamp");
      sdk.createActiveStream(name, 1);
      put(kinesis, name, "early");
      Thread.sleep(50);
      put(kinesis, name, "middle");
      put(kinesis, name, "late");
      Instant middleArrival = sdk.readShard(name, SHARD_0, ShardIteratorType.TRIM_HORIZON).get(1)
          .approximateArrivalTimestamp();

      List<Record> read = sdk.readToEnd(kinesis.getShardIterator(b -> b.streamName(name).shardId(SHARD_0)
          .shardIteratorType(ShardIteratorType.AT_TIMESTAMP).timestamp(middleArrival)).shardIterator());

      assertEquals(List.of("middle", "late"), texts(read));
      sdk.assertEveryExchangeUsedItsEncoding();
    }
  }

  @ParameterizedTest
  @EnumSource(WireEncoding.class)
  void atFutureTimestampAnswersPromptlyAndSkipsEarlierRecords(WireEncoding encoding) {
    try (KinesisSdk sdk = encoding.connect(server.endpoint())) {
      KinesisClient kinesis = sdk.client();
      String name = sdk.newStreamName("future");
      sdk.createActiveStream(name, 1);
      put(kinesis, name, "now");
      Instant inOneHour = Instant.now().plus(Duration.ofHours(1));

      long startNanos = System.nanoTime();
      String iterator = kinesis.getShardIterator(b -> b.streamName(name).shardId(SHARD_0)
          .shardIteratorType(ShardIteratorType.AT_TIMESTAMP).timestamp(inOneHour)).shardIterator();
      GetRecordsResponse response = kinesis.getRecords(b -> b.shardIterator(iterator));
      Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
      put(kinesis, name, "still before the timestamp");

      assertTrue(took.compareTo(Duration.ofSeconds(2)) < 0, "took " + took);
      assertEquals(List.of(), response.records());
      assertNotNull(response.nextShardIterator());
      assertEquals(List.of(), sdk.readToEnd(response.nextShardIterator()));
      sdk.assertEveryExchangeUsedItsEncoding();
    }
  }

  @ParameterizedTest
  @EnumSource(WireEncoding.class)
  void arrivalTimestampIsWithinSecondsOfNow(WireEncoding encoding) {
    try (KinesisSdk sdk = encoding.connect(server.endpoint())) {
      KinesisClient kinesis = sdk.client();
      String name = sdk.newStreamName("arrival");
      sdk.createActiveStream(name, 1);
      Instant before = Instant.now();
      put(kinesis, name, "stamped");
      Instant after = Instant.now();

      Instant arrival = sdk.readShard(name, SHARD_0, ShardIteratorType.TRIM_HORIZON).get(0)
          .approximateArrivalTimestamp();

      // Seconds read as milliseconds (or the reverse) would land in 1970 or in the far future.
      assertTrue(!arrival.isBefore(before.minusSeconds(5)) && !arrival.isAfter(after.plusSeconds(5)),
          arrival + " is not between " + before + " and " + after);
      sdk.assertEveryExchangeUsedItsEncoding();
    }
  }

  @ParameterizedTest
  @EnumSource(WireEncoding.class)
  void explicitHashKeyRoutesToTheShardOwningIt(WireEncoding encoding) {
    try (KinesisSdk sdk = encoding.connect(server.endpoint())) {
      KinesisClient kinesis = sdk.client();
      String name = sdk.newStreamName("explicit-hash-key");
      List<Shard> shards = sdk.createActiveStream(name, 4).shards();

      for (Shard shard : shards) {
        for (String hashKey : List.of(shard.hashKeyRange().startingHashKey(), shard.hashKeyRange().endingHashKey())) {
          // The partition key alone would hash elsewhere for three shards out of four.
          String routed = kinesis.putRecord(b -> b.streamName(name).partitionKey("same-key").explicitHashKey(hashKey)
              .data(SdkBytes.fromUtf8String(hashKey))).shardId();

          assertEquals(shard.shardId(), routed, "explicit hash key " + hashKey);
        }
      }
      for (Shard shard : shards) {
        List<String> read = texts(sdk.readShard(name, shard.shardId(), ShardIteratorType.TRIM_HORIZON));
        assertEquals(List.of(shard.hashKeyRange().startingHashKey(), shard.hashKeyRange().endingHashKey()), read);
      }
      sdk.assertEveryExchangeUsedItsEncoding();
    }
  }

  private static PutRecordResponse put(KinesisClient kinesis, String stream, String text) {
    return kinesis.putRecord(b -> b.streamName(stream).partitionKey("k").data(SdkBytes.fromUtf8String(text)));
  }

  private static List<String> texts(List<Record> records) {
    return records.stream().map(r -> r.data().asUtf8String()).toList();
  }

  private static byte[] everyByteValue() {
    byte[] data = new byte[512];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) i;
    }
    return data;
  }

  private static void assertAscendingSequenceNumbers(List<Record> records) {
    for (int i = 1; i < records.size(); i++) {
      BigInteger previous = new BigInteger(records.get(i - 1).sequenceNumber());
      BigInteger current = new BigInteger(records.get(i).sequenceNumber());
      assertTrue(previous.compareTo(current) < 0, previous + " is not below " + current);
    }
  }

  /** Kinesis's routing: the MD5 of the partition key's UTF-8 bytes, as an unsigned 128-bit number. */
  private static BigInteger md5HashKey(String partitionKey) {
    try {
      byte[] digest = MessageDigest.getInstance("MD5").digest(partitionKey.getBytes(StandardCharsets.UTF_8));
      return new BigInteger(1, digest);
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  private static String shardOwning(List<Shard> shards, BigInteger hashKey) {
    for (Shard shard : shards) {
      BigInteger start = new BigInteger(shard.hashKeyRange().startingHashKey());
      BigInteger end = new BigInteger(shard.hashKeyRange().endingHashKey());
      if (start.compareTo(hashKey) <= 0 && hashKey.compareTo(end) <= 0) {
        return shard.shardId();
      }
    }
    throw new AssertionError("no shard owns " + hashKey);
  }
}
