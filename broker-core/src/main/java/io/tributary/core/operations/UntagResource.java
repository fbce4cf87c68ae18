package io.tributary.core.operations;

import io.tributary.core.RequestContext;
import io.tributary.core.model.ResourceArn;
import io.tributary.core.streams.StreamRegistry;
import java.time.Clock;
import java.util.List;
import java.util.TreeMap;

/**
 * UntagResource: removes tags, by key, from a stream or a consumer named by ARN; keys the
 * resource does not have are ignored. A stream must not be CREATING or DELETING; a consumer
 * must be ACTIVE.
 *
 * <p>Thread-safe.
 */
public final class UntagResource implements KinesisOperation<UntagResource.Request, UntagResource.Response> {

  public record Request(ResourceArn resourceArn, List<String> tagKeys) {
    public Request {
      tagKeys = List.copyOf(tagKeys);
    }
  }

  /** UntagResource answers with an empty body. */
  public record Response() {}

  private final ResourceResolver resources;

  public UntagResource(StreamRegistry registry, Clock clock) {
    this.resources = new ResourceResolver(registry, clock);
  }

  @Override
  public Response execute(RequestContext context, Request request) {
    ResourceArn arn = request.resourceArn();
    String account = arn.streamArn().accountId();
    resources.change(arn,
        stream -> {
          StreamSnapshot.at(stream, resources.nowMillis()).requireSettled();
          TagRules.forStream(stream.key().name().value(), account).checkRemoved(request.tagKeys());
          TreeMap<String, String> next = new TreeMap<>(stream.tags());
          request.tagKeys().forEach(next::remove);
          return next.equals(stream.tags()) ? stream : stream.toBuilder().tags(next).build();
        },
        (stream, consumer) -> {
          Consumers.requireActive(stream, consumer, resources.nowMillis());
          TagRules.forConsumer(consumer.name(), account).checkRemoved(request.tagKeys());
          TreeMap<String, String> next = new TreeMap<>(consumer.tags());
          request.tagKeys().forEach(next::remove);
          return next.equals(consumer.tags()) ? consumer : consumer.withTags(next);
        });
    return new Response();
  }
}
