package io.tributary.core.operations;

import io.tributary.core.RequestContext;
import io.tributary.core.streams.StreamKey;
import io.tributary.core.streams.StreamRegistry;
import java.time.Clock;
import java.util.Map;

/**
 * AddTagsToStream: adds tags to a stream or overwrites the values of keys it already has. A
 * stream may have at most 50 tags; a request that would pass that adds none. Tags cannot change
 * while the stream is CREATING or DELETING (CreateStream's documentation: "you can't make any
 * updates to the tags until the stream is in ACTIVE state").
 *
 * <p>Thread-safe.
 */
public final class AddTagsToStream implements KinesisOperation<AddTagsToStream.Request, AddTagsToStream.Response> {

  public record Request(StreamRef stream, Map<String, String> tags) {
    public Request {
      tags = Map.copyOf(tags);
    }
  }

  /** AddTagsToStream answers with an empty body. */
  public record Response() {}

  private final StreamRegistry registry;
  private final Clock clock;

  public AddTagsToStream(StreamRegistry registry, Clock clock) {
    this.registry = registry;
    this.clock = clock;
  }

  @Override
  public Response execute(RequestContext context, Request request) {
    StreamKey key = request.stream().resolve(context);
    TagRules rules = TagRules.forStream(key.name().value(), key.accountId());
    registry.update(key, current -> {
      StreamSnapshot.at(current, clock.millis()).requireSettled();
      rules.checkAdded(request.tags());
      return current.toBuilder().tags(rules.merged(current.tags(), request.tags())).build();
    });
    return new Response();
  }
}
