package io.tributary.storage.rocksdb;

import static io.tributary.storage.rocksdb.TestRecords.readAll;
import static io.tributary.storage.rocksdb.TestRecords.record;
import static io.tributary.storage.rocksdb.TestRecords.sameRecord;
import static io.tributary.storage.rocksdb.TestRecords.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.storage.Durability;
import io.tributary.storage.ShardLog;
import io.tributary.storage.ShardLogClosedException;
import io.tributary.storage.ShardLogId;
import io.tributary.storage.StoredRecord;
import io.tributary.storage.StreamStore.ShardAppend;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rocksdb.RocksDBException;
import org.rocksdb.Status;

/**
 * Leader/follower group commit in {@link ShardLogWriter}: who writes a batch, what waits for whom,
 * and that many concurrent writers handing the write turn around lose nothing.
 *
 * <p>Waits that would hang on a lost wake-up are bounded by {@link #LIVENESS_MINUTES}, a limit for
 * turning a hang into a failure, far above any write's duration; nothing here asserts on speed.
 */
class LeaderFollowerWriteTest {

  private static final long LIVENESS_MINUTES = 2;
  private static final ShardLogId SHARD = new ShardLogId("shard/17/0");

  @TempDir Path dir;

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T08:00:00Z"));
  private final RecordingSink sink = new RecordingSink();
  private final ExecutorService pool = Executors.newCachedThreadPool();
  private RocksDbStreamStore store;

  /**
   * Passes batches to the real sink, noting the thread and entry count of each, and holds a batch
   * at the door while {@code hold} is closed. Thread-safe.
   */
  private static final class RecordingSink {
    final List<String> threads = Collections.synchronizedList(new ArrayList<>());
    final List<Integer> counts = Collections.synchronizedList(new ArrayList<>());
    volatile CountDownLatch hold = new CountDownLatch(0);
    volatile CountDownLatch entered = new CountDownLatch(0);
    /** Whether a write that must not stall is refused as RocksDB refuses a stalled one. */
    volatile boolean stalling;

    ShardLogWriter.BatchSink around(ShardLogWriter.BatchSink real) {
      return (batch, mayStall) -> {
        if (stalling && !mayStall) {
          throw new RocksDBException(
              "Write stall", new Status(Status.Code.Incomplete, Status.SubCode.None, "Write stall"));
        }
        entered.countDown();
        try {
          hold.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while held", e);
        }
        threads.add(Thread.currentThread().getName());
        counts.add(batch.count());
        real.write(batch, mayStall);
      };
    }

    /** Makes the next batch wait in the sink until {@link #release}. */
    void holdNext() {
      entered = new CountDownLatch(1);
      hold = new CountDownLatch(1);
    }

    void awaitHeld() throws InterruptedException {
      assertTrue(entered.await(LIVENESS_MINUTES, TimeUnit.MINUTES), "no batch reached the sink");
    }

    void release() {
      hold.countDown();
    }
  }

  private void open(Durability durability) {
    store =
        RocksDbStreamStore.open(
            new RocksDbStoreConfig(
                dir, durability, clock, TestRecords.TEST_CACHE_BYTES, TestRecords.TEST_CACHE_BYTES),
            sink::around);
  }

  @AfterEach
  void close() {
    pool.shutdownNow();
    if (store != null) {
      store.close();
    }
  }

  @Test
  void appendWithNothingElseBeingWrittenIsWrittenOnTheCallersThreadBeforeAppendReturns() {
    open(Durability.WAL);
    ShardLog log = store.createShardLog(SHARD);

    CompletableFuture<List<StoredRecord>> future = log.append(List.of(record("k", "alone")), 0);

    assertTrue(future.isDone());
    assertEquals(List.of(Thread.currentThread().getName()), sink.threads);
    assertEquals("alone", text(readAll(log).get(0)));
  }

  @Test
  void appendsArrivingDuringALeadersWriteWaitAndAreWrittenTogetherByTheWriterThread()
      throws Exception {
    open(Durability.WAL);
    ShardLog log = store.createShardLog(SHARD);
    sink.holdNext();
    Future<List<StoredRecord>> leader =
        pool.submit(() -> log.append(List.of(record("k", "leader")), 0).join());
    sink.awaitHeld();

    List<CompletableFuture<List<StoredRecord>>> followers = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      followers.add(log.append(List.of(record("k", "follower " + i)), 0));
    }
    for (CompletableFuture<List<StoredRecord>> follower : followers) {
      assertFalse(follower.isDone(), "a follower was written while the leader still writes");
    }
    sink.release();

    long leaderSequence = leader.get(LIVENESS_MINUTES, TimeUnit.MINUTES).get(0).sequence();
    long previous = leaderSequence;
    for (CompletableFuture<List<StoredRecord>> follower : followers) {
      long sequence = follower.get(LIVENESS_MINUTES, TimeUnit.MINUTES).get(0).sequence();
      assertTrue(sequence > previous, "followers are sequenced after the leader, in order");
      previous = sequence;
    }
    assertEquals(List.of(1, 5), sink.counts, "the leader's batch, then the followers' one batch");
    assertEquals(ShardLogWriter.THREAD_NAME, sink.threads.get(1));
    assertEquals(6, readAll(log).size());
  }

  @Test
  void appendAllToSeveralShardLogsSharesOneWrite() {
    open(Durability.FSYNC);
    List<ShardLog> logs =
        store.createShardLogs(
            List.of(new ShardLogId("shard/17/0"), new ShardLogId("shard/17/1")));

    List<CompletableFuture<List<StoredRecord>>> futures =
        store.appendAll(
            List.of(
                new ShardAppend(logs.get(0).id(), List.of(record("a", "1"), record("a", "2")), 0),
                new ShardAppend(logs.get(1).id(), List.of(record("b", "3")), 0)));

    assertEquals(List.of(3), sink.counts);
    assertEquals(2, futures.get(0).join().size());
    assertEquals("3", text(futures.get(1).join().get(0)));
  }

  @Test
  void appendAllFailsOnlyTheDroppedLogsPart() {
    open(Durability.WAL);
    List<ShardLog> logs =
        store.createShardLogs(
            List.of(new ShardLogId("shard/17/0"), new ShardLogId("shard/17/1")));
    store.dropShardLog(logs.get(1).id());

    List<CompletableFuture<List<StoredRecord>>> futures =
        store.appendAll(
            List.of(
                new ShardAppend(logs.get(0).id(), List.of(record("a", "kept")), 0),
                new ShardAppend(logs.get(1).id(), List.of(record("b", "refused")), 0)));

    assertEquals("kept", text(futures.get(0).join().get(0)));
    CompletionException e = assertThrows(CompletionException.class, futures.get(1)::join);
    assertInstanceOf(ShardLogClosedException.class, e.getCause());
  }

  @Test
  void closeDuringALeadersWriteWritesEveryQueuedAppendBeforeItReturns() throws Exception {
    open(Durability.WAL);
    ShardLog log = store.createShardLog(SHARD);
    sink.holdNext();
    Future<List<StoredRecord>> leader =
        pool.submit(() -> log.append(List.of(record("k", "leader")), 0).join());
    sink.awaitHeld();
    List<CompletableFuture<List<StoredRecord>>> followers = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      followers.add(log.append(List.of(record("k", "follower " + i)), 0));
    }
    RocksDbStreamStore closing = store;
    Future<?> closed = pool.submit(closing::close);

    sink.release();
    closed.get(LIVENESS_MINUTES, TimeUnit.MINUTES);
    List<StoredRecord> acknowledged = new ArrayList<>(leader.get());
    for (CompletableFuture<List<StoredRecord>> follower : followers) {
      acknowledged.addAll(follower.join());
    }
    store = null;
    open(Durability.WAL);
    List<StoredRecord> read = readAll(store.shardLog(SHARD).orElseThrow());
    assertEquals(4, read.size());
    for (int i = 0; i < read.size(); i++) {
      assertTrue(sameRecord(acknowledged.get(i), read.get(i)), "record " + i);
    }
  }

  @Test
  void dropDuringALeadersWriteWaitsForThatWrite() throws Exception {
    open(Durability.WAL);
    ShardLog log = store.createShardLog(SHARD);
    ShardLog dropped = store.createShardLog(new ShardLogId("shard/17/9"));
    sink.holdNext();
    Future<List<StoredRecord>> leader =
        pool.submit(() -> log.append(List.of(record("k", "leader")), 0).join());
    sink.awaitHeld();

    Future<?> drop = pool.submit(() -> store.dropShardLog(dropped.id()));
    while (store.shardLog(dropped.id()).isPresent()) {
      Thread.onSpinWait();
    }
    assertFalse(drop.isDone(), "the drop's barrier completed while a write was in progress");
    sink.release();

    drop.get(LIVENESS_MINUTES, TimeUnit.MINUTES);
    assertEquals("leader", text(leader.get(LIVENESS_MINUTES, TimeUnit.MINUTES).get(0)));
    assertEquals(1, readAll(log).size());
  }

  @Test
  void appendAllIfIdleWritesOnTheCallersThreadWhenNothingElseIsBeingWritten() {
    open(Durability.WAL);
    ShardLog log = store.createShardLog(SHARD);

    List<CompletableFuture<List<StoredRecord>>> futures =
        store.appendAllIfIdle(List.of(new ShardAppend(SHARD, List.of(record("k", "now")), 0)))
            .orElseThrow();

    assertTrue(store.canAppendWithoutBlocking());
    assertTrue(futures.get(0).isDone());
    assertEquals(List.of(Thread.currentThread().getName()), sink.threads);
    assertEquals("now", text(readAll(log).get(0)));
  }

  @Test
  void appendAllIfIdleDuringAnotherWriteAppendsNothingAndSaysSo() throws Exception {
    open(Durability.WAL);
    ShardLog log = store.createShardLog(SHARD);
    sink.holdNext();
    Future<List<StoredRecord>> leader =
        pool.submit(() -> log.append(List.of(record("k", "leader")), 0).join());
    sink.awaitHeld();

    assertTrue(
        store.appendAllIfIdle(List.of(new ShardAppend(SHARD, List.of(record("k", "no")), 0)))
            .isEmpty());
    sink.release();

    leader.get(LIVENESS_MINUTES, TimeUnit.MINUTES);
    assertEquals(List.of("leader"), readAll(log).stream().map(TestRecords::text).toList());
    assertEquals(List.of(1), sink.counts, "nothing was queued behind the leader");
  }

  @Test
  void appendAllIfIdleThatWouldStallAppendsNothingAndLeavesTheTailWhereItWas() {
    open(Durability.WAL);
    ShardLog log = store.createShardLog(SHARD);
    long first = log.append(List.of(record("k", "first")), 0).join().get(0).sequence();
    sink.stalling = true;

    assertTrue(
        store.appendAllIfIdle(List.of(new ShardAppend(SHARD, List.of(record("k", "no")), 0)))
            .isEmpty());

    long next = log.append(List.of(record("k", "next")), 0).join().get(0).sequence();
    assertEquals(first + 1, next, "the refused write took no sequence");
    assertEquals(List.of("first", "next"), readAll(log).stream().map(TestRecords::text).toList());
  }

  @Test
  void appendAllIfIdleNeverAppendsUnderFsyncDurability() {
    open(Durability.FSYNC);
    ShardLog log = store.createShardLog(SHARD);

    assertFalse(store.canAppendWithoutBlocking());
    assertTrue(
        store.appendAllIfIdle(List.of(new ShardAppend(SHARD, List.of(record("k", "no")), 0)))
            .isEmpty());
    assertTrue(readAll(log).isEmpty());
  }

  @Test
  void appendAllToAMissingLogFailsItsFuture() {
    open(Durability.WAL);

    List<CompletableFuture<List<StoredRecord>>> futures =
        store.appendAll(
            List.of(new ShardAppend(new ShardLogId("shard/17/5"), List.of(record("k", "x")), 0)));

    CompletionException e = assertThrows(CompletionException.class, futures.get(0)::join);
    assertInstanceOf(ShardLogClosedException.class, e.getCause());
  }

  /**
   * Many threads, each appending to three shard logs at once in a closed loop, so the write turn
   * passes between leaders and the writer thread thousands of times: every acknowledged record is
   * read back (after a reopen) with its sequence, each log's sequences strictly increase, each
   * producer's records keep their order, and no append is left waiting.
   */
  @ParameterizedTest
  @EnumSource(Durability.class)
  void manyConcurrentWritersHandingTheTurnAroundLoseAndReorderNothing(Durability durability)
      throws Exception {
    open(durability);
    List<ShardLogId> ids =
        List.of(new ShardLogId("shard/17/0"), new ShardLogId("shard/17/1"),
            new ShardLogId("shard/17/2"));
    List<ShardLog> logs = store.createShardLogs(ids);
    int producers = 8;
    int rounds = durability == Durability.FSYNC ? 150 : 600;
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Map<ShardLogId, List<StoredRecord>>>> results = new ArrayList<>();
    for (int p = 0; p < producers; p++) {
      String producer = "p" + p;
      results.add(pool.submit(() -> {
        start.await();
        Map<ShardLogId, List<StoredRecord>> mine = new HashMap<>();
        for (int i = 0; i < rounds; i++) {
          if (i % 5 == 0) {
            clock.advance(1);
          }
          // Alternate one log alone and all three at once, so both paths lead and follow.
          List<ShardAppend> appends = new ArrayList<>();
          for (int s = 0; s < logs.size(); s++) {
            if (i % 2 == 0 || s == i % 3) {
              appends.add(new ShardAppend(logs.get(s).id(), List.of(record(producer, Integer.toString(i))), 0));
            }
          }
          List<CompletableFuture<List<StoredRecord>>> futures = store.appendAll(appends);
          for (int a = 0; a < appends.size(); a++) {
            List<StoredRecord> stored = futures.get(a).get(LIVENESS_MINUTES, TimeUnit.MINUTES);
            mine.computeIfAbsent(appends.get(a).log(), k -> new ArrayList<>()).addAll(stored);
          }
        }
        return mine;
      }));
    }
    start.countDown();
    Map<ShardLogId, List<StoredRecord>> acknowledged = new HashMap<>();
    for (Future<Map<ShardLogId, List<StoredRecord>>> result : results) {
      result.get(LIVENESS_MINUTES, TimeUnit.MINUTES)
          .forEach((id, stored) -> acknowledged.computeIfAbsent(id, k -> new ArrayList<>()).addAll(stored));
    }
    store.close();
    store = null;
    open(durability);

    for (ShardLogId id : ids) {
      List<StoredRecord> read = readAll(store.shardLog(id).orElseThrow());
      List<StoredRecord> acked = new ArrayList<>(acknowledged.get(id));
      acked.sort(java.util.Comparator.comparingLong(StoredRecord::sequence));
      assertEquals(acked.size(), read.size(), id + ": every acknowledged record, nothing else");
      Map<String, Integer> lastPerProducer = new HashMap<>();
      for (int i = 0; i < read.size(); i++) {
        assertTrue(sameRecord(acked.get(i), read.get(i)), id + " record " + i);
        if (i > 0) {
          assertTrue(read.get(i).sequence() > read.get(i - 1).sequence(), id + " order at " + i);
        }
        int round = Integer.parseInt(text(read.get(i)));
        Integer last = lastPerProducer.put(read.get(i).partitionKey(), round);
        assertTrue(last == null || last < round, id + ": a producer's records keep their order");
      }
    }
  }
}
