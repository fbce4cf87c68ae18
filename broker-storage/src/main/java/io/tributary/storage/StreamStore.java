package io.tributary.storage;

import java.util.Optional;
import java.util.Set;

/**
 * Everything the broker keeps on disk: the {@link StreamCatalog} and one {@link ShardLog} per
 * shard. Implementations: {@code io.tributary.storage.rocksdb.RocksDbStreamStore}.
 *
 * <p>Thread-safe.
 */
public interface StreamStore extends AutoCloseable {

  /** The metadata map. */
  StreamCatalog catalog();

  /** Creates the shard's log, or returns the existing one of that name. */
  ShardLog createShardLog(ShardLogId id);

  /** The existing log of that name. */
  Optional<ShardLog> shardLog(ShardLogId id);

  /** Every shard log on disk, for start-up reconciliation with the catalog. */
  Set<ShardLogId> shardLogIds();

  /**
   * Deletes the log and its records. Appends still queued for it fail with {@link
   * ShardLogClosedException}; a missing log is ignored.
   */
  void dropShardLog(ShardLogId id);

  /** Flushes and releases everything; appends after this fail. Idempotent. */
  @Override
  void close();
}
