package io.tributary.core.operations;

import io.tributary.core.BrokerConfig;
import io.tributary.core.RequestContext;
import io.tributary.core.error.KinesisException;
import io.tributary.core.model.ConsumerStatus;
import io.tributary.core.streams.ConsumerState;
import io.tributary.core.streams.StreamKey;
import io.tributary.core.streams.StreamRegistry;
import java.time.Clock;

/**
 * DeregisterStreamConsumer: the consumer turns DELETING for the broker's delete delay and is
 * then gone; its name may then be registered again, with a new ARN. Only an ACTIVE consumer can
 * be deregistered.
 *
 * <p>Thread-safe.
 */
public final class DeregisterStreamConsumer
    implements KinesisOperation<DeregisterStreamConsumer.Request, DeregisterStreamConsumer.Response> {

  public record Request(ConsumerRef consumer) {}

  /** DeregisterStreamConsumer answers with an empty body. */
  public record Response() {}

  private final StreamRegistry registry;
  private final BrokerConfig config;
  private final Clock clock;

  public DeregisterStreamConsumer(StreamRegistry registry, BrokerConfig config, Clock clock) {
    this.registry = registry;
    this.config = config;
    this.clock = clock;
  }

  @Override
  public Response execute(RequestContext context, Request request) {
    ConsumerRef ref = request.consumer();
    StreamKey key = StreamKey.of(ref.stream());
    if (registry.find(key).isEmpty()) {
      throw missingStream(ref, key);
    }
    registry.update(key, current -> {
      long now = clock.millis();
      ConsumerState consumer = DescribeStreamConsumer.find(current, ref, now);
      Consumers.requireActive(current, consumer, now);
      return Consumers.replace(current, consumer,
          c -> c.withStatus(ConsumerStatus.DELETING, now + config.deleteStreamDelay().toMillis()));
    });
    return new Response();
  }

  /** A consumer named by ARN is not found as a consumer; one named by stream and name, as a stream. */
  static KinesisException missingStream(ConsumerRef ref, StreamKey key) {
    return ref.consumerArn().isPresent()
        ? Consumers.notFound(ref.describe(), key.accountId())
        : StreamRegistry.notFound(key);
  }
}
