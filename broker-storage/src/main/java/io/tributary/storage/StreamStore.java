package io.tributary.storage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

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

  /**
   * Creates several shard logs in one step, as for a new stream; returns them in the order of
   * {@code ids}, existing ones as they are. Prefer it to a loop over {@link #createShardLog}: an
   * implementation may make it much cheaper (RocksDB rewrites its OPTIONS file on every column
   * family change, so one at a time costs about 0.3 s each once 1,000 shard logs exist).
   */
  default List<ShardLog> createShardLogs(List<ShardLogId> ids) {
    List<ShardLog> logs = new ArrayList<>(ids.size());
    for (ShardLogId id : ids) {
      logs.add(createShardLog(id));
    }
    return logs;
  }

  /** One shard log's part of an {@link #appendAll}: as for {@link ShardLog#append}. */
  record ShardAppend(ShardLogId log, List<NewRecord> records, long minSequenceExclusive) {}

  /**
   * Appends to several shard logs, as for one PutRecords request, returning each append's future
   * in the order of {@code appends}, each with {@link ShardLog#append}'s guarantees; a log that
   * does not exist (or was dropped) gets a future failed with {@link ShardLogClosedException}.
   * Prefer it to a loop over {@link ShardLog#append}: an implementation may write them all in one
   * write (and, in fsync mode, one fsync), where one at a time may cost a write each.
   *
   * @throws IllegalArgumentException as {@link ShardLog#append} does, before anything is appended
   */
  default List<CompletableFuture<List<StoredRecord>>> appendAll(List<ShardAppend> appends) {
    List<CompletableFuture<List<StoredRecord>>> futures = new ArrayList<>(appends.size());
    for (ShardAppend append : appends) {
      Optional<ShardLog> log = shardLog(append.log());
      futures.add(
          log.isEmpty()
              ? CompletableFuture.failedFuture(
                  new ShardLogClosedException("shard log " + append.log() + " does not exist"))
              : log.get().append(append.records(), append.minSequenceExclusive()));
    }
    return futures;
  }

  /**
   * Whether {@link #appendAllIfIdle} can ever append: false if every append may block, for
   * instance on an fsync. Callers use it to skip preparing work for it.
   */
  default boolean canAppendWithoutBlocking() {
    return false;
  }

  /**
   * As {@link #appendAll}, but only if it can be done at once on the calling thread without
   * waiting: for a caller that must not block, such as a network event loop. Returns the futures,
   * already complete, or empty, having appended nothing, if it would have to wait (for a lock, for
   * another write in progress, for the disk, or for the storage engine to catch up). The default
   * never appends.
   *
   * @throws IllegalArgumentException as {@link #appendAll} does
   */
  default Optional<List<CompletableFuture<List<StoredRecord>>>> appendAllIfIdle(
      List<ShardAppend> appends) {
    return Optional.empty();
  }

  /** The existing log of that name. */
  Optional<ShardLog> shardLog(ShardLogId id);

  /** Every shard log on disk, for start-up reconciliation with the catalog. */
  Set<ShardLogId> shardLogIds();

  /**
   * Deletes the log and its records. Appends still queued for it fail with {@link
   * ShardLogClosedException}; a missing log is ignored.
   */
  void dropShardLog(ShardLogId id);

  /**
   * Deletes several logs in one step, as for a deleted stream, with the same guarantees as {@link
   * #dropShardLog} for each. Prefer it to a loop, for the reason given at {@link #createShardLogs}.
   */
  default void dropShardLogs(Collection<ShardLogId> ids) {
    ids.forEach(this::dropShardLog);
  }

  /** Flushes and releases everything; appends after this fail. Idempotent. */
  @Override
  void close();
}
