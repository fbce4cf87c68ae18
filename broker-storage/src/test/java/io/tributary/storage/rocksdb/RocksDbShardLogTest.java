package io.tributary.storage.rocksdb;

import static io.tributary.storage.rocksdb.TestRecords.append;
import static io.tributary.storage.rocksdb.TestRecords.config;
import static io.tributary.storage.rocksdb.TestRecords.readAll;
import static io.tributary.storage.rocksdb.TestRecords.record;
import static io.tributary.storage.rocksdb.TestRecords.sameRecord;
import static io.tributary.storage.rocksdb.TestRecords.sequences;
import static io.tributary.storage.rocksdb.TestRecords.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.storage.Durability;
import io.tributary.storage.NewRecord;
import io.tributary.storage.ShardLog;
import io.tributary.storage.ShardLogClosedException;
import io.tributary.storage.ShardLogId;
import io.tributary.storage.StoredRecord;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RocksDbShardLogTest {

  private static final long T0 = Instant.parse("2026-11-28T08:00:00Z").toEpochMilli();
  private static final ShardLogId SHARD = new ShardLogId("shard/17/3");

  @TempDir Path dir;

  private final MutableClock clock = new MutableClock(Instant.ofEpochMilli(T0));
  private RocksDbStreamStore store;
  private ShardLog log;

  @BeforeEach
  void open() {
    store = RocksDbStreamStore.open(config(dir, clock));
    log = store.createShardLog(SHARD);
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void appendThenReadReturnsEveryRecordByteExactInOrder() {
    byte[] everyByte = new byte[256];
    for (int i = 0; i < everyByte.length; i++) {
      everyByte[i] = (byte) i;
    }
    byte[] large = new byte[300_000];
    new java.util.Random(7).nextBytes(large);
    List<NewRecord> sent =
        List.of(
            new NewRecord("a", everyByte),
            new NewRecord("ключ-😀", new byte[0]),
            new NewRecord("b".repeat(256), large));

    List<StoredRecord> acknowledged = log.append(sent, 0).join();
    List<StoredRecord> read = readAll(log);

    assertEquals(3, read.size());
    for (int i = 0; i < sent.size(); i++) {
      assertTrue(sameRecord(acknowledged.get(i), read.get(i)), "record " + i);
      assertEquals(sent.get(i).partitionKey(), read.get(i).partitionKey());
      assertArrayEquals(sent.get(i).data(), read.get(i).data());
      assertEquals(T0, read.get(i).arrivalMillis());
    }
  }

  @Test
  void recordsInTheSameMillisecondGetConsecutiveSequencesFromArrivalShiftedLeft() {
    List<StoredRecord> first = append(log, record("k", "1"), record("k", "2"));
    List<StoredRecord> second = append(log, record("k", "3"));

    long base = T0 << 20;
    assertEquals(List.of(base, base + 1), sequences(first));
    assertEquals(List.of(base + 2), sequences(second));
  }

  @Test
  void aNewMillisecondStartsAtItsArrivalShiftedLeft() {
    append(log, record("k", "1"), record("k", "2"));
    clock.advance(1);

    StoredRecord next = append(log, record("k", "3")).get(0);

    assertEquals((T0 + 1) << 20, next.sequence());
    assertEquals(T0 + 1, next.arrivalMillis());
  }

  @Test
  void clockGoingBackwardsKeepsSequencesIncreasingAndArrivalNeverDecreasing() {
    StoredRecord before = append(log, record("k", "1")).get(0);
    clock.set(T0 - 5_000);

    StoredRecord after = append(log, record("k", "2")).get(0);

    assertEquals(before.sequence() + 1, after.sequence());
    assertEquals(T0, after.arrivalMillis());
  }

  @Test
  void minSequenceExclusiveBumpsTheSequenceAndLaterAppendsContinueAboveIt() {
    long bound = ((T0 + 100) << 20) + 7;

    StoredRecord bumped = log.append(List.of(record("k", "1")), bound).join().get(0);
    clock.advance(1);
    StoredRecord next = append(log, record("k", "2")).get(0);

    assertEquals(bound + 1, bumped.sequence());
    assertEquals(T0, bumped.arrivalMillis());
    assertEquals(bound + 2, next.sequence());
    assertEquals(T0 + 1, next.arrivalMillis());
  }

  @Test
  void readHonoursMaxRecords() {
    append(log, record("k", "1"), record("k", "2"), record("k", "3"));

    List<StoredRecord> read = log.read(0, 2, Long.MAX_VALUE);

    assertEquals(List.of("1", "2"), read.stream().map(TestRecords::text).toList());
  }

  @Test
  void readStopsBeforeTheRecordThatWouldPassMaxBytes() {
    // Each record is 1 byte of partition key plus 9 bytes of data: 10 bytes.
    append(log, record("k", "123456789"), record("k", "123456789"), record("k", "123456789"));

    assertEquals(2, log.read(0, 10, 29).size());
    assertEquals(2, log.read(0, 10, 20).size());
    assertEquals(3, log.read(0, 10, 30).size());
  }

  @Test
  void readReturnsOneRecordEvenIfItAloneIsLargerThanMaxBytes() {
    append(log, record("k", "a large record"), record("k", "another"));

    List<StoredRecord> read = log.read(0, 10, 1);

    assertEquals(List.of("a large record"), read.stream().map(TestRecords::text).toList());
  }

  @Test
  void readReturnsValuesLargerThanItsFirstBufferWholeAndInOrder() {
    List<NewRecord> records = new ArrayList<>();
    for (int size : new int[] {10, 20_000, 3, 300_000, 8_000, 1}) {
      byte[] data = new byte[size];
      for (int i = 0; i < size; i++) {
        data[i] = (byte) (i * 31 + size);
      }
      records.add(new NewRecord("key-" + size, data));
    }
    append(log, records.toArray(NewRecord[]::new));

    List<StoredRecord> read = log.read(0, 10, Long.MAX_VALUE);

    assertEquals(records.size(), read.size());
    for (int i = 0; i < records.size(); i++) {
      assertEquals(records.get(i).partitionKey(), read.get(i).partitionKey());
      assertArrayEquals(records.get(i).data(), read.get(i).data());
    }
  }

  @Test
  void readStartsAtTheGivenSequenceInclusive() {
    List<StoredRecord> all = append(log, record("k", "1"), record("k", "2"), record("k", "3"));

    assertEquals(
        sequences(all.subList(1, 3)),
        sequences(log.read(all.get(1).sequence(), 10, Long.MAX_VALUE)));
    assertEquals(List.of(), log.read(all.get(2).sequence() + 1, 10, Long.MAX_VALUE));
  }

  @Test
  void firstSequenceAtOrAfterFindsTheFirstRecordThatArrivedThen() {
    StoredRecord atT0 = append(log, record("k", "1")).get(0);
    clock.set(T0 + 10);
    StoredRecord atT10 = append(log, record("k", "2")).get(0);

    assertEquals(OptionalLong.of(atT0.sequence()), log.firstSequenceAtOrAfter(0));
    assertEquals(OptionalLong.of(atT0.sequence()), log.firstSequenceAtOrAfter(T0));
    assertEquals(OptionalLong.of(atT10.sequence()), log.firstSequenceAtOrAfter(T0 + 1));
    assertEquals(OptionalLong.of(atT10.sequence()), log.firstSequenceAtOrAfter(T0 + 10));
  }

  @Test
  void firstSequenceAtOrAfterIsEmptyWhenNothingArrivedThatLate() {
    assertEquals(OptionalLong.empty(), log.firstSequenceAtOrAfter(T0));
    append(log, record("k", "1"));

    assertEquals(OptionalLong.empty(), log.firstSequenceAtOrAfter(T0 + 1));
    assertEquals(OptionalLong.empty(), log.firstSequenceAtOrAfter(Long.MAX_VALUE));
  }

  @Test
  void firstSequenceAtOrAfterSkipsRecordsBumpedPastTheirArrivalTime() {
    // Arrived at T0 but keyed above (T0 + 5) << 20 because of minSequenceExclusive.
    log.append(List.of(record("k", "bumped")), (T0 + 5) << 20).join();
    clock.set(T0 + 5);
    StoredRecord onTime = append(log, record("k", "on time")).get(0);

    assertEquals(OptionalLong.of(onTime.sequence()), log.firstSequenceAtOrAfter(T0 + 5));
  }

  @Test
  void firstSequenceAtOrAfterBisectsPastManyBumpedRecords() {
    int bumped = RocksDbShardLog.LINEAR_SKIP_LIMIT * 5 + 3;
    List<NewRecord> early = new ArrayList<>();
    for (int i = 0; i < bumped; i++) {
      early.add(record("k", "early " + i));
    }
    log.append(early, (T0 + 1000) << 20).join();
    List<StoredRecord> late = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      clock.set(T0 + 1000 + i);
      late.addAll(append(log, record("k", "late " + i)));
    }

    for (int i = 0; i < 5; i++) {
      assertEquals(
          OptionalLong.of(late.get(i).sequence()), log.firstSequenceAtOrAfter(T0 + 1000 + i));
    }
    assertEquals(OptionalLong.of((T0 + 1000 << 20) + 1), log.firstSequenceAtOrAfter(T0));
  }

  @Test
  void firstAndLastSequenceFollowAppendsAndTrims() {
    assertEquals(OptionalLong.empty(), log.firstSequence());
    assertEquals(OptionalLong.empty(), log.lastSequence());

    List<StoredRecord> all = append(log, record("k", "1"), record("k", "2"), record("k", "3"));

    assertEquals(OptionalLong.of(all.get(0).sequence()), log.firstSequence());
    assertEquals(OptionalLong.of(all.get(2).sequence()), log.lastSequence());

    log.trimBefore(all.get(1).sequence());
    assertEquals(OptionalLong.of(all.get(1).sequence()), log.firstSequence());
    assertEquals(OptionalLong.of(all.get(2).sequence()), log.lastSequence());

    log.trimBefore(all.get(2).sequence() + 1);
    assertEquals(OptionalLong.empty(), log.firstSequence());
    assertEquals(OptionalLong.empty(), log.lastSequence());
  }

  @Test
  void trimBeforeHidesEveryEarlierRecordFromReads() {
    List<StoredRecord> all = append(log, record("k", "1"), record("k", "2"), record("k", "3"));

    log.trimBefore(all.get(2).sequence());

    assertEquals(List.of("3"), readAll(log).stream().map(TestRecords::text).toList());
    assertEquals(OptionalLong.of(all.get(2).sequence()), log.firstSequenceAtOrAfter(0));
  }

  @Test
  void trimAcrossFlushedFilesLeavesOnlyLaterRecordsEvenAfterReopen() {
    store.close();
    RocksDbStoreConfig smallMemtables =
        new RocksDbStoreConfig(dir, Durability.WAL, clock, 1L << 20, 1L << 20);
    store = RocksDbStreamStore.open(smallMemtables);
    log = store.createShardLog(SHARD);
    List<StoredRecord> written = new ArrayList<>();
    byte[] kilobyte = new byte[1024];
    for (int batch = 0; batch < 60; batch++) {
      List<NewRecord> records = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        records.add(new NewRecord("k", kilobyte));
      }
      written.addAll(log.append(records, 0).join());
      clock.advance(1);
    }

    log.trimBefore(written.get(2_500).sequence());

    assertEquals(sequences(written.subList(2_500, 6_000)), sequences(readAll(log)));
    assertEquals(OptionalLong.of(written.get(2_500).sequence()), log.firstSequence());
    store.close();
    store = RocksDbStreamStore.open(smallMemtables);
    log = store.shardLog(SHARD).orElseThrow();
    assertEquals(sequences(written.subList(2_500, 6_000)), sequences(readAll(log)));
  }

  @Test
  void trimmingEverythingStillNeverReusesASequenceAfterReopen() {
    StoredRecord old = append(log, record("k", "old")).get(0);
    log.trimBefore(Long.MAX_VALUE);
    store.close();
    clock.set(T0 - 60_000);

    store = RocksDbStreamStore.open(config(dir, clock));
    ShardLog reopened = store.shardLog(SHARD).orElseThrow();
    StoredRecord next = append(reopened, record("k", "new")).get(0);

    assertEquals(List.of("new"), readAll(reopened).stream().map(TestRecords::text).toList());
    assertEquals(old.sequence() + 1, next.sequence());
    assertEquals(T0, next.arrivalMillis());
  }

  @Test
  void appendToADroppedLogFailsWithShardLogClosedException() {
    append(log, record("k", "1"));

    store.dropShardLog(SHARD);

    CompletionException e =
        assertThrows(
            CompletionException.class, () -> log.append(List.of(record("k", "2")), 0).join());
    assertInstanceOf(ShardLogClosedException.class, e.getCause());
    assertThrows(ShardLogClosedException.class, () -> log.read(0, 1, 1));
    assertEquals(java.util.Set.of(), store.shardLogIds());
    assertTrue(store.shardLog(SHARD).isEmpty());
  }

  @Test
  void appendsQueuedBeforeADropEitherLandOrFailClosed() {
    List<CompletableFuture<List<StoredRecord>>> futures = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      futures.add(log.append(List.of(record("k", "r" + i)), 0));
    }

    store.dropShardLog(SHARD);

    for (CompletableFuture<List<StoredRecord>> future : futures) {
      assertTrue(future.isDone());
      if (future.isCompletedExceptionally()) {
        CompletionException e = assertThrows(CompletionException.class, future::join);
        assertInstanceOf(ShardLogClosedException.class, e.getCause());
      }
    }
  }

  @Test
  void concurrentAppendsFromManyThreadsNeitherReorderNorLoseRecords() throws Exception {
    int threads = 6;
    int perThread = 300;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<List<CompletableFuture<List<StoredRecord>>>>> submitted = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      String producer = "p" + t;
      submitted.add(
          pool.submit(
              () -> {
                start.await();
                List<CompletableFuture<List<StoredRecord>>> mine = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                  clock.advance(i % 7 == 0 ? 1 : 0);
                  mine.add(log.append(List.of(record(producer, Integer.toString(i))), 0));
                }
                return mine;
              }));
    }
    start.countDown();
    List<StoredRecord> acknowledged = new ArrayList<>();
    for (Future<List<CompletableFuture<List<StoredRecord>>>> futures : submitted) {
      for (CompletableFuture<List<StoredRecord>> future : futures.get()) {
        acknowledged.addAll(future.join());
      }
    }
    pool.shutdown();

    List<StoredRecord> read = readAll(log);
    assertEquals(threads * perThread, read.size());
    int[] nextPerProducer = new int[threads];
    for (int i = 0; i < read.size(); i++) {
      StoredRecord record = read.get(i);
      if (i > 0) {
        assertTrue(record.sequence() > read.get(i - 1).sequence(), "sequence order at " + i);
        assertTrue(record.arrivalMillis() >= read.get(i - 1).arrivalMillis(), "arrival at " + i);
      }
      int producer = Integer.parseInt(record.partitionKey().substring(1));
      assertEquals(Integer.toString(nextPerProducer[producer]++), text(record));
    }
    acknowledged.sort(java.util.Comparator.comparingLong(StoredRecord::sequence));
    for (int i = 0; i < read.size(); i++) {
      assertTrue(sameRecord(acknowledged.get(i), read.get(i)), "record " + i);
    }
  }

  @Test
  void appendOfNoRecordsIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> log.append(List.of(), 0));
    assertThrows(IllegalArgumentException.class, () -> log.append(List.of(record("k", "1")), -1));
  }
}
