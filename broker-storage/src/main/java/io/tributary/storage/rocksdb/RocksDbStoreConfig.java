package io.tributary.storage.rocksdb;

import io.tributary.storage.Durability;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * How to open a {@link RocksDbStreamStore}.
 *
 * <p>Memory: the block cache and the memtables of every column family share one LRU cache of {@code
 * blockCacheBytes + writeBufferBytes}. The write buffer manager charges memtable memory to that
 * cache and flushes the largest memtables when their total reaches {@code writeBufferBytes}, so
 * block and memtable memory stay within that budget however many shards there are.
 *
 * <p>The two sizes are adjacent {@code long}s; prefer {@link #defaults} and the {@code with}
 * methods to the canonical constructor.
 *
 * <p>Immutable.
 *
 * @param dataDir the directory holding the RocksDB files; created if missing
 * @param durability when an append or catalog write is acknowledged
 * @param clock the source of arrival times; nothing in the store reads the wall clock directly
 * @param blockCacheBytes the LRU cache for data, index and filter blocks, at least 1 MiB
 * @param writeBufferBytes the budget for all memtables together, at least 1 MiB
 */
public record RocksDbStoreConfig(
    Path dataDir, Durability durability, Clock clock, long blockCacheBytes, long writeBufferBytes) {

  /** The block cache in {@link #defaults(Path)}: 64 MiB. */
  public static final long DEFAULT_BLOCK_CACHE_BYTES = 64L << 20;

  /** The memtable budget in {@link #defaults(Path)}: 64 MiB. */
  public static final long DEFAULT_WRITE_BUFFER_BYTES = 64L << 20;

  private static final long MIN_BYTES = 1L << 20;

  public RocksDbStoreConfig {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(durability, "durability");
    Objects.requireNonNull(clock, "clock");
    if (blockCacheBytes < MIN_BYTES) {
      throw new IllegalArgumentException(
          "blockCacheBytes must be at least 1 MiB: " + blockCacheBytes);
    }
    if (writeBufferBytes < MIN_BYTES) {
      throw new IllegalArgumentException(
          "writeBufferBytes must be at least 1 MiB: " + writeBufferBytes);
    }
  }

  /**
   * The configuration the broker starts with: {@link Durability#FSYNC} (an acknowledged record
   * survives power loss; group commit keeps the cost to one fsync per batch), the system UTC clock,
   * a 64 MiB block cache and a 64 MiB memtable budget.
   */
  public static RocksDbStoreConfig defaults(Path dataDir) {
    return new RocksDbStoreConfig(
        dataDir,
        Durability.FSYNC,
        Clock.systemUTC(),
        DEFAULT_BLOCK_CACHE_BYTES,
        DEFAULT_WRITE_BUFFER_BYTES);
  }

  /** This configuration with another durability. */
  public RocksDbStoreConfig withDurability(Durability newDurability) {
    return new RocksDbStoreConfig(dataDir, newDurability, clock, blockCacheBytes, writeBufferBytes);
  }

  /** This configuration with another block cache size. */
  public RocksDbStoreConfig withBlockCacheBytes(long newBlockCacheBytes) {
    return new RocksDbStoreConfig(dataDir, durability, clock, newBlockCacheBytes, writeBufferBytes);
  }

  /** This configuration with another memtable budget. */
  public RocksDbStoreConfig withWriteBufferBytes(long newWriteBufferBytes) {
    return new RocksDbStoreConfig(dataDir, durability, clock, blockCacheBytes, newWriteBufferBytes);
  }

  /** This configuration with another clock. */
  public RocksDbStoreConfig withClock(Clock newClock) {
    return new RocksDbStoreConfig(dataDir, durability, newClock, blockCacheBytes, writeBufferBytes);
  }
}
