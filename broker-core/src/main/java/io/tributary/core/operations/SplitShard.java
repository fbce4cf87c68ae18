package io.tributary.core.operations;

import io.tributary.core.BrokerConfig;
import io.tributary.core.RequestContext;
import io.tributary.core.error.KinesisException;
import io.tributary.core.model.HashKey;
import io.tributary.core.model.HashKeyRange;
import io.tributary.core.model.ShardId;
import io.tributary.core.streams.ShardState;
import io.tributary.core.streams.AppendNotifier;
import io.tributary.core.streams.StreamRegistry;
import io.tributary.storage.StreamStore;
import java.math.BigInteger;
import java.time.Clock;

/**
 * SplitShard: closes an open shard and opens two children that divide its hash-key range at
 * {@code NewStartingHashKey}, which must lie strictly inside the range (above the shard's
 * starting key plus one and below its ending key, in AWS's wording). New writes go to the
 * children at once; the stream is UPDATING for the configured delay.
 *
 * <p>Thread-safe.
 */
public final class SplitShard implements KinesisOperation<SplitShard.Request, SplitShard.Response> {

  /**
   * @param shardToSplit as sent; AWS accepts the short forms GetShardIterator accepts
   * @param newStartingHashKey the first hash key of the second child
   */
  public record Request(StreamRef stream, String shardToSplit, BigInteger newStartingHashKey) {}

  /** SplitShard answers with an empty body. */
  public record Response() {}

  private final Resharding resharding;

  public SplitShard(
      StreamRegistry registry, StreamStore store, AppendNotifier appends, BrokerConfig config, Clock clock) {
    this.resharding = new Resharding(registry, store, appends, config, clock);
  }

  @Override
  public Response execute(RequestContext context, Request request) {
    resharding.reshard(context, request.stream(), (stream, lineage) -> {
      ShardId id = ShardId.parse(request.shardToSplit()).orElseThrow(() -> KinesisException.resourceNotFound(
          "Could not find shard " + request.shardToSplit() + " in stream " + stream.key().name()
              + " under account " + stream.key().accountId() + "."));
      ShardState shard = lineage.open(id, "splitting");
      HashKeyRange range = shard.hashKeyRange();
      BigInteger at = request.newStartingHashKey();
      if (at.compareTo(range.startingHashKey().value().add(BigInteger.ONE)) <= 0
          || at.compareTo(range.endingHashKey().value()) >= 0) {
        throw KinesisException.invalidArgument("NewStartingHashKey " + at + " used in SplitShard() on shard " + id
            + " in stream " + stream.key().name() + " under account " + stream.key().accountId()
            + " is not both greater than one plus the shard's StartingHashKey " + range.startingHashKey()
            + " and less than the shard's EndingHashKey " + range.endingHashKey() + ".");
      }
      lineage.split(shard, new HashKey(at));
    });
    return new Response();
  }
}
