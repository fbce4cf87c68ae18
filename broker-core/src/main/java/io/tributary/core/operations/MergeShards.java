package io.tributary.core.operations;

import io.tributary.core.BrokerConfig;
import io.tributary.core.RequestContext;
import io.tributary.core.error.KinesisException;
import io.tributary.core.model.ShardId;
import io.tributary.core.streams.ShardState;
import io.tributary.core.streams.AppendNotifier;
import io.tributary.core.streams.StreamRegistry;
import io.tributary.storage.StreamStore;
import java.math.BigInteger;
import java.time.Clock;

/**
 * MergeShards: closes two open shards whose hash-key ranges touch and opens one child covering
 * both ({@code ParentShardId} = {@code ShardToMerge}, {@code AdjacentParentShardId} = {@code
 * AdjacentShardToMerge}). AWS requires {@code ShardToMerge}'s range to end right below the
 * adjacent shard's; the stream is UPDATING for the configured delay.
 *
 * <p>Thread-safe.
 */
public final class MergeShards implements KinesisOperation<MergeShards.Request, MergeShards.Response> {

  public record Request(StreamRef stream, String shardToMerge, String adjacentShardToMerge) {}

  /** MergeShards answers with an empty body. */
  public record Response() {}

  private final Resharding resharding;

  public MergeShards(
      StreamRegistry registry, StreamStore store, AppendNotifier appends, BrokerConfig config, Clock clock) {
    this.resharding = new Resharding(registry, store, appends, config, clock);
  }

  @Override
  public Response execute(RequestContext context, Request request) {
    resharding.reshard(context, request.stream(), (stream, lineage) -> {
      String streamText = " in stream " + stream.key().name() + " under account " + stream.key().accountId();
      ShardId firstId = ShardId.parse(request.shardToMerge()).orElseThrow(() -> KinesisException.resourceNotFound(
          "Could not find shard " + request.shardToMerge() + streamText + "."));
      ShardId secondId = ShardId.parse(request.adjacentShardToMerge()).orElseThrow(() ->
          KinesisException.resourceNotFound("Could not find shard " + request.adjacentShardToMerge() + streamText + "."));
      ShardState first = lineage.open(firstId, "merging");
      ShardState second = lineage.open(secondId, "merging");
      BigInteger gapFree = first.hashKeyRange().endingHashKey().value().add(BigInteger.ONE);
      if (!gapFree.equals(second.hashKeyRange().startingHashKey().value())) {
        throw KinesisException.invalidArgument("Shards " + firstId + " and " + secondId + streamText
            + " are not an adjacent pair of shards eligible for merging");
      }
      lineage.merge(first, second);
    });
    return new Response();
  }
}
