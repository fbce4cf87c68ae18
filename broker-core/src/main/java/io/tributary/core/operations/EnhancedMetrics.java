package io.tributary.core.operations;

import java.util.List;

/** The shard-level metrics enabled on a stream (the API's {@code EnhancedMetrics} shape). */
public record EnhancedMetrics(List<String> shardLevelMetrics) {
  public EnhancedMetrics {
    shardLevelMetrics = List.copyOf(shardLevelMetrics);
  }
}
