package io.tributary.core.streams;

import io.tributary.core.model.HashKeyRange;
import io.tributary.core.model.SequenceNumber;
import io.tributary.core.model.ShardId;
import io.tributary.storage.ShardLogId;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One shard of a stream: its hash-key range, its lineage, and the span of log sequences it holds.
 *
 * @param shardId the shard's id; its index is unique within the stream
 * @param hashKeyRange the keys routed to it while it is open
 * @param parent the shard it was split from or merged from, if any
 * @param adjacentParent the other shard of a merge, if any
 * @param startingSequence the lowest log sequence the shard may hold: its creation time in
 *     epoch millis shifted left by 20 (see {@code io.tributary.storage.ShardLog})
 * @param endingSequence set once the shard is closed by a reshard: the highest log sequence it
 *     holds
 * @param logId the shard's log on disk
 */
public record ShardState(
    ShardId shardId,
    HashKeyRange hashKeyRange,
    Optional<ShardId> parent,
    Optional<ShardId> adjacentParent,
    long startingSequence,
    OptionalLong endingSequence,
    ShardLogId logId) {

  public ShardState {
    Objects.requireNonNull(shardId, "shardId");
    Objects.requireNonNull(hashKeyRange, "hashKeyRange");
    Objects.requireNonNull(parent, "parent");
    Objects.requireNonNull(adjacentParent, "adjacentParent");
    Objects.requireNonNull(endingSequence, "endingSequence");
    Objects.requireNonNull(logId, "logId");
  }

  public boolean isOpen() {
    return endingSequence.isEmpty();
  }

  public SequenceNumber startingSequenceNumber() {
    return new SequenceNumber(shardId.index(), startingSequence);
  }

  public Optional<SequenceNumber> endingSequenceNumber() {
    return endingSequence.isPresent()
        ? Optional.of(new SequenceNumber(shardId.index(), endingSequence.getAsLong()))
        : Optional.empty();
  }
}
