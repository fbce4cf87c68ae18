package io.tributary.core.operations;

import io.tributary.core.BrokerConfig;
import io.tributary.core.RequestContext;
import io.tributary.core.model.StreamMode;
import io.tributary.core.streams.StreamRegistry;
import io.tributary.core.streams.StreamState;

/**
 * DescribeLimits: the caller's shard limit and open shards, and its on-demand stream limit and
 * on-demand streams, in the request's region. Counted as CreateStream counts them when it
 * enforces the same limits.
 *
 * <p>Thread-safe.
 */
public final class DescribeLimits implements KinesisOperation<DescribeLimits.Request, DescribeLimits.Response> {

  /** DescribeLimits takes no members. */
  public record Request() {}

  public record Response(int shardLimit, int openShardCount, int onDemandStreamCount, int onDemandStreamCountLimit) {}

  private final StreamRegistry registry;
  private final BrokerConfig config;

  public DescribeLimits(StreamRegistry registry, BrokerConfig config) {
    this.registry = registry;
    this.config = config;
  }

  @Override
  public Response execute(RequestContext context, Request request) {
    int openShards = 0;
    int onDemand = 0;
    for (StreamState s : registry.list(context.accountId(), context.region())) {
      openShards += s.openShardCount();
      if (s.streamMode() == StreamMode.ON_DEMAND) {
        onDemand++;
      }
    }
    return new Response(config.shardLimit(), openShards, onDemand, config.onDemandStreamCountLimit());
  }
}
