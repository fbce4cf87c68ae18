package io.tributary.core.operations;

import io.tributary.core.RequestContext;
import io.tributary.core.error.KinesisException;
import io.tributary.core.model.ShardId;
import io.tributary.core.model.StreamName;
import io.tributary.core.model.StreamStatus;
import io.tributary.core.streams.PageTokens;
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
 * ListShards: a page of the stream's shards in id order, optionally filtered by a {@link
 * ShardFilter}, at most {@code MaxResults} (default 1000, ceiling 10000) per page. A {@code
 * NextToken} alone is a complete request: it carries the stream and the filter, and expires
 * after 300 seconds ({@code ExpiredNextTokenException}).
 *
 * <p>Thread-safe.
 */
public final class ListShards implements KinesisOperation<ListShards.Request, ListShards.Response> {
  static final int DEFAULT_MAX_RESULTS = 1000;

  public record Request(
      StreamRef stream, Optional<String> nextToken, Optional<ShardId> exclusiveStartShardId,
      OptionalInt maxResults, Optional<Instant> streamCreationTimestamp, Optional<ShardFilter> shardFilter) {}

  public record Response(List<ShardDescription> shards, Optional<String> nextToken) {}

  private final StreamRegistry registry;
  private final PageTokens tokens;
  private final Clock clock;

  public ListShards(StreamRegistry registry, PageTokens tokens, Clock clock) {
    this.registry = registry;
    this.tokens = tokens;
    this.clock = clock;
  }

  @Override
  public Response execute(RequestContext context, Request request) {
    boolean named = request.stream().name().isPresent() || request.stream().arn().isPresent();
    StreamKey key;
    Optional<ShardId> after = request.exclusiveStartShardId();
    Optional<ShardFilter> filter = request.shardFilter();
    if (request.nextToken().isPresent()) {
      if (named) {
        throw KinesisException.invalidArgument("NextToken and StreamName cannot be provided together.");
      }
      if (after.isPresent()) {
        throw KinesisException.invalidArgument("NextToken and ExclusiveStartShardId cannot be provided together.");
      }
      PageTokens.Page page = tokens.decode(PageTokens.Kind.LIST_SHARDS, request.nextToken().get())
          .filter(p -> p.accountId().equals(context.accountId()) && p.region().equals(context.region()))
          .orElseThrow(() -> KinesisException.invalidArgument("Invalid NextToken."));
      key = new StreamKey(page.accountId(), page.region(), new StreamName(page.scope()));
      after = ShardId.parse(page.after());
    } else if (!named) {
      throw KinesisException.invalidArgument("Either NextToken or StreamName should be provided.");
    } else {
      key = request.stream().resolve(context);
    }
    StreamKey streamKey = key;
    StreamState s = registry.find(streamKey).orElseThrow(() -> StreamRegistry.notFound(streamKey));
    long now = clock.millis();
    if (s.statusAt(now).orElseThrow() == StreamStatus.CREATING) {
      throw KinesisException.resourceInUse(
          "Stream " + key.name() + " under account " + key.accountId() + " is not ACTIVE.");
    }
    if (filter.isPresent() && filter.get().type() == ShardFilter.Type.AFTER_SHARD_ID) {
      ShardId filterAfter = filter.get().shardId().flatMap(ShardId::parse).orElseThrow(() ->
          KinesisException.invalidArgument("ShardId must be specified for ShardFilter type AFTER_SHARD_ID."));
      after = after.isPresent() && after.get().compareTo(filterAfter) > 0 ? after : Optional.of(filterAfter);
    }
    int limit = request.maxResults().orElse(DEFAULT_MAX_RESULTS);
    // The trim horizon is the oldest moment still readable: a stream younger than its retention
    // period reaches back to its creation.
    long trimHorizonMillis = Math.max(now - s.retentionHours() * 3_600_000L, s.createdMillis());
    List<ShardDescription> page = new ArrayList<>();
    boolean more = false;
    for (ShardState shard : s.shards()) {
      if (after.isPresent() && shard.shardId().compareTo(after.get()) <= 0) {
        continue;
      }
      if (filter.isPresent() && !matches(filter.get(), shard, trimHorizonMillis)) {
        continue;
      }
      if (page.size() == limit) {
        more = true;
        break;
      }
      page.add(ShardDescription.of(shard));
    }
    Optional<String> next = more
        ? Optional.of(tokens.encode(PageTokens.Kind.LIST_SHARDS, key.accountId(), key.region(), key.name().value(),
            page.get(page.size() - 1).shardId().toString()))
        : Optional.empty();
    return new Response(page, next);
  }

  /** Whether a shard passes the filter; shard lifetimes come from their sequence bounds. */
  private static boolean matches(ShardFilter filter, ShardState shard, long trimHorizonMillis) {
    long opened = shard.startingSequence() >>> 20;
    long closed = shard.endingSequence().isPresent() ? shard.endingSequence().getAsLong() >>> 20 : Long.MAX_VALUE;
    return switch (filter.type()) {
      case AFTER_SHARD_ID, FROM_TRIM_HORIZON -> true;
      case AT_LATEST -> shard.isOpen();
      case AT_TRIM_HORIZON -> opened <= trimHorizonMillis && closed >= trimHorizonMillis;
      case AT_TIMESTAMP -> {
        long at = timestamp(filter);
        yield opened <= at && closed >= at;
      }
      case FROM_TIMESTAMP -> closed >= timestamp(filter);
    };
  }

  private static long timestamp(ShardFilter filter) {
    return filter.timestamp().orElseThrow(() -> KinesisException.invalidArgument(
        "Timestamp must be specified for ShardFilter type " + filter.type() + ".")).toEpochMilli();
  }
}
