package io.tributary.core.operations;

import io.tributary.core.model.HashKeyRange;
import io.tributary.core.model.ShardId;
import java.util.List;

/** A shard that continues a closed one (the API's {@code ChildShard} shape). */
public record ChildShard(ShardId shardId, List<ShardId> parentShards, HashKeyRange hashKeyRange) {
  public ChildShard {
    parentShards = List.copyOf(parentShards);
  }
}
