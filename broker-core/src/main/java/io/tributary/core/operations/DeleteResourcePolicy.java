package io.tributary.core.operations;

import io.tributary.core.RequestContext;
import io.tributary.core.error.KinesisException;
import io.tributary.core.model.ResourceArn;
import io.tributary.core.streams.StreamRegistry;
import java.time.Clock;
import java.util.Optional;

/**
 * DeleteResourcePolicy: removes the policy of a stream or a consumer. A resource without one is
 * ResourceNotFoundException, "No resource policy found for resource ARN &lt;ARN&gt;." (as moto
 * words it). The same status rules as PutResourcePolicy apply.
 *
 * <p>Thread-safe.
 */
public final class DeleteResourcePolicy
    implements KinesisOperation<DeleteResourcePolicy.Request, DeleteResourcePolicy.Response> {

  public record Request(ResourceArn resourceArn) {}

  /** DeleteResourcePolicy answers with an empty body. */
  public record Response() {}

  private final ResourceResolver resources;

  public DeleteResourcePolicy(StreamRegistry registry, Clock clock) {
    this.resources = new ResourceResolver(registry, clock);
  }

  @Override
  public Response execute(RequestContext context, Request request) {
    ResourceArn arn = request.resourceArn();
    resources.change(arn,
        stream -> {
          StreamSnapshot.at(stream, resources.nowMillis()).requireSettled();
          if (stream.resourcePolicy().isEmpty()) {
            throw noPolicy(arn);
          }
          return stream.toBuilder().resourcePolicy(Optional.empty()).build();
        },
        (stream, consumer) -> {
          Consumers.requireActive(stream, consumer, resources.nowMillis());
          if (consumer.resourcePolicy().isEmpty()) {
            throw noPolicy(arn);
          }
          return consumer.withResourcePolicy(Optional.empty());
        });
    return new Response();
  }

  private static KinesisException noPolicy(ResourceArn arn) {
    return KinesisException.resourceNotFound("No resource policy found for resource ARN " + arn + ".");
  }
}
