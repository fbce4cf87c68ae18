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
      String[] scope = page.scope().split("/", -1);
      key = new StreamKey(page.accountId(), page.region(), new StreamName(scope[0]));
      // The first page's filter carries on unless the continuation sends its own: the Kinesis
      // Client Library sends ShardFilter with the first call only.
      if (filter.isEmpty()) {
        filter = filterOf(scope);
      }
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
        ? Optional.of(tokens.encode(PageTokens.Kind.LIST_SHARDS, key.accountId(), key.region(), scope(key, filter),
            page.get(page.size() - 1).shardId().toString()))
        : Optional.empty();
    return new Response(page, next);
  }

  /**
   * A NextToken's scope: the stream name, then, if the listing is filtered, the filter's type,
   * shard id and timestamp in epoch millis, separated by {@code /} (which neither names nor shard
   * ids may contain), e.g. {@code orders/AT_LATEST//} or {@code orders/AFTER_SHARD_ID/shardId-1/}.
   */
  private static String scope(StreamKey key, Optional<ShardFilter> filter) {
    if (filter.isEmpty()) {
      return key.name().value();
    }
    ShardFilter f = filter.get();
    return key.name().value() + "/" + f.type() + "/" + f.shardId().orElse("") + "/"
        + f.timestamp().map(t -> Long.toString(t.toEpochMilli())).orElse("");
  }

  private static Optional<ShardFilter> filterOf(String[] scope) {
    if (scope.length < 4) {
      return Optional.empty();
    }
    return Optional.of(new ShardFilter(ShardFilter.Type.valueOf(scope[1]),
        scope[2].isEmpty() ? Optional.empty() : Optional.of(scope[2]),
        scope[3].isEmpty() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(Long.parseLong(scope[3])))));
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
