package io.tributary.storage.rocksdb;

import io.tributary.storage.Durability;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.LRUCache;
import org.rocksdb.WALRecoveryMode;
import org.rocksdb.WriteBufferManager;
import org.rocksdb.WriteOptions;

/**
 * The native option objects one {@link RocksDbStreamStore} owns, built from its {@link
 * RocksDbStoreConfig}, and their release in the right order (after the database).
 *
 * <p>Memory is bounded across any number of column families (one per shard):
 *
 * <ul>
 *   <li>One {@link LRUCache} of {@code blockCacheBytes + writeBufferBytes} holds every data, index
 *       and filter block ({@code cache_index_and_filter_blocks}, so 1,000 shards' indexes do not
 *       sit outside it). Level-0 index blocks are not pinned: pinned blocks cannot be evicted, and
 *       with many shards level 0 holds thousands of files.
 *   <li>One {@link WriteBufferManager} charges every memtable to that cache, asks for a flush when
 *       memtables reach {@code writeBufferBytes}, and makes writes wait ({@code allow_stall}) while
 *       they are above it, so a flush that falls behind the writes cannot let memtables grow.
 *   <li>{@code atomic_flush}: a flush, however triggered, flushes every column family holding
 *       data, in one job. Without it the write buffer manager flushes one column family per
 *       trigger, the one with the oldest memtable; with 1,000 shards written at once that is a
 *       thousandth of the data per flush, far slower than the writes, and memtables grew to 1.5
 *       GiB against a 64 MiB budget (see docs/benchmarks.md, Memory).
 *   <li>Memtables take memory in {@link #ARENA_BLOCK_BYTES} blocks rather than RocksDB's default
 *       of an eighth of the memtable (1 MiB here), taken as soon as a shard is written to: 1,000
 *       busy shards would count 1 GiB of mostly empty blocks against the budget.
 * </ul>
 *
 * <p>{@code max_total_wal_size} makes idle shards flush too, so their old write-ahead log files
 * can be deleted.
 *
 * <p>Not thread-safe to close; the objects themselves are only read after construction, which
 * RocksDB allows from any thread.
 */
final class RocksDbResources implements AutoCloseable {

  /**
   * Each shard's memtable is at most this, or an eighth of the budget if that is smaller, so that
   * with a few busy shards a flush starts at about half the budget and writes go on into the other
   * half while it runs.
   */
  private static final long MAX_SHARD_WRITE_BUFFER_BYTES = 16L << 20;

  /** The unit in which a shard's memtable takes memory: 1,000 busy shards start with 16 MiB. */
  static final long ARENA_BLOCK_BYTES = 16L << 10;

  private static final long CATALOG_WRITE_BUFFER_BYTES = 4L << 20;
  private static final long BLOCK_BYTES = 16L << 10;
  private static final int MAX_OPEN_FILES = 4096;

  /**
   * Files above the bottom level older than this are compacted even if nothing else would pick
   * them, so that a trimmed but idle shard still gets its space back.
   */
  private static final long SHARD_TTL_SECONDS = 24 * 60 * 60;

  final LRUCache cache;
  final WriteBufferManager writeBufferManager;
  final DBOptions dbOptions;
  final ColumnFamilyOptions shardOptions;
  final ColumnFamilyOptions catalogOptions;
  final WriteOptions writeOptions;
  /**
   * As {@link #writeOptions}, but a write that RocksDB would delay or stop (a write stall) fails at
   * once with status {@code Incomplete} instead: for writes on a thread that must not block.
   */
  final WriteOptions noStallWriteOptions;

  /** Builds the options; the native library must be loaded. */
  RocksDbResources(RocksDbStoreConfig config) {
    cache = new LRUCache(config.blockCacheBytes() + config.writeBufferBytes());
    writeBufferManager = new WriteBufferManager(config.writeBufferBytes(), cache, true);
    dbOptions =
        new DBOptions()
            .setCreateIfMissing(true)
            .setCreateMissingColumnFamilies(true)
            .setWriteBufferManager(writeBufferManager)
            .setAtomicFlush(true)
            .setMaxTotalWalSize(4 * config.writeBufferBytes())
            .setWalRecoveryMode(WALRecoveryMode.PointInTimeRecovery)
            .setAvoidFlushDuringRecovery(true)
            .setMaxOpenFiles(MAX_OPEN_FILES)
            .setMaxBackgroundJobs(2)
            .setBytesPerSync(1L << 20)
            .setKeepLogFileNum(5)
            .setMaxLogFileSize(16L << 20);
    long shardWriteBufferBytes =
        Math.max(1L << 20, Math.min(MAX_SHARD_WRITE_BUFFER_BYTES, config.writeBufferBytes() / 8));
    shardOptions =
        new ColumnFamilyOptions()
            .setWriteBufferSize(shardWriteBufferBytes)
            .setArenaBlockSize(ARENA_BLOCK_BYTES)
            .setCompressionType(CompressionType.LZ4_COMPRESSION)
            .setLevelCompactionDynamicLevelBytes(true)
            .setTtl(SHARD_TTL_SECONDS)
            .setTableFormatConfig(tableConfig());
    catalogOptions =
        new ColumnFamilyOptions()
            .setWriteBufferSize(Math.min(CATALOG_WRITE_BUFFER_BYTES, shardWriteBufferBytes))
            .setCompressionType(CompressionType.LZ4_COMPRESSION)
            .setTableFormatConfig(tableConfig());
    writeOptions = new WriteOptions().setSync(config.durability() == Durability.FSYNC);
    noStallWriteOptions =
        new WriteOptions().setSync(config.durability() == Durability.FSYNC).setNoSlowdown(true);
  }

  private BlockBasedTableConfig tableConfig() {
    return new BlockBasedTableConfig()
        .setBlockCache(cache)
        .setBlockSize(BLOCK_BYTES)
        .setCacheIndexAndFilterBlocks(true)
        .setPinL0FilterAndIndexBlocksInCache(false);
  }

  /** Releases the native objects; call only after the database using them is closed. */
  @Override
  public void close() {
    writeOptions.close();
    noStallWriteOptions.close();
    catalogOptions.close();
    shardOptions.close();
    dbOptions.close();
    writeBufferManager.close();
    cache.close();
  }
}
