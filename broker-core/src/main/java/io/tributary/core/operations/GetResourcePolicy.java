package io.tributary.core.operations;

import io.tributary.core.RequestContext;
import io.tributary.core.model.ResourceArn;
import io.tributary.core.streams.ConsumerState;
import io.tributary.core.streams.StreamRegistry;
import java.time.Clock;

/**
 * GetResourcePolicy: the policy text attached to a stream or a consumer, as it was put. A
 * resource without one answers {@value #NO_POLICY}, not an error: moto, which follows AWS here,
 * answers so, while DeleteResourcePolicy of such a resource is ResourceNotFoundException.
 *
 * <p>Thread-safe.
 */
public final class GetResourcePolicy
    implements KinesisOperation<GetResourcePolicy.Request, GetResourcePolicy.Response> {
  static final String NO_POLICY = "{}";

  public record Request(ResourceArn resourceArn) {}

  public record Response(String policy) {}

  private final ResourceResolver resources;

  public GetResourcePolicy(StreamRegistry registry, Clock clock) {
    this.resources = new ResourceResolver(registry, clock);
  }

  @Override
  public Response execute(RequestContext context, Request request) {
    ResourceResolver.Found found = resources.find(request.resourceArn());
    return new Response(found.consumer().map(ConsumerState::resourcePolicy).orElse(found.stream().resourcePolicy())
        .orElse(NO_POLICY));
  }
}
