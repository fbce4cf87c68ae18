package io.tributary.core.operations;

import io.tributary.core.RequestContext;
import io.tributary.core.model.MetricsName;
import io.tributary.core.streams.StreamRegistry;
import java.time.Clock;
import java.util.List;

/**
 * DisableEnhancedMonitoring: removes shard-level metrics from those the stream reports;
 * {@code ALL} removes every one. Answers as EnableEnhancedMonitoring does. Only an ACTIVE
 * stream can change.
 *
 * <p>Thread-safe.
 */
public final class DisableEnhancedMonitoring
    implements KinesisOperation<DisableEnhancedMonitoring.Request, EnhancedMonitoringOutput> {

  public record Request(StreamRef stream, List<MetricsName> shardLevelMetrics) {
    public Request {
      shardLevelMetrics = List.copyOf(shardLevelMetrics);
    }
  }

  private final StreamRegistry registry;
  private final Clock clock;

  public DisableEnhancedMonitoring(StreamRegistry registry, Clock clock) {
    this.registry = registry;
    this.clock = clock;
  }

  @Override
  public EnhancedMonitoringOutput execute(RequestContext context, Request request) {
    return EnableEnhancedMonitoring.change(registry, clock, request.stream().resolve(context),
        request.shardLevelMetrics(), false);
  }
}
