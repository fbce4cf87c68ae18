package io.tributary.core.operations;

import io.tributary.core.RequestContext;
import io.tributary.core.streams.StreamKey;
import io.tributary.core.streams.StreamRegistry;
import java.time.Clock;
import java.util.List;
import java.util.TreeMap;

/**
 * RemoveTagsFromStream: removes the tags with the given keys; keys the stream does not have are
 * ignored, as AWS documents. Refused while the stream is CREATING or DELETING.
 *
 * <p>Thread-safe.
 */
public final class RemoveTagsFromStream
    implements KinesisOperation<RemoveTagsFromStream.Request, RemoveTagsFromStream.Response> {

  public record Request(StreamRef stream, List<String> tagKeys) {
    public Request {
      tagKeys = List.copyOf(tagKeys);
    }
  }

  /** RemoveTagsFromStream answers with an empty body. */
  public record Response() {}

  private final StreamRegistry registry;
  private final Clock clock;

  public RemoveTagsFromStream(StreamRegistry registry, Clock clock) {
    this.registry = registry;
    this.clock = clock;
  }

  @Override
  public Response execute(RequestContext context, Request request) {
    StreamKey key = request.stream().resolve(context);
    TagRules rules = TagRules.forStream(key.name().value(), key.accountId());
    registry.update(key, current -> {
      StreamSnapshot.at(current, clock.millis()).requireSettled();
      rules.checkRemoved(request.tagKeys());
      TreeMap<String, String> next = new TreeMap<>(current.tags());
      request.tagKeys().forEach(next::remove);
      return next.equals(current.tags()) ? current : current.toBuilder().tags(next).build();
    });
    return new Response();
  }
}
