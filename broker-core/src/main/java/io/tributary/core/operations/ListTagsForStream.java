package io.tributary.core.operations;

import io.tributary.core.RequestContext;
import io.tributary.core.streams.StreamKey;
import io.tributary.core.streams.StreamRegistry;
import io.tributary.core.streams.StreamState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * ListTagsForStream: the stream's tags in key order, those after {@code ExclusiveStartTagKey}
 * only, at most {@code Limit}. The model caps {@code Limit} at 50 and documents no default;
 * without one every tag is returned, which is at most 50 since a stream cannot have more.
 *
 * <p>Thread-safe.
 */
public final class ListTagsForStream
    implements KinesisOperation<ListTagsForStream.Request, ListTagsForStream.Response> {
  static final int MAX_LIMIT = 50;

  public record Request(StreamRef stream, Optional<String> exclusiveStartTagKey, OptionalInt limit) {}

  public record Response(List<Tag> tags, boolean hasMoreTags) {
    public Response {
      tags = List.copyOf(tags);
    }
  }

  private final StreamRegistry registry;

  public ListTagsForStream(StreamRegistry registry) {
    this.registry = registry;
  }

  @Override
  public Response execute(RequestContext context, Request request) {
    StreamKey key = request.stream().resolve(context);
    StreamState s = registry.find(key).orElseThrow(() -> StreamRegistry.notFound(key));
    int limit = Math.min(request.limit().orElse(MAX_LIMIT), MAX_LIMIT);
    List<Tag> page = new ArrayList<>();
    boolean more = false;
    for (Map.Entry<String, String> e : s.tags().entrySet()) {
      Optional<String> start = request.exclusiveStartTagKey();
      if (start.isPresent() && e.getKey().compareTo(start.get()) <= 0) {
        continue;
      }
      if (page.size() == limit) {
        more = true;
        break;
      }
      page.add(new Tag(e.getKey(), e.getValue()));
    }
    return new Response(page, more);
  }
}
