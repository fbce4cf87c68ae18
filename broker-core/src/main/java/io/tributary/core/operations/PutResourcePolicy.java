package io.tributary.core.operations;

import io.tributary.core.RequestContext;
import io.tributary.core.model.ResourceArn;
import io.tributary.core.streams.StreamRegistry;
import java.time.Clock;
import java.util.Optional;

/**
 * PutResourcePolicy: attaches a resource policy to a stream or a consumer, replacing any it had.
 * The wire layer has checked that the policy is JSON; the broker keeps its text as sent and does
 * not evaluate it (Tributary authorizes no cross-account access). A stream must not be CREATING
 * or DELETING; a consumer must be ACTIVE, as AWS requires
 * (aws-cloudformation/cloudformation-coverage-roadmap#2442).
 *
 * <p>Thread-safe.
 */
public final class PutResourcePolicy
    implements KinesisOperation<PutResourcePolicy.Request, PutResourcePolicy.Response> {

  public record Request(ResourceArn resourceArn, String policy) {}

  /** PutResourcePolicy answers with an empty body. */
  public record Response() {}

  private final ResourceResolver resources;

  public PutResourcePolicy(StreamRegistry registry, Clock clock) {
    this.resources = new ResourceResolver(registry, clock);
  }

  @Override
  public Response execute(RequestContext context, Request request) {
    Optional<String> policy = Optional.of(request.policy());
    resources.change(request.resourceArn(),
        stream -> {
          StreamSnapshot.at(stream, resources.nowMillis()).requireSettled();
          return stream.toBuilder().resourcePolicy(policy).build();
        },
        (stream, consumer) -> Consumers.requireActive(stream, consumer, resources.nowMillis())
            .withResourcePolicy(policy));
    return new Response();
  }
}
