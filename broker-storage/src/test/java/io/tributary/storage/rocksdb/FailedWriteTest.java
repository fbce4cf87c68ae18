package io.tributary.storage.rocksdb;

import static io.tributary.storage.rocksdb.TestRecords.append;
import static io.tributary.storage.rocksdb.TestRecords.config;
import static io.tributary.storage.rocksdb.TestRecords.readAll;
import static io.tributary.storage.rocksdb.TestRecords.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.storage.ShardLog;
import io.tributary.storage.ShardLogId;
import io.tributary.storage.StorageException;
import io.tributary.storage.StoredRecord;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.RocksDBException;
import org.rocksdb.Status;

/** A write-ahead log write that fails: what callers see and what state is left. */
class FailedWriteTest {

  private static final ShardLogId SHARD = new ShardLogId("shard/17/3");

  @TempDir Path dir;

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T08:00:00Z"));
  private final FailingSink failing = new FailingSink();
  private RocksDbStreamStore store;
  private ShardLog log;

  /** Fails every batch while {@code failing} is set, as a full disk would. Thread-safe. */
  private static final class FailingSink {
    volatile boolean failing;

    ShardLogWriter.BatchSink around(ShardLogWriter.BatchSink real) {
      return (batch, mayStall) -> {
        if (failing) {
          throw new RocksDBException(
              "IO error: No space left on device",
              new Status(Status.Code.IOError, Status.SubCode.NoSpace, "No space left on device"));
        }
        real.write(batch, mayStall);
      };
    }
  }

  @BeforeEach
  void open() {
    store = RocksDbStreamStore.open(config(dir, clock), failing::around);
    log = store.createShardLog(SHARD);
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void failedWriteFailsTheAppendWithAStorageExceptionNamingShardAndCause() {
    failing.failing = true;

    CompletionException e =
        assertThrows(CompletionException.class, () -> append(log, record("k", "lost")));

    StorageException cause = assertInstanceOf(StorageException.class, e.getCause());
    assertTrue(cause.getMessage().contains("shard/17/3"), cause.getMessage());
    assertTrue(cause.getMessage().contains("No space left on device"), cause.getMessage());
    assertInstanceOf(RocksDBException.class, cause.getCause());
  }

  @Test
  void failedWriteDoesNotAdvanceTheSequenceOrLeaveRecordsBehind() {
    StoredRecord before = append(log, record("k", "kept")).get(0);
    failing.failing = true;
    assertThrows(
        CompletionException.class, () -> append(log, record("k", "lost"), record("k", "lost")));
    failing.failing = false;

    StoredRecord after = append(log, record("k", "kept too")).get(0);

    assertEquals(before.sequence() + 1, after.sequence());
    assertEquals(
        List.of("kept", "kept too"), readAll(log).stream().map(TestRecords::text).toList());
    assertEquals(OptionalLong.of(after.sequence()), log.lastSequence());
  }

  @Test
  void failedTrimKeepsTheRecords() {
    StoredRecord kept = append(log, record("k", "kept")).get(0);
    failing.failing = true;

    assertThrows(StorageException.class, () -> log.trimBefore(kept.sequence() + 1));

    failing.failing = false;
    assertEquals(List.of("kept"), readAll(log).stream().map(TestRecords::text).toList());
    assertEquals(OptionalLong.of(kept.sequence()), log.lastSequence());
  }
}
