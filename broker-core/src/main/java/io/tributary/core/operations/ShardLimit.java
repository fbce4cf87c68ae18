package io.tributary.core.operations;

import io.tributary.core.BrokerConfig;
import io.tributary.core.RequestContext;
import io.tributary.core.error.KinesisException;
import io.tributary.core.streams.StreamRegistry;
import io.tributary.core.streams.StreamState;

/**
 * The account's open-shard limit in one region, checked by every operation that adds shards,
 * with AWS's LimitExceededException text.
 *
 * <p>Thread-safe.
 */
final class ShardLimit {
  private final StreamRegistry registry;
  private final BrokerConfig config;

  ShardLimit(StreamRegistry registry, BrokerConfig config) {
    this.registry = registry;
    this.config = config;
  }

  /** Refuses a request that would open {@code added} more shards than the limit allows. */
  void check(RequestContext context, int added) {
    if (added <= 0) {
      return;
    }
    int current = 0;
    for (StreamState s : registry.list(context.accountId(), context.region())) {
      current += s.openShardCount();
    }
    if (current + added > config.shardLimit()) {
      throw KinesisException.limitExceeded(
          "This request would exceed the shard limit for the account " + context.accountId() + " in "
              + context.region() + ". Current shard count for the account: " + current + ". Limit: "
              + config.shardLimit() + ". Number of additional shards that would have resulted from this request: "
              + added + ". Refer to the AWS Service Limits page "
              + "(http://docs.aws.amazon.com/general/latest/gr/aws_service_limits.html) "
              + "for current limits and how to request higher limits.");
    }
  }
}
