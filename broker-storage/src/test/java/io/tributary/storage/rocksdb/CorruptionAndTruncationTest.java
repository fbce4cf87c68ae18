package io.tributary.storage.rocksdb;

import static io.tributary.storage.rocksdb.TestRecords.append;
import static io.tributary.storage.rocksdb.TestRecords.config;
import static io.tributary.storage.rocksdb.TestRecords.readAll;
import static io.tributary.storage.rocksdb.TestRecords.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.storage.ShardLog;
import io.tributary.storage.ShardLogId;
import io.tributary.storage.StoredRecord;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.DBOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

/** What the store does with bytes it did not write: malformed values and a cut-off WAL. */
class CorruptionAndTruncationTest {

  private static final ShardLogId SHARD = new ShardLogId("shard/17/3");

  @TempDir Path dir;

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T08:00:00Z"));

  @Test
  void readOfAMalformedValueFailsWithCorruptRecordExceptionNamingShardAndSequence()
      throws Exception {
    StoredRecord good;
    try (RocksDbStreamStore store = RocksDbStreamStore.open(config(dir, clock))) {
      good = append(store.createShardLog(SHARD), record("k", "good")).get(0);
    }
    long badSequence = good.sequence() + 1;
    putRaw(RecordFormat.key(badSequence), new byte[] {1, 0, 0});

    try (RocksDbStreamStore store = RocksDbStreamStore.open(config(dir, clock))) {
      ShardLog log = store.shardLog(SHARD).orElseThrow();

      CorruptRecordException e = assertThrows(CorruptRecordException.class, () -> readAll(log));
      assertEquals(OptionalLong.of(badSequence), e.sequence());
      assertTrue(e.getMessage().contains("shard/17/3"), e.getMessage());
      assertEquals(1, log.read(0, 1, Long.MAX_VALUE).size());
    }
  }

  @Test
  void appendAfterAMalformedLastRecordFailsInsteadOfGuessingTheSequence() throws Exception {
    try (RocksDbStreamStore store = RocksDbStreamStore.open(config(dir, clock))) {
      append(store.createShardLog(SHARD), record("k", "good"));
    }
    putRaw(RecordFormat.key(Long.MAX_VALUE - 1), new byte[] {9});

    try (RocksDbStreamStore store = RocksDbStreamStore.open(config(dir, clock))) {
      ShardLog log = store.shardLog(SHARD).orElseThrow();

      CompletionException e =
          assertThrows(CompletionException.class, () -> append(log, record("k", "next")));
      assertTrue(e.getCause() instanceof CorruptRecordException, String.valueOf(e.getCause()));
    }
  }

  @Test
  void aKeyThatIsNotASequenceFailsTheReadThatMeetsIt() throws Exception {
    try (RocksDbStreamStore store = RocksDbStreamStore.open(config(dir, clock))) {
      append(store.createShardLog(SHARD), record("k", "good"));
    }
    putRaw(new byte[] {0, 0, 0, 1}, new byte[] {1});

    try (RocksDbStreamStore store = RocksDbStreamStore.open(config(dir, clock))) {
      ShardLog log = store.shardLog(SHARD).orElseThrow();

      CorruptRecordException e = assertThrows(CorruptRecordException.class, () -> readAll(log));
      assertEquals(OptionalLong.empty(), e.sequence());
      assertThrows(CorruptRecordException.class, log::firstSequence);
    }
  }

  @Test
  void aKeyLongerThanASequenceIsNamedWholeByTheReadThatMeetsIt() throws Exception {
    try (RocksDbStreamStore store = RocksDbStreamStore.open(config(dir, clock))) {
      append(store.createShardLog(SHARD), record("k", "good"));
    }
    putRaw(new byte[] {0x7f, 1, 2, 3, 4, 5, 6, 7, 8}, new byte[] {1});

    try (RocksDbStreamStore store = RocksDbStreamStore.open(config(dir, clock))) {
      ShardLog log = store.shardLog(SHARD).orElseThrow();

      CorruptRecordException e = assertThrows(CorruptRecordException.class, () -> readAll(log));
      assertTrue(e.getMessage().endsWith("unexpected key 7f0102030405060708"), e.getMessage());
    }
  }

  @Test
  void reopenAfterTheWriteAheadLogTailIsCutKeepsEveryEarlierRecord() throws Exception {
    List<StoredRecord> written = new ArrayList<>();
    try (RocksDbStreamStore store = RocksDbStreamStore.open(config(dir, clock))) {
      ShardLog log = store.createShardLog(SHARD);
      for (int i = 0; i < 20; i++) {
        written.addAll(append(log, record("k", "record " + i)));
      }
    }
    Path wal = newestWal();
    long size = Files.size(wal);
    try (FileChannel channel = FileChannel.open(wal, StandardOpenOption.WRITE)) {
      channel.truncate(size - 5);
    }

    try (RocksDbStreamStore store = RocksDbStreamStore.open(config(dir, clock))) {
      ShardLog log = store.shardLog(SHARD).orElseThrow();
      List<StoredRecord> read = readAll(log);
      assertEquals(19, read.size());
      for (int i = 0; i < read.size(); i++) {
        assertEquals("record " + i, TestRecords.text(read.get(i)));
        assertEquals(written.get(i).sequence(), read.get(i).sequence());
      }
      StoredRecord next = append(log, record("k", "after")).get(0);
      assertEquals(written.get(18).sequence() + 1, next.sequence());
    }
  }

  private Path newestWal() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(path -> path.getFileName().toString().endsWith(".log"))
          .max(Comparator.comparing(path -> path.getFileName().toString()))
          .orElseThrow();
    }
  }

  /** Writes bytes the store did not produce straight into the shard's column family. */
  private void putRaw(byte[] key, byte[] value) throws RocksDBException {
    List<byte[]> names;
    try (Options options = new Options()) {
      names = RocksDB.listColumnFamilies(options, dir.toString());
    }
    List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
    names.forEach(name -> descriptors.add(new ColumnFamilyDescriptor(name)));
    List<ColumnFamilyHandle> handles = new ArrayList<>();
    try (DBOptions options = new DBOptions();
        RocksDB db = RocksDB.open(options, dir.toString(), descriptors, handles)) {
      byte[] shard = SHARD.value().getBytes(StandardCharsets.US_ASCII);
      for (int i = 0; i < names.size(); i++) {
        if (Arrays.equals(names.get(i), shard)) {
          db.put(handles.get(i), key, value);
        }
      }
    } finally {
      handles.forEach(ColumnFamilyHandle::close);
    }
  }
}
