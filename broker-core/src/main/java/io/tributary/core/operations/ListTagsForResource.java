package io.tributary.core.operations;

import io.tributary.core.RequestContext;
import io.tributary.core.model.ResourceArn;
import io.tributary.core.streams.StreamRegistry;
import java.time.Clock;
import io.tributary.core.streams.ConsumerState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * ListTagsForResource: every tag of a stream or a consumer named by ARN, in key order. The
 * operation has no paging members; a resource has at most 50 tags.
 *
 * <p>Thread-safe.
 */
public final class ListTagsForResource
    implements KinesisOperation<ListTagsForResource.Request, ListTagsForResource.Response> {

  public record Request(ResourceArn resourceArn) {}

  public record Response(List<Tag> tags) {
    public Response {
      tags = List.copyOf(tags);
    }
  }

  private final ResourceResolver resources;

  public ListTagsForResource(StreamRegistry registry, Clock clock) {
    this.resources = new ResourceResolver(registry, clock);
  }

  @Override
  public Response execute(RequestContext context, Request request) {
    ResourceResolver.Found found = resources.find(request.resourceArn());
    Map<String, String> tags = found.consumer().map(ConsumerState::tags).orElse(found.stream().tags());
    List<Tag> list = new ArrayList<>(tags.size());
    tags.forEach((k, v) -> list.add(new Tag(k, v)));
    return new Response(list);
  }
}
