package io.tributary.storage.rocksdb;

import io.tributary.storage.Durability;
import io.tributary.storage.NewRecord;
import io.tributary.storage.ShardLog;
import io.tributary.storage.StoredRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

/** Small builders shared by the storage tests. Stateless. */
final class TestRecords {

  /** Small enough to keep the tests light; large enough for RocksDB. */
  static final long TEST_CACHE_BYTES = 8L << 20;

  private TestRecords() {}

  static RocksDbStoreConfig config(Path dir, Clock clock) {
    return new RocksDbStoreConfig(dir, Durability.WAL, clock, TEST_CACHE_BYTES, TEST_CACHE_BYTES);
  }

  static NewRecord record(String partitionKey, String data) {
    return new NewRecord(partitionKey, data.getBytes(StandardCharsets.UTF_8));
  }

  static List<StoredRecord> append(ShardLog log, NewRecord... records) {
    return log.append(List.of(records), 0).join();
  }

  static List<StoredRecord> readAll(ShardLog log) {
    return log.read(0, Integer.MAX_VALUE, Long.MAX_VALUE);
  }

  static String text(StoredRecord record) {
    return new String(record.data(), StandardCharsets.UTF_8);
  }

  static List<Long> sequences(List<StoredRecord> records) {
    return records.stream().map(StoredRecord::sequence).toList();
  }

  /** Whether the two records agree in every field, comparing data by content. */
  static boolean sameRecord(StoredRecord a, StoredRecord b) {
    return a.sequence() == b.sequence()
        && a.arrivalMillis() == b.arrivalMillis()
        && a.partitionKey().equals(b.partitionKey())
        && Arrays.equals(a.data(), b.data());
  }
}
