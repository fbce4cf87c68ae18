package io.tributary.core.operations;

import io.tributary.core.RequestContext;
import io.tributary.core.model.MetricsName;
import io.tributary.core.streams.StreamKey;
import io.tributary.core.streams.StreamRegistry;
import io.tributary.core.streams.StreamState;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * EnableEnhancedMonitoring: adds shard-level metrics to those the stream reports; {@code ALL}
 * stands for all seven. The answer gives the metrics before ({@code Current}) and after
 * ({@code Desired}), in AWS's order. Only an ACTIVE stream can change.
 *
 * <p>Tributary publishes no CloudWatch metrics; the setting is kept and reported, as
 * DescribeStream's {@code EnhancedMonitoring}.
 *
 * <p>Thread-safe.
 */
public final class EnableEnhancedMonitoring
    implements KinesisOperation<EnableEnhancedMonitoring.Request, EnhancedMonitoringOutput> {

  public record Request(StreamRef stream, List<MetricsName> shardLevelMetrics) {
    public Request {
      shardLevelMetrics = List.copyOf(shardLevelMetrics);
    }
  }

  private final StreamRegistry registry;
  private final Clock clock;

  public EnableEnhancedMonitoring(StreamRegistry registry, Clock clock) {
    this.registry = registry;
    this.clock = clock;
  }

  @Override
  public EnhancedMonitoringOutput execute(RequestContext context, Request request) {
    return change(registry, clock, request.stream().resolve(context), request.shardLevelMetrics(), true);
  }

  /** Adds or removes {@code metrics} and answers with the sets before and after. */
  static EnhancedMonitoringOutput change(StreamRegistry registry, Clock clock, StreamKey key, List<MetricsName> metrics,
      boolean enable) {
    Set<MetricsName> requested = MetricsName.expand(metrics);
    AtomicReference<List<MetricsName>> before = new AtomicReference<>();
    StreamState after = registry.update(key, current -> {
      StreamSnapshot.at(current, clock.millis()).requireActive();
      EnumSet<MetricsName> next = EnumSet.noneOf(MetricsName.class);
      for (String name : current.shardLevelMetrics()) {
        next.add(MetricsName.valueOf(name));
      }
      before.set(List.copyOf(next));
      if (enable) {
        next.addAll(requested);
      } else {
        next.removeAll(requested);
      }
      List<String> names = new ArrayList<>(next.size());
      next.forEach(m -> names.add(m.name()));
      return names.equals(current.shardLevelMetrics()) ? current
          : current.toBuilder().shardLevelMetrics(names).build();
    });
    List<MetricsName> desired = new ArrayList<>();
    after.shardLevelMetrics().forEach(n -> desired.add(MetricsName.valueOf(n)));
    return new EnhancedMonitoringOutput(after.key().name(), after.arn(), before.get(), desired);
  }
}
