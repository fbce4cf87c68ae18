package io.tributary.storage.rocksdb;

import static io.tributary.storage.rocksdb.TestRecords.append;
import static io.tributary.storage.rocksdb.TestRecords.config;
import static io.tributary.storage.rocksdb.TestRecords.readAll;
import static io.tributary.storage.rocksdb.TestRecords.record;
import static io.tributary.storage.rocksdb.TestRecords.sameRecord;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.storage.Durability;
import io.tributary.storage.NewRecord;
import io.tributary.storage.ShardLog;
import io.tributary.storage.ShardLogClosedException;
import io.tributary.storage.ShardLogId;
import io.tributary.storage.StorageException;
import io.tributary.storage.StoredRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RocksDbStreamStoreTest {

  private static final long T0 = Instant.parse("2026-11-28T08:00:00Z").toEpochMilli();
  private static final ShardLogId SHARD = new ShardLogId("shard/17/3");

  @TempDir Path dir;

  private final MutableClock clock = new MutableClock(Instant.ofEpochMilli(T0));

  @Test
  void reopenAfterCloseKeepsEveryRecordWithItsSequenceAndContinuesAboveTheLast() {
    List<StoredRecord> written;
    try (RocksDbStreamStore store = RocksDbStreamStore.open(config(dir, clock))) {
      ShardLog log = store.createShardLog(SHARD);
      written = new ArrayList<>(append(log, record("a", "1"), record("b", "2")));
      clock.advance(3);
      written.addAll(append(log, record("c", "3")));
    }
    clock.set(T0 - 1_000);

    try (RocksDbStreamStore store = RocksDbStreamStore.open(config(dir, clock))) {
      ShardLog log = store.shardLog(SHARD).orElseThrow();
      List<StoredRecord> read = readAll(log);
      assertEquals(written.size(), read.size());
      for (int i = 0; i < read.size(); i++) {
        assertTrue(sameRecord(written.get(i), read.get(i)), "record " + i);
      }

      StoredRecord next = append(log, record("d", "4")).get(0);
      assertEquals(written.get(2).sequence() + 1, next.sequence());
      assertEquals(T0 + 3, next.arrivalMillis());
    }
  }

  @Test
  void shardLogIdsListsEveryShardLogButNotTheCatalogOrDefaultAcrossReopen() {
    Set<ShardLogId> ids = Set.of(new ShardLogId("shard/1/0"), new ShardLogId("shard/1/1"));
    try (RocksDbStreamStore store = RocksDbStreamStore.open(config(dir, clock))) {
      assertEquals(Set.of(), store.shardLogIds());
      ids.forEach(store::createShardLog);
      store.catalog().put("stream/orders", new byte[] {1});
      assertEquals(ids, store.shardLogIds());
    }
    try (RocksDbStreamStore store = RocksDbStreamStore.open(config(dir, clock))) {
      assertEquals(ids, store.shardLogIds());
    }
  }

  @Test
  void createShardLogReturnsTheExistingLogOfThatName() {
    try (RocksDbStreamStore store = RocksDbStreamStore.open(config(dir, clock))) {
      ShardLog first = store.createShardLog(SHARD);
      assertSame(first, store.createShardLog(SHARD));
      assertSame(first, store.shardLog(SHARD).orElseThrow());
      assertTrue(store.shardLog(new ShardLogId("shard/9/9")).isEmpty());
    }
  }

  @Test
  void droppedShardLogStaysGoneAfterReopen() {
    try (RocksDbStreamStore store = RocksDbStreamStore.open(config(dir, clock))) {
      append(store.createShardLog(SHARD), record("k", "1"));
      store.createShardLog(new ShardLogId("shard/17/4"));
      store.dropShardLog(SHARD);
      store.dropShardLog(SHARD);
    }
    try (RocksDbStreamStore store = RocksDbStreamStore.open(config(dir, clock))) {
      assertEquals(Set.of(new ShardLogId("shard/17/4")), store.shardLogIds());
    }
  }

  @Test
  void aThousandShardLogsShareOneCacheAndAllSurviveReopen() {
    int shards = 1_000;
    List<ShardLogId> ids = new ArrayList<>();
    for (int i = 0; i < shards; i++) {
      ids.add(new ShardLogId("shard/5/" + i));
    }
    try (RocksDbStreamStore store = RocksDbStreamStore.open(config(dir, clock))) {
      List<ShardLog> logs = store.createShardLogs(ids);
      List<CompletableFuture<List<StoredRecord>>> futures = new ArrayList<>();
      for (int i = 0; i < shards; i++) {
        assertEquals(ids.get(i), logs.get(i).id());
        futures.add(logs.get(i).append(List.of(record("k", "shard " + i)), 0));
      }
      futures.forEach(CompletableFuture::join);
    }
    try (RocksDbStreamStore store = RocksDbStreamStore.open(config(dir, clock))) {
      assertEquals(Set.copyOf(ids), store.shardLogIds());
      for (int i = 0; i < shards; i++) {
        ShardLog log = store.shardLog(ids.get(i)).orElseThrow();
        assertEquals(List.of("shard " + i), readAll(log).stream().map(TestRecords::text).toList());
      }
      store.dropShardLogs(ids.subList(0, 500));
      assertEquals(Set.copyOf(ids.subList(500, shards)), store.shardLogIds());
    }
  }

  @Test
  void createShardLogsReturnsNewAndExistingLogsInTheOrderAsked() {
    try (RocksDbStreamStore store = RocksDbStreamStore.open(config(dir, clock))) {
      ShardLog existing = store.createShardLog(new ShardLogId("shard/1/1"));

      List<ShardLog> logs =
          store.createShardLogs(
              List.of(
                  new ShardLogId("shard/1/2"),
                  new ShardLogId("shard/1/1"),
                  new ShardLogId("shard/1/0")));

      assertEquals(
          List.of("shard/1/2", "shard/1/1", "shard/1/0"),
          logs.stream().map(log -> log.id().value()).toList());
      assertSame(existing, logs.get(1));
      assertEquals(3, store.shardLogIds().size());
    }
  }

  @Test
  void fsyncDurabilityAcknowledgesConcurrentAppendsAndKeepsThemAcrossReopen() {
    RocksDbStoreConfig fsync = config(dir, clock).withDurability(Durability.FSYNC);
    int appends = 300;
    try (RocksDbStreamStore store = RocksDbStreamStore.open(fsync)) {
      ShardLog log = store.createShardLog(SHARD);
      List<CompletableFuture<List<StoredRecord>>> futures = new ArrayList<>();
      for (int i = 0; i < appends; i++) {
        futures.add(log.append(List.of(record("k", Integer.toString(i))), 0));
      }
      futures.forEach(CompletableFuture::join);
    }
    try (RocksDbStreamStore store = RocksDbStreamStore.open(fsync)) {
      List<StoredRecord> read = readAll(store.shardLog(SHARD).orElseThrow());
      assertEquals(appends, read.size());
      for (int i = 0; i < appends; i++) {
        assertEquals(Integer.toString(i), TestRecords.text(read.get(i)));
      }
    }
  }

  @Test
  void fsyncedAppendsQueuedDuringAWriteShareWriteBatches() throws Exception {
    AtomicInteger batches = new AtomicInteger();
    CountDownLatch firstWriteEntered = new CountDownLatch(1);
    CountDownLatch releaseFirstWrite = new CountDownLatch(1);
    RocksDbStoreConfig fsync = config(dir, clock).withDurability(Durability.FSYNC);
    int appends = 500;
    ExecutorService leaderThread = Executors.newSingleThreadExecutor();
    try (RocksDbStreamStore store =
        RocksDbStreamStore.open(
            fsync,
            real ->
                (batch, mayStall) -> {
                  if (batches.incrementAndGet() == 1) {
                    firstWriteEntered.countDown();
                    awaitUninterruptibly(releaseFirstWrite);
                  }
                  real.write(batch, mayStall);
                })) {
      ShardLog log = store.createShardLog(SHARD);
      // The first append leads and is held in its write; the rest queue behind it.
      Future<List<StoredRecord>> leader =
          leaderThread.submit(() -> log.append(List.of(record("k", "0")), 0).join());
      firstWriteEntered.await();
      List<CompletableFuture<List<StoredRecord>>> futures = new ArrayList<>();
      for (int i = 1; i < appends; i++) {
        futures.add(log.append(List.of(record("k", Integer.toString(i))), 0));
      }
      releaseFirstWrite.countDown();
      leader.get();
      futures.forEach(CompletableFuture::join);
    } finally {
      leaderThread.shutdown();
    }

    assertTrue(batches.get() < appends, batches.get() + " batches for " + appends + " appends");
  }

  private static void awaitUninterruptibly(CountDownLatch latch) {
    while (true) {
      try {
        latch.await();
        return;
      } catch (InterruptedException e) {
        // keep waiting: the test releases it
      }
    }
  }

  @Test
  void closeCompletesEveryQueuedAppendAndKeepsThoseAcknowledged() {
    List<CompletableFuture<List<StoredRecord>>> futures = new ArrayList<>();
    try (RocksDbStreamStore store = RocksDbStreamStore.open(config(dir, clock))) {
      ShardLog log = store.createShardLog(SHARD);
      for (int i = 0; i < 2_000; i++) {
        futures.add(log.append(List.of(record("k", Integer.toString(i))), 0));
      }
    }
    Set<Long> acknowledged = new HashSet<>();
    for (CompletableFuture<List<StoredRecord>> future : futures) {
      assertTrue(future.isDone());
      if (!future.isCompletedExceptionally()) {
        acknowledged.add(future.join().get(0).sequence());
      }
    }
    try (RocksDbStreamStore store = RocksDbStreamStore.open(config(dir, clock))) {
      Set<Long> stored =
          new HashSet<>(TestRecords.sequences(readAll(store.shardLog(SHARD).orElseThrow())));
      assertTrue(stored.containsAll(acknowledged));
    }
  }

  @Test
  void everyOperationAfterCloseFailsWithShardLogClosedExceptionAndCloseIsIdempotent() {
    RocksDbStreamStore store = RocksDbStreamStore.open(config(dir, clock));
    ShardLog log = store.createShardLog(SHARD);
    store.close();
    store.close();

    CompletionException append =
        assertThrows(
            CompletionException.class, () -> log.append(List.of(record("k", "1")), 0).join());
    assertInstanceOf(ShardLogClosedException.class, append.getCause());
    assertThrows(ShardLogClosedException.class, () -> log.read(0, 1, 1));
    assertThrows(ShardLogClosedException.class, log::lastSequence);
    assertThrows(ShardLogClosedException.class, () -> log.trimBefore(5));
    assertThrows(ShardLogClosedException.class, () -> store.createShardLog(SHARD));
    assertThrows(ShardLogClosedException.class, () -> store.catalog().get("k"));
    assertThrows(ShardLogClosedException.class, () -> store.catalog().put("k", new byte[0]));
  }

  @Test
  void openFailsWithAPlainMessageWhenARegularFileIsInTheWay() throws Exception {
    Path file = Files.writeString(dir.resolve("data"), "not a directory");

    StorageException e =
        assertThrows(StorageException.class, () -> RocksDbStreamStore.open(config(file, clock)));

    assertEquals(
        "Cannot open the data directory " + file + ": a file that is not a directory is in the way",
        e.getMessage());
  }

  @Test
  void secondOpenOfTheSameDirectoryFailsWhileTheFirstIsOpen() {
    try (RocksDbStreamStore first = RocksDbStreamStore.open(config(dir, clock))) {
      StorageException e =
          assertThrows(StorageException.class, () -> RocksDbStreamStore.open(config(dir, clock)));

      assertTrue(
          e.getMessage()
              .startsWith(
                  "Cannot open the data directory "
                      + dir
                      + ": it is in use by another Tributary"
                      + " broker"),
          e.getMessage());
      append(first.createShardLog(SHARD), record("k", "still usable"));
    }
  }

  @Test
  void openOfADirectoryWithCorruptFilesSaysSo() throws Exception {
    RocksDbStreamStore.open(config(dir, clock)).close();
    Files.writeString(dir.resolve("CURRENT"), "garbage", StandardCharsets.US_ASCII);

    StorageException e =
        assertThrows(StorageException.class, () -> RocksDbStreamStore.open(config(dir, clock)));

    assertTrue(
        e.getMessage()
            .startsWith("Cannot open the data directory " + dir + ": its files are corrupt"),
        e.getMessage());
  }

  @Test
  void openCreatesAMissingDataDirectory() {
    Path nested = dir.resolve("a/b/data");
    try (RocksDbStreamStore store = RocksDbStreamStore.open(config(nested, clock))) {
      assertEquals(nested, store.dataDir());
      append(store.createShardLog(SHARD), new NewRecord("k", new byte[] {42}));
    }
    assertTrue(Files.isRegularFile(nested.resolve("CURRENT")));
  }
}
