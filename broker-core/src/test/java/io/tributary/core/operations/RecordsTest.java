package io.tributary.core.operations;

import static io.tributary.core.operations.BrokerFixture.CONTEXT;
import static io.tributary.core.operations.BrokerFixture.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.KinesisException;
import io.tributary.core.model.HashKey;
import io.tributary.core.model.SequenceNumber;
import io.tributary.core.model.ShardId;
import io.tributary.core.model.ShardIteratorType;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class RecordsTest {
  private final BrokerFixture f = new BrokerFixture();
  private final StreamRef s = f.activeStream("s", 4);

  private static String shardOf(String partitionKey) {
    BigInteger hash = HashKey.ofPartitionKey(partitionKey).value();
    return new ShardId(hash.shiftRight(126).intValueExact()).toString();
  }

  @Test
  void putRecordRoutesByMd5OfThePartitionKey() {
    for (String key : List.of("a", "b", "partition-1", "zzz", "")) {
      if (key.isEmpty()) {
        continue;
      }
      assertEquals(shardOf(key), f.put(s, key, "x").shardId().toString(), key);
    }
  }

  @Test
  void explicitHashKeyOverridesThePartitionKey() {
    BigInteger top = HashKey.MAX_VALUE;
    PutRecord.Response r = f.broker.putRecord().execute(CONTEXT, new PutRecord.Request(s, new byte[] {1}, "a",
        Optional.of(top), Optional.empty()));
    assertEquals(new ShardId(3), r.shardId());
    KinesisException e = assertThrows(KinesisException.class, () -> f.broker.putRecord().execute(CONTEXT,
        new PutRecord.Request(s, new byte[] {1}, "a", Optional.of(top.add(BigInteger.ONE)), Optional.empty())));
    assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
    assertEquals("Invalid ExplicitHashKey. ExplicitHashKey must be in the range: [0, 2^128-1]. Specified value was "
        + "340282366920938463463374607431768211456", e.getMessage());
  }

  @Test
  void recordsReadBackByteExactInOrderFromTrimHorizon() {
    List<SequenceNumber> written = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      written.add(f.put(s, "a", "v" + i).sequenceNumber());
    }
    GetRecords.Response r = f.get(f.iterator(s, shardOf("a"), ShardIteratorType.TRIM_HORIZON));
    assertEquals(written, r.records().stream().map(DataRecord::sequenceNumber).toList());
    assertEquals("v0", text(r.records().get(0)));
    assertEquals("v19", text(r.records().get(19)));
    assertEquals(f.clock.instant(), r.records().get(0).approximateArrivalTimestamp());
    assertEquals(0, r.millisBehindLatest());
    assertTrue(r.nextShardIterator().isPresent());
    assertEquals(List.of(), f.get(r.nextShardIterator().get()).records());
  }

  @Test
  void sequenceNumbersIncreaseWithinAShardEvenInOneMillisecond() {
    SequenceNumber previous = null;
    for (int i = 0; i < 100; i++) {
      SequenceNumber n = f.put(s, "a", "v").sequenceNumber();
      if (previous != null) {
        assertTrue(n.toBigInteger().compareTo(previous.toBigInteger()) > 0);
      }
      previous = n;
    }
  }

  @Test
  void limitCapsTheRecordsReturned() {
    for (int i = 0; i < 5; i++) {
      f.put(s, "a", "v" + i);
    }
    String it = f.iterator(s, shardOf("a"), ShardIteratorType.TRIM_HORIZON);
    GetRecords.Response two = f.broker.getRecords().execute(CONTEXT,
        new GetRecords.Request(it, OptionalInt.of(2), Optional.empty()));
    assertEquals(List.of("v0", "v1"), two.records().stream().map(BrokerFixture::text).toList());
    assertTrue(two.millisBehindLatest() >= 0);
    assertEquals(List.of("v2", "v3", "v4"),
        f.get(two.nextShardIterator().orElseThrow()).records().stream().map(BrokerFixture::text).toList());
  }

  @Test
  void latestIteratorSeesOnlyLaterRecords() {
    f.put(s, "a", "before");
    String it = f.iterator(s, shardOf("a"), ShardIteratorType.LATEST);
    f.put(s, "a", "after");
    assertEquals(List.of("after"), f.get(it).records().stream().map(BrokerFixture::text).toList());
  }

  @Test
  void atAndAfterSequenceNumberStartAtAndPastTheRecord() {
    f.put(s, "a", "r0");
    SequenceNumber n1 = f.put(s, "a", "r1").sequenceNumber();
    f.put(s, "a", "r2");
    String at = f.iterator(s, shardOf("a"), ShardIteratorType.AT_SEQUENCE_NUMBER, Optional.of(n1.toString()),
        Optional.empty());
    String after = f.iterator(s, shardOf("a"), ShardIteratorType.AFTER_SEQUENCE_NUMBER, Optional.of(n1.toString()),
        Optional.empty());
    assertEquals(List.of("r1", "r2"), f.get(at).records().stream().map(BrokerFixture::text).toList());
    assertEquals(List.of("r2"), f.get(after).records().stream().map(BrokerFixture::text).toList());
  }

  @Test
  void sequenceNumberFromAnotherShardIsRefusedWithAwsWording() {
    SequenceNumber n = f.put(s, "a", "r").sequenceNumber();
    String other = new ShardId((n.shardIndex() + 1) % 4).toString();
    KinesisException e = assertThrows(KinesisException.class, () -> f.iterator(s, other,
        ShardIteratorType.AT_SEQUENCE_NUMBER, Optional.of(n.toString()), Optional.empty()));
    assertEquals("Invalid StartingSequenceNumber. It encodes " + new ShardId(n.shardIndex())
        + ", while it was used in a call to a shard with " + other, e.getMessage());
    KinesisException garbage = assertThrows(KinesisException.class, () -> f.iterator(s, "shardId-000000000000",
        ShardIteratorType.AT_SEQUENCE_NUMBER, Optional.of("123"), Optional.empty()));
    assertEquals("StartingSequenceNumber 123 used in GetShardIterator on shard shardId-000000000000 in stream s under"
        + " account 000000000000 is invalid.", garbage.getMessage());
  }

  @Test
  void iteratorTypeAndSequenceNumberMustAgree() {
    KinesisException missing = assertThrows(KinesisException.class,
        () -> f.iterator(s, "shardId-000000000000", ShardIteratorType.AT_SEQUENCE_NUMBER));
    assertTrue(missing.getMessage().endsWith("Request specified AT_SEQUENCE_NUMBER and no StartingSequenceNumber."));
    KinesisException extra = assertThrows(KinesisException.class, () -> f.iterator(s, "shardId-000000000000",
        ShardIteratorType.LATEST, Optional.of("1"), Optional.empty()));
    assertTrue(extra.getMessage().endsWith("Request specified LATEST and also a StartingSequenceNumber."));
  }

  @Test
  void atTimestampStartsAtTheFirstRecordAtOrAfterIt() {
    f.put(s, "a", "early");
    f.clock.advance(Duration.ofSeconds(10));
    Instant middle = f.clock.instant();
    f.put(s, "a", "late");
    String it = f.iterator(s, shardOf("a"), ShardIteratorType.AT_TIMESTAMP, Optional.empty(),
        Optional.of(middle.minusMillis(1)));
    assertEquals(List.of("late"), f.get(it).records().stream().map(BrokerFixture::text).toList());
  }

  @Test
  void atTimestampInTheFutureWaitsForRecordsArrivingThen() {
    f.put(s, "a", "now");
    Instant future = f.clock.instant().plusSeconds(60);
    String it = f.iterator(s, shardOf("a"), ShardIteratorType.AT_TIMESTAMP, Optional.empty(), Optional.of(future));
    f.clock.advance(Duration.ofSeconds(30));
    f.put(s, "a", "too early");
    f.clock.advance(Duration.ofSeconds(31));
    f.put(s, "a", "in time");
    assertEquals(List.of("in time"), f.get(it).records().stream().map(BrokerFixture::text).toList());
  }

  @Test
  void atTimestampWithoutTimestampIsInvalidArgument() {
    KinesisException e = assertThrows(KinesisException.class,
        () -> f.iterator(s, "shardId-000000000000", ShardIteratorType.AT_TIMESTAMP));
    assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
  }

  @Test
  void unknownShardIsResourceNotFound() {
    KinesisException e = assertThrows(KinesisException.class,
        () -> f.iterator(s, "shardId-000000000009", ShardIteratorType.LATEST));
    assertEquals(ErrorCode.RESOURCE_NOT_FOUND, e.code());
    assertEquals("Shard shardId-000000000009 in stream s under account 000000000000 does not exist", e.getMessage());
  }

  @Test
  void sequenceNumberForOrderingPushesTheNextSequenceAboveIt() {
    SequenceNumber far = new SequenceNumber(0, (f.clock.millis() + 60_000) << 20);
    PutRecord.Response r = f.broker.putRecord().execute(CONTEXT, new PutRecord.Request(s,
        "x".getBytes(StandardCharsets.UTF_8), "a", Optional.empty(), Optional.of(far.toString())));
    assertTrue(r.sequenceNumber().sequence() > far.sequence());
    KinesisException e = assertThrows(KinesisException.class, () -> f.broker.putRecord().execute(CONTEXT,
        new PutRecord.Request(s, new byte[0], "a", Optional.empty(), Optional.of("5"))));
    assertEquals("ExclusiveMinimumSequenceNumber 5 used in PutRecord on stream s under account 000000000000 is invalid.",
        e.getMessage());
  }

  @Test
  void putRecordsAnswersInRequestOrderAcrossShards() {
    List<PutRecords.Entry> entries = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      entries.add(new PutRecords.Entry(("d" + i).getBytes(StandardCharsets.UTF_8), "key-" + i, Optional.empty()));
    }
    PutRecords.Response r = f.broker.putRecords().execute(CONTEXT, new PutRecords.Request(s, entries));
    assertEquals(0, r.failedRecordCount());
    assertEquals(500, r.records().size());
    for (int i = 0; i < 500; i++) {
      assertEquals(shardOf("key-" + i), r.records().get(i).shardId().orElseThrow().toString());
    }
    int total = 0;
    for (int shard = 0; shard < 4; shard++) {
      total += f.get(f.iterator(s, new ShardId(shard).toString(), ShardIteratorType.TRIM_HORIZON)).records().size();
    }
    assertEquals(500, total);
  }

  @Test
  void putRecordsOverTenMebibytesIsRefusedWhole() {
    byte[] big = new byte[1024 * 1024 - 16];
    List<PutRecords.Entry> entries = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      entries.add(new PutRecords.Entry(big, "k" + i, Optional.empty()));
    }
    KinesisException e = assertThrows(KinesisException.class,
        () -> f.broker.putRecords().execute(CONTEXT, new PutRecords.Request(s, entries)));
    assertEquals("Records size exceeds 10 MB limit", e.getMessage());
    assertEquals(List.of(), f.get(f.iterator(s, shardOf("k0"), ShardIteratorType.TRIM_HORIZON)).records());
  }

  @Test
  void concurrentWritersToOneShardNeitherLoseNorReorder() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<SequenceNumber>>> writers = new ArrayList<>();
      for (int w = 0; w < 4; w++) {
        int writer = w;
        writers.add(pool.submit(() -> {
          List<SequenceNumber> mine = new ArrayList<>();
          for (int i = 0; i < 200; i++) {
            mine.add(f.put(s, "a", writer + ":" + i).sequenceNumber());
          }
          return mine;
        }));
      }
      List<String> read = new ArrayList<>();
      String it = f.iterator(s, shardOf("a"), ShardIteratorType.TRIM_HORIZON);
      for (Future<List<SequenceNumber>> w : writers) {
        w.get();
      }
      read.addAll(f.get(it).records().stream().map(BrokerFixture::text).toList());
      assertEquals(800, read.size());
      for (int w = 0; w < 4; w++) {
        String prefix = w + ":";
        List<String> mine = read.stream().filter(x -> x.startsWith(prefix)).toList();
        for (int i = 0; i < 200; i++) {
          assertEquals(prefix + i, mine.get(i));
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
