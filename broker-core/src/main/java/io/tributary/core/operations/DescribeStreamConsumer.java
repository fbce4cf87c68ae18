package io.tributary.core.operations;

import io.tributary.core.RequestContext;
import io.tributary.core.model.ConsumerName;
import io.tributary.core.streams.ConsumerState;
import io.tributary.core.streams.StreamKey;
import io.tributary.core.streams.StreamRegistry;
import io.tributary.core.streams.StreamState;
import java.time.Clock;
import java.time.Instant;

/**
 * DescribeStreamConsumer: one consumer, named by its ARN or by its stream's ARN and its name,
 * with its status and its stream's ARN. A consumer being deregistered is described as DELETING
 * until it is gone.
 *
 * <p>Thread-safe.
 */
public final class DescribeStreamConsumer
    implements KinesisOperation<DescribeStreamConsumer.Request, DescribeStreamConsumer.Response> {

  public record Request(ConsumerRef consumer) {}

  public record Response(ConsumerDescription consumerDescription) {}

  private final StreamRegistry registry;
  private final Clock clock;

  public DescribeStreamConsumer(StreamRegistry registry, Clock clock) {
    this.registry = registry;
    this.clock = clock;
  }

  @Override
  public Response execute(RequestContext context, Request request) {
    ConsumerRef ref = request.consumer();
    StreamKey key = StreamKey.of(ref.stream());
    StreamState stream = registry.find(key).orElseThrow(() -> DeregisterStreamConsumer.missingStream(ref, key));
    long now = clock.millis();
    ConsumerState c = find(stream, ref, now);
    return new Response(new ConsumerDescription(new ConsumerName(c.name()), Consumers.arnOf(stream, c),
        c.statusAt(now).orElseThrow(), Instant.ofEpochMilli(c.createdMillis()), stream.arn()));
  }

  /** The visible consumer {@code ref} names on {@code stream}, or AWS's not-found error. */
  static ConsumerState find(StreamState stream, ConsumerRef ref, long nowMillis) {
    return (ref.consumerArn().isPresent()
        ? Consumers.byArn(stream, ref.consumerArn().get(), nowMillis)
        : Consumers.byName(stream, ref.name(), nowMillis))
        .orElseThrow(() -> Consumers.notFound(ref.describe(), stream.key().accountId()));
  }
}
