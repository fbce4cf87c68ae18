package io.tributary.core.operations;

import io.tributary.core.streams.StreamState;
import java.util.List;

/** The shard-level metrics enabled on a stream (the API's {@code EnhancedMetrics} shape). */
public record EnhancedMetrics(List<String> shardLevelMetrics) {
  public EnhancedMetrics {
    shardLevelMetrics = List.copyOf(shardLevelMetrics);
  }

  /** A stream's {@code EnhancedMonitoring}: one entry with its metrics, in AWS's order. */
  static List<EnhancedMetrics> of(StreamState stream) {
    return List.of(new EnhancedMetrics(stream.shardLevelMetrics()));
  }
}
