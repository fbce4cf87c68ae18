package io.tributary.core.operations;

import io.tributary.core.model.MetricsName;
import io.tributary.core.model.StreamArn;
import io.tributary.core.model.StreamName;
import java.util.List;

/**
 * The answer of EnableEnhancedMonitoring and DisableEnhancedMonitoring (the API's
 * {@code EnhancedMonitoringOutput}): the metrics before and after, in AWS's order.
 */
public record EnhancedMonitoringOutput(
    StreamName streamName, StreamArn streamArn, List<MetricsName> currentShardLevelMetrics,
    List<MetricsName> desiredShardLevelMetrics) {
  public EnhancedMonitoringOutput {
    currentShardLevelMetrics = List.copyOf(currentShardLevelMetrics);
    desiredShardLevelMetrics = List.copyOf(desiredShardLevelMetrics);
  }
}
