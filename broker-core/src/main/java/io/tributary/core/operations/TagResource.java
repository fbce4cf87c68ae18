package io.tributary.core.operations;

import io.tributary.core.RequestContext;
import io.tributary.core.model.ResourceArn;
import io.tributary.core.streams.StreamRegistry;
import java.time.Clock;
import java.util.Map;

/**
 * TagResource: adds or overwrites tags of a stream or a consumer named by ARN, with the rules
 * of AddTagsToStream (at most 50 tags per resource, AWS's character set, no {@code aws:} keys).
 * A stream must not be CREATING or DELETING; a consumer must be ACTIVE.
 *
 * <p>Thread-safe.
 */
public final class TagResource implements KinesisOperation<TagResource.Request, TagResource.Response> {

  public record Request(ResourceArn resourceArn, Map<String, String> tags) {
    public Request {
      tags = Map.copyOf(tags);
    }
  }

  /** TagResource answers with an empty body. */
  public record Response() {}

  private final ResourceResolver resources;

  public TagResource(StreamRegistry registry, Clock clock) {
    this.resources = new ResourceResolver(registry, clock);
  }

  @Override
  public Response execute(RequestContext context, Request request) {
    ResourceArn arn = request.resourceArn();
    String account = arn.streamArn().accountId();
    resources.change(arn,
        stream -> {
          StreamSnapshot.at(stream, resources.nowMillis()).requireSettled();
          TagRules rules = TagRules.forStream(stream.key().name().value(), account);
          rules.checkAdded(request.tags());
          return stream.toBuilder().tags(rules.merged(stream.tags(), request.tags())).build();
        },
        (stream, consumer) -> {
          Consumers.requireActive(stream, consumer, resources.nowMillis());
          TagRules rules = TagRules.forConsumer(consumer.name(), account);
          rules.checkAdded(request.tags());
          return consumer.withTags(rules.merged(consumer.tags(), request.tags()));
        });
    return new Response();
  }
}
