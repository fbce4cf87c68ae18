package io.tributary.storage.rocksdb;

import static io.tributary.storage.rocksdb.TestRecords.readAll;
import static io.tributary.storage.rocksdb.TestRecords.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.storage.NewRecord;
import io.tributary.storage.ShardLog;
import io.tributary.storage.ShardLogId;
import io.tributary.storage.StoredRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many shards written at once stay within the store's memtable budget. */
class ManyShardsMemoryTest {

  private static final int SHARDS = 200;
  private static final int ROUNDS = 80;
  private static final int RECORDS_PER_APPEND = 10;

  @TempDir Path dir;

  @Test
  void memtablesOfManyShardsWrittenAtOnceStayWithinTheBudgetAndEveryRecordIsReadBack() {
    RocksDbStoreConfig config = TestRecords.config(dir, Clock.systemUTC());
    long budget = config.writeBufferBytes();
    long written = 0;
    long mostMemTableBytes = 0;
    try (RocksDbStreamStore store = RocksDbStreamStore.open(config)) {
      List<ShardLogId> ids = new ArrayList<>();
      for (int s = 0; s < SHARDS; s++) {
        ids.add(new ShardLogId("stream/1/" + s));
      }
      List<ShardLog> logs = store.createShardLogs(ids);
      for (int round = 0; round < ROUNDS; round++) {
        List<CompletableFuture<List<StoredRecord>>> appends = new ArrayList<>();
        for (ShardLog log : logs) {
          List<NewRecord> records = new ArrayList<>();
          for (int r = 0; r < RECORDS_PER_APPEND; r++) {
            byte[] data = payload(round * RECORDS_PER_APPEND + r);
            records.add(new NewRecord("pk", data));
            written += data.length;
          }
          appends.add(log.append(records, 0));
        }
        appends.forEach(CompletableFuture::join);
        mostMemTableBytes = Math.max(mostMemTableBytes, store.memory().memTableBytes());
      }
      assertTrue(written > 3 * budget, "the test must write more than the budget: " + written);
      // One round (~1 MiB) may be written while the budget is full, before the writer waits.
      assertTrue(
          mostMemTableBytes <= budget + (2L << 20),
          "memtables reached " + mostMemTableBytes + " bytes with a budget of " + budget);

      for (ShardLog log : logs) {
        List<StoredRecord> read = readAll(log);
        assertEquals(ROUNDS * RECORDS_PER_APPEND, read.size(), log.toString());
        for (int n = 0; n < read.size(); n++) {
          assertEquals(new String(payload(n), StandardCharsets.UTF_8), text(read.get(n)));
        }
      }
    }
  }

  /** Record {@code n} of a shard: its number, padded to ~250 bytes. */
  private static byte[] payload(int n) {
    return (n + "-" + "x".repeat(240)).getBytes(StandardCharsets.UTF_8);
  }
}
