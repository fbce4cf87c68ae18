package io.tributary.core.operations;

import io.tributary.core.RequestContext;
import io.tributary.core.error.KinesisException;
import io.tributary.core.model.ConsumerName;
import io.tributary.core.model.StreamArn;
import io.tributary.core.streams.ConsumerState;
import io.tributary.core.streams.PageTokens;
import io.tributary.core.streams.StreamKey;
import io.tributary.core.streams.StreamRegistry;
import io.tributary.core.streams.StreamState;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * ListStreamConsumers: the stream's consumers in name order, at most {@code MaxResults} per page
 * (default 100; "If you specify a value greater than 100, at most 100 results are returned"),
 * continuing after a {@code NextToken}. Tokens expire after 300 seconds
 * (ExpiredNextTokenException) and are bound to the stream's incarnation, so a token of a deleted
 * and re-created stream is refused. {@code StreamCreationTimestamp}, if given, must be the
 * stream's and must not come with a {@code NextToken}.
 *
 * <p>Thread-safe.
 */
public final class ListStreamConsumers
    implements KinesisOperation<ListStreamConsumers.Request, ListStreamConsumers.Response> {
  static final int MAX_RESULTS = 100;

  public record Request(
      StreamArn streamArn, Optional<String> nextToken, OptionalInt maxResults,
      Optional<Instant> streamCreationTimestamp) {}

  public record Response(List<Consumer> consumers, Optional<String> nextToken) {
    public Response {
      consumers = List.copyOf(consumers);
    }
  }

  private final StreamRegistry registry;
  private final PageTokens tokens;
  private final Clock clock;

  public ListStreamConsumers(StreamRegistry registry, PageTokens tokens, Clock clock) {
    this.registry = registry;
    this.tokens = tokens;
    this.clock = clock;
  }

  @Override
  public Response execute(RequestContext context, Request request) {
    StreamKey key = StreamKey.of(request.streamArn());
    if (request.nextToken().isPresent() && request.streamCreationTimestamp().isPresent()) {
      throw KinesisException.invalidArgument("NextToken and StreamCreationTimestamp cannot be provided together.");
    }
    StreamState stream = registry.find(key).orElseThrow(() -> StreamRegistry.notFound(key));
    if (request.streamCreationTimestamp().isPresent()
        && request.streamCreationTimestamp().get().toEpochMilli() != stream.createdMillis()) {
      throw StreamRegistry.notFound(key);
    }
    String scope = key.name().value() + "/" + stream.createdMillis();
    Optional<String> after = Optional.empty();
    if (request.nextToken().isPresent()) {
      PageTokens.Page page = tokens.decode(PageTokens.Kind.LIST_STREAM_CONSUMERS, request.nextToken().get())
          .filter(p -> p.accountId().equals(key.accountId()) && p.region().equals(key.region())
              && p.scope().equals(scope))
          .orElseThrow(() -> KinesisException.invalidArgument("Invalid NextToken."));
      after = Optional.of(page.after());
    }
    int limit = Math.min(request.maxResults().orElse(MAX_RESULTS), MAX_RESULTS);
    long now = clock.millis();
    List<ConsumerState> sorted = new ArrayList<>(stream.visibleConsumers(now));
    sorted.sort(Comparator.comparing(ConsumerState::name));
    List<Consumer> page = new ArrayList<>();
    boolean more = false;
    for (ConsumerState c : sorted) {
      if (after.isPresent() && c.name().compareTo(after.get()) <= 0) {
        continue;
      }
      if (page.size() == limit) {
        more = true;
        break;
      }
      page.add(new Consumer(new ConsumerName(c.name()), Consumers.arnOf(stream, c), c.statusAt(now).orElseThrow(),
          Instant.ofEpochMilli(c.createdMillis())));
    }
    Optional<String> next = more
        ? Optional.of(tokens.encode(PageTokens.Kind.LIST_STREAM_CONSUMERS, key.accountId(), key.region(), scope,
            page.get(page.size() - 1).consumerName().value()))
        : Optional.empty();
    return new Response(page, next);
  }
}
