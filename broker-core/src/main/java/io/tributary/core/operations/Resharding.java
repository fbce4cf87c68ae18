package io.tributary.core.operations;

import io.tributary.core.BrokerConfig;
import io.tributary.core.RequestContext;
import io.tributary.core.error.KinesisException;
import io.tributary.core.model.StreamStatus;
import io.tributary.core.streams.AppendNotifier;
import io.tributary.core.streams.ShardState;
import io.tributary.core.streams.StreamKey;
import io.tributary.core.streams.StreamRegistry;
import io.tributary.core.streams.StreamState;
import io.tributary.storage.StreamStore;
import java.time.Clock;
import java.util.concurrent.locks.Lock;
import java.util.function.BiConsumer;

/**
 * What SplitShard, MergeShards and UpdateShardCount share: the stream must be ACTIVE, the
 * account's shard limit holds, the new shards' logs exist before the new shard list is
 * published, and the stream is UPDATING for the configured delay afterwards.
 *
 * <p>Shards it closes are signalled on the {@link AppendNotifier}, so their subscribers learn at
 * once that the shard ended.
 *
 * <p>It runs under the stream's shard write lock, so no append is between routing and
 * acknowledgement while shards close (see {@link StreamRegistry#shardLock}).
 *
 * <p>Thread-safe.
 */
final class Resharding {
  private final StreamRegistry registry;
  private final StreamStore store;
  private final BrokerConfig config;
  private final Clock clock;
  private final ShardLimit shardLimit;
  private final AppendNotifier appends;

  Resharding(StreamRegistry registry, StreamStore store, AppendNotifier appends, BrokerConfig config, Clock clock) {
    this.shardLimit = new ShardLimit(registry, config);
    this.registry = registry;
    this.store = store;
    this.appends = appends;
    this.config = config;
    this.clock = clock;
  }

  /**
   * Plans with {@code planner} (which throws to refuse) and publishes the result.
   *
   * @return the stream before and after
   */
  Change reshard(RequestContext context, StreamRef ref, BiConsumer<StreamState, ShardLineage> planner) {
    StreamKey key = ref.resolve(context);
    Lock lock = registry.shardLock(key).writeLock();
    lock.lock();
    try {
      long now = clock.millis();
      StreamState before = activeStream(registry, key, now);
      ShardLineage lineage = new ShardLineage(before, store, now);
      planner.accept(before, lineage);
      int added = lineage.openShards().size() - before.openShardCount();
      shardLimit.check(context, added);
      store.createShardLogs(lineage.createdLogs());
      StreamState after = registry.update(key, current -> lineage.applyTo(current).toBuilder()
          .status(StreamStatus.UPDATING, now + config.createStreamDelay().toMillis()).build());
      for (ShardState shard : before.shards()) {
        if (shard.isOpen() && after.shard(shard.shardId()).filter(ShardState::isOpen).isEmpty()) {
          appends.signal(shard.logId());
        }
      }
      return new Change(before, after);
    } finally {
      lock.unlock();
    }
  }

  /** A stream before and after a reshard. */
  record Change(StreamState before, StreamState after) {}

  /** The stream if it is ACTIVE now; AWS's ResourceInUseException if it is in another state. */
  static StreamState activeStream(StreamRegistry registry, StreamKey key, long nowMillis) {
    StreamState s = registry.find(key).orElseThrow(() -> StreamRegistry.notFound(key));
    StreamStatus status = s.statusAt(nowMillis).orElseThrow(() -> StreamRegistry.notFound(key));
    if (status != StreamStatus.ACTIVE) {
      throw KinesisException.resourceInUse("Stream " + key.name() + " under account " + key.accountId()
          + " not ACTIVE, instead in state " + status);
    }
    return s;
  }
}
