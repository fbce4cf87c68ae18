package io.tributary.core.operations;

import io.tributary.core.model.HashKeyRange;
import io.tributary.core.model.SequenceNumber;
import io.tributary.core.model.ShardId;
import io.tributary.core.streams.ShardState;
import java.util.Optional;

/** A shard as DescribeStream and ListShards show it (the API's {@code Shard} shape). */
public record ShardDescription(
    ShardId shardId,
    Optional<ShardId> parentShardId,
    Optional<ShardId> adjacentParentShardId,
    HashKeyRange hashKeyRange,
    SequenceNumber startingSequenceNumber,
    Optional<SequenceNumber> endingSequenceNumber) {

  static ShardDescription of(ShardState shard) {
    return new ShardDescription(shard.shardId(), shard.parent(), shard.adjacentParent(), shard.hashKeyRange(),
        shard.startingSequenceNumber(), shard.endingSequenceNumber());
  }
}
