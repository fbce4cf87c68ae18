package io.tributary.core.operations;

import io.tributary.core.model.EncryptionType;
import io.tributary.core.model.SequenceNumber;
import io.tributary.core.model.ShardId;
import io.tributary.core.streams.ShardState;
import io.tributary.core.streams.StreamState;
import io.tributary.storage.ShardLog;
import io.tributary.storage.StoredRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reading a shard from a position, as GetRecords and SubscribeToShard both do:
 *
 * <ul>
 *   <li>Records older than the stream's retention period are never returned, whether or not
 *       the background trim has deleted them yet.
 *   <li>A closed shard is read up to its ending sequence; a reader that has its last record is
 *       done, and learns the shards that continue it ({@code ChildShards}).
 *   <li>{@code MillisBehindLatest} is 0 once the reader has the newest record, otherwise how long
 *       ago the last record returned arrived.
 * </ul>
 *
 * <p>Stateless; blocks on storage.
 */
final class ShardReader {
  private ShardReader() {}

  /**
   * What one read found.
   *
   * @param next the sequence to read from next time
   * @param shardEnded the shard is closed and {@code records} reach its end (possibly empty)
   * @param childShards the shards that continue this one, once {@code shardEnded}
   */
  record Batch(List<DataRecord> records, long next, long millisBehindLatest, boolean shardEnded,
      List<ChildShard> childShards) {}

  static Batch read(
      StreamState stream, ShardState shard, ShardLog log, long from, int maxRecords, long maxBytes, long nowMillis) {
    long cutoffMillis = nowMillis - stream.retentionHours() * 3_600_000L;
    long start = from;
    if ((start >>> 20) < cutoffMillis) {
      OptionalLong firstRetained = log.firstSequenceAtOrAfter(cutoffMillis);
      start = Math.max(start, firstRetained.isPresent() ? firstRetained.getAsLong() : lastPlusOne(log, start));
    }
    List<StoredRecord> stored = log.read(start, maxRecords, maxBytes);
    if (shard.endingSequence().isPresent()) {
      long end = shard.endingSequence().getAsLong();
      stored = stored.stream().filter(r -> r.sequence() <= end).toList();
    }
    Optional<EncryptionType> encryption =
        stream.encryptionType() == EncryptionType.NONE ? Optional.empty() : Optional.of(stream.encryptionType());
    List<DataRecord> records = new ArrayList<>(stored.size());
    for (StoredRecord r : stored) {
      records.add(new DataRecord(new SequenceNumber(shard.shardId().index(), r.sequence()),
          Instant.ofEpochMilli(r.arrivalMillis()), r.data(), r.partitionKey(), encryption));
    }
    long next = stored.isEmpty() ? start : stored.get(stored.size() - 1).sequence() + 1;
    OptionalLong newest = log.lastSequence();
    boolean caughtUp = newest.isEmpty() || next > newest.getAsLong();

    // A closed shard never grows again: once the reader has its last record, it is done.
    if (shard.endingSequence().isPresent() && caughtUp) {
      return new Batch(records, next, 0, true, childrenOf(stream, shard));
    }
    long behind = caughtUp || stored.isEmpty()
        ? 0 : Math.max(0, nowMillis - stored.get(stored.size() - 1).arrivalMillis());
    return new Batch(records, next, behind, false, List.of());
  }

  private static long lastPlusOne(ShardLog log, long from) {
    OptionalLong last = log.lastSequence();
    return last.isPresent() ? last.getAsLong() + 1 : from;
  }

  private static List<ChildShard> childrenOf(StreamState stream, ShardState parent) {
    List<ChildShard> children = new ArrayList<>();
    for (ShardState s : stream.shards()) {
      boolean child = s.parent().equals(Optional.of(parent.shardId()))
          || s.adjacentParent().equals(Optional.of(parent.shardId()));
      if (child) {
        List<ShardId> parents = new ArrayList<>();
        s.parent().ifPresent(parents::add);
        s.adjacentParent().ifPresent(parents::add);
        children.add(new ChildShard(s.shardId(), parents, s.hashKeyRange()));
      }
    }
    return children;
  }
}
