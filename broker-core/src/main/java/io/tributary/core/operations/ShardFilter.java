package io.tributary.core.operations;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * ListShards' {@code ShardFilter}: which shards of the stream's history to list.
 *
 * @param type the filter kind
 * @param shardId for AFTER_SHARD_ID: list shards after this one
 * @param timestamp for AT_TIMESTAMP and FROM_TIMESTAMP
 */
public record ShardFilter(Type type, Optional<String> shardId, Optional<Instant> timestamp) {
  public ShardFilter {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(shardId, "shardId");
    Objects.requireNonNull(timestamp, "timestamp");
  }

  /** The filter kinds, spelled as on the wire. */
  public enum Type {
    AFTER_SHARD_ID,
    AT_TRIM_HORIZON,
    FROM_TRIM_HORIZON,
    AT_LATEST,
    AT_TIMESTAMP,
    FROM_TIMESTAMP
  }
}
