package io.tributary.core.operations;

import io.tributary.core.RequestContext;
import io.tributary.core.model.ShardId;
import io.tributary.core.model.StreamStatus;
import io.tributary.core.streams.ShardState;
import io.tributary.core.streams.StreamKey;
import io.tributary.core.streams.StreamRegistry;
import io.tributary.core.streams.StreamState;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * DescribeStream: the stream and a page of its shards, at most {@code Limit} (default and
 * ceiling 100, as AWS documents) after {@code ExclusiveStartShardId}. A CREATING stream lists no
 * shards yet, as in AWS.
 *
 * <p>Thread-safe.
 */
public final class DescribeStream implements KinesisOperation<DescribeStream.Request, DescribeStream.Response> {
  static final int MAX_SHARDS = 100;

  public record Request(StreamRef stream, OptionalInt limit, Optional<ShardId> exclusiveStartShardId) {}

  public record Response(StreamDescription streamDescription) {}

  private final StreamRegistry registry;
  private final Clock clock;

  public DescribeStream(StreamRegistry registry, Clock clock) {
    this.registry = registry;
    this.clock = clock;
  }

  @Override
  public Response execute(RequestContext context, Request request) {
    StreamKey key = request.stream().resolve(context);
    StreamState s = registry.find(key).orElseThrow(() -> StreamRegistry.notFound(key));
    StreamStatus status = s.statusAt(clock.millis()).orElseThrow(() -> StreamRegistry.notFound(key));
    int limit = Math.min(request.limit().orElse(MAX_SHARDS), MAX_SHARDS);
    List<ShardDescription> page = new ArrayList<>();
    boolean more = false;
    if (status != StreamStatus.CREATING) {
      for (ShardState shard : s.shards()) {
        if (request.exclusiveStartShardId().isPresent()
            && shard.shardId().compareTo(request.exclusiveStartShardId().get()) <= 0) {
          continue;
        }
        if (page.size() == limit) {
          more = true;
          break;
        }
        page.add(ShardDescription.of(shard));
      }
    }
    return new Response(new StreamDescription(s.key().name(), s.arn(), status, s.streamMode(), page, more,
        s.retentionHours(), Instant.ofEpochMilli(s.createdMillis()), EnhancedMetrics.of(s),
        s.encryptionType(), s.keyId()));
  }
}
