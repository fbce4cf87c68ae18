package io.tributary.core.streams;

import io.tributary.storage.ShardLog;
import io.tributary.storage.StreamStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.locks.Lock;

/**
 * Deletes what a stream's retention period has expired: records older than the period are
 * trimmed from their shard logs (the storage engine reclaims the space in the background), and
 * a closed shard whose last possible record has expired is removed from the stream and its log
 * dropped, so it no longer appears in DescribeStream or ListShards, as AWS describes.
 *
 * <p>Reads never depend on this having run: GetRecords skips expired records itself. Run it
 * now and then; each run is a seek per shard plus the deletes.
 *
 * <p>Thread-safe; runs are serialized by the caller.
 */
public final class RetentionEnforcer {
  private final StreamRegistry registry;
  private final StreamStore store;
  private final Clock clock;

  public RetentionEnforcer(StreamRegistry registry, StreamStore store, Clock clock) {
    this.registry = registry;
    this.store = store;
    this.clock = clock;
  }

  /** Trims every stream of every account once. */
  public void enforce() {
    for (StreamState stream : registry.all()) {
      long cutoffMillis = clock.millis() - stream.retentionHours() * 3_600_000L;
      List<ShardState> expired = new ArrayList<>();
      for (ShardState shard : stream.shards()) {
        if (shard.endingSequence().isPresent() && (shard.endingSequence().getAsLong() >>> 20) < cutoffMillis) {
          expired.add(shard);
        } else {
          store.shardLog(shard.logId()).ifPresent(log -> trim(log, cutoffMillis));
        }
      }
      if (!expired.isEmpty()) {
        removeShards(stream.key(), expired);
      }
    }
  }

  /**
   * Deletes the stream's records that arrived before {@code cutoffMillis} now, from every shard.
   * IncreaseStreamRetentionPeriod calls it with the old period's cutoff before it lengthens the
   * period, because AWS does not make records expired under the previous period readable again.
   */
  public void trimNow(StreamState stream, long cutoffMillis) {
    for (ShardState shard : stream.shards()) {
      store.shardLog(shard.logId()).ifPresent(log -> trim(log, cutoffMillis));
    }
  }

  private static void trim(ShardLog log, long cutoffMillis) {
    OptionalLong first = log.firstSequence();
    if (first.isEmpty() || (first.getAsLong() >>> 20) >= cutoffMillis) {
      return;
    }
    OptionalLong keepFrom = log.firstSequenceAtOrAfter(cutoffMillis);
    if (keepFrom.isPresent()) {
      log.trimBefore(keepFrom.getAsLong());
    } else {
      OptionalLong last = log.lastSequence();
      if (last.isPresent()) {
        log.trimBefore(last.getAsLong() + 1);
      }
    }
  }

  private void removeShards(StreamKey key, List<ShardState> expired) {
    Lock lock = registry.shardLock(key).writeLock();
    lock.lock();
    try {
      Optional<StreamState> current = registry.find(key);
      if (current.isEmpty()) {
        return;
      }
      registry.update(key, s -> {
        List<ShardState> kept = new ArrayList<>(s.shards());
        kept.removeIf(shard -> expired.stream().anyMatch(e -> e.shardId().equals(shard.shardId())));
        return s.toBuilder().shards(kept, s.nextShardIndex()).build();
      });
      store.dropShardLogs(expired.stream().map(ShardState::logId).toList());
    } finally {
      lock.unlock();
    }
  }
}
