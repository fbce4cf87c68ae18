package io.tributary.core.operations;

import io.tributary.core.BrokerConfig;
import io.tributary.core.RequestContext;
import io.tributary.core.error.KinesisException;
import io.tributary.core.model.HashKeyRange;
import io.tributary.core.model.StreamArn;
import io.tributary.core.model.StreamName;
import io.tributary.core.streams.ShardState;
import io.tributary.core.streams.AppendNotifier;
import io.tributary.core.streams.StreamRegistry;
import io.tributary.core.streams.StreamState;
import io.tributary.storage.StreamStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * UpdateShardCount with UNIFORM_SCALING: reshapes the open shards into {@code TargetShardCount}
 * shards of equal hash-key ranges, as CreateStream would lay them out.
 *
 * <p>Like AWS, it gets there by splits and merges, so every new shard has a parent and at most
 * an adjacent parent, and a reader following {@code ChildShards} reads every record once:
 * first each open shard is split at every target boundary inside it, then the pieces of each
 * target range are merged left to right. Pieces split or merged again close at once, empty.
 *
 * <p>AWS's bounds apply (LimitExceededException): at most double and at least half the current
 * open shard count, at most 10,000 shards, and the account's shard limit. AWS's limit of ten
 * scalings per rolling 24 hours is not enforced.
 *
 * <p>Thread-safe.
 */
public final class UpdateShardCount implements KinesisOperation<UpdateShardCount.Request, UpdateShardCount.Response> {
  static final int MAX_SHARDS_PER_STREAM = 10_000;

  /** The only scaling type, UNIFORM_SCALING, is checked on the wire. */
  public record Request(StreamRef stream, int targetShardCount) {}

  public record Response(StreamName streamName, int currentShardCount, int targetShardCount, StreamArn streamArn) {}

  private final Resharding resharding;

  public UpdateShardCount(
      StreamRegistry registry, StreamStore store, AppendNotifier appends, BrokerConfig config, Clock clock) {
    this.resharding = new Resharding(registry, store, appends, config, clock);
  }

  @Override
  public Response execute(RequestContext context, Request request) {
    int target = request.targetShardCount();
    Resharding.Change change = resharding.reshard(context, request.stream(), (stream, lineage) -> {
      checkBounds(stream, target);
      reshape(lineage, target);
    });
    StreamState before = change.before();
    return new Response(before.key().name(), before.openShardCount(), target, before.arn());
  }

  private static void checkBounds(StreamState stream, int target) {
    int current = stream.openShardCount();
    String prefix = "UpdateShardCount failed for stream " + stream.key().name() + " under account "
        + stream.key().accountId() + ". ";
    if (target > current * 2) {
      throw KinesisException.limitExceeded(prefix + "TargetShardCount " + target
          + " is more than double the current open shard count " + current + ".");
    }
    if (target * 2 < current) {
      throw KinesisException.limitExceeded(prefix + "TargetShardCount " + target
          + " is less than half the current open shard count " + current + ".");
    }
    if (target > MAX_SHARDS_PER_STREAM) {
      throw KinesisException.limitExceeded(prefix + "TargetShardCount " + target + " is more than the "
          + MAX_SHARDS_PER_STREAM + " shards a stream may have.");
    }
  }

  private static void reshape(ShardLineage lineage, int target) {
    List<HashKeyRange> ranges = HashKeyRange.evenSplit(target);
    for (int j = 1; j < ranges.size(); j++) {
      HashKeyRange boundary = ranges.get(j);
      for (ShardState shard : lineage.openShards()) {
        HashKeyRange r = shard.hashKeyRange();
        if (r.startingHashKey().compareTo(boundary.startingHashKey()) < 0 && r.contains(boundary.startingHashKey())) {
          lineage.split(shard, boundary.startingHashKey());
          break;
        }
      }
    }
    for (HashKeyRange range : ranges) {
      List<ShardState> pieces = new ArrayList<>();
      for (ShardState shard : lineage.openShards()) {
        if (range.contains(shard.hashKeyRange().startingHashKey())) {
          pieces.add(shard);
        }
      }
      ShardState merged = pieces.get(0);
      for (int i = 1; i < pieces.size(); i++) {
        merged = lineage.merge(merged, pieces.get(i));
      }
    }
  }
}
