package io.tributary.core.operations;

import io.tributary.core.RequestContext;
import io.tributary.core.error.KinesisException;
import io.tributary.core.model.StreamName;
import io.tributary.core.streams.PageTokens;
import io.tributary.core.streams.StreamRegistry;
import io.tributary.core.streams.StreamState;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * ListStreams: the caller's streams in this region, in name order, at most {@code Limit}
 * (default and ceiling 100) per page, continuing after {@code ExclusiveStartStreamName} or a
 * {@code NextToken}.
 *
 * <p>Thread-safe.
 */
public final class ListStreams implements KinesisOperation<ListStreams.Request, ListStreams.Response> {
  static final int MAX_STREAMS = 100;

  public record Request(OptionalInt limit, Optional<StreamName> exclusiveStartStreamName, Optional<String> nextToken) {}

  public record Response(
      List<StreamName> streamNames, boolean hasMoreStreams, Optional<String> nextToken,
      List<StreamSummary> streamSummaries) {}

  private final StreamRegistry registry;
  private final PageTokens tokens;
  private final Clock clock;

  public ListStreams(StreamRegistry registry, PageTokens tokens, Clock clock) {
    this.registry = registry;
    this.tokens = tokens;
    this.clock = clock;
  }

  @Override
  public Response execute(RequestContext context, Request request) {
    Optional<String> after = request.exclusiveStartStreamName().map(StreamName::value);
    if (request.nextToken().isPresent()) {
      PageTokens.Page page = tokens.decode(PageTokens.Kind.LIST_STREAMS, request.nextToken().get())
          .filter(p -> p.accountId().equals(context.accountId()) && p.region().equals(context.region()))
          .orElseThrow(() -> KinesisException.invalidArgument("Invalid NextToken."));
      after = Optional.of(page.after());
    }
    int limit = Math.min(request.limit().orElse(MAX_STREAMS), MAX_STREAMS);
    long now = clock.millis();
    List<StreamName> names = new ArrayList<>();
    List<StreamSummary> summaries = new ArrayList<>();
    boolean more = false;
    for (StreamState s : registry.list(context.accountId(), context.region())) {
      if (after.isPresent() && s.key().name().value().compareTo(after.get()) <= 0) {
        continue;
      }
      if (names.size() == limit) {
        more = true;
        break;
      }
      names.add(s.key().name());
      summaries.add(new StreamSummary(s.key().name(), s.arn(), s.statusAt(now).orElseThrow(), s.streamMode(),
          Instant.ofEpochMilli(s.createdMillis())));
    }
    Optional<String> next = more
        ? Optional.of(tokens.encode(PageTokens.Kind.LIST_STREAMS, context.accountId(), context.region(), "",
            names.get(names.size() - 1).value()))
        : Optional.empty();
    return new Response(names, more, next, summaries);
  }
}
