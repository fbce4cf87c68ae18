package io.tributary.core.operations;

import io.tributary.core.error.KinesisException;
import io.tributary.core.model.ResourceArn;
import io.tributary.core.streams.ConsumerState;
import io.tributary.core.streams.StreamKey;
import io.tributary.core.streams.StreamRegistry;
import io.tributary.core.streams.StreamState;
import java.time.Clock;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * Finds and changes the stream or consumer a {@code ResourceARN} names, for the tagging and
 * resource-policy operations.
 *
 * <p>A missing stream is worded with the ARN the request gave, "Stream &lt;ARN&gt; under account
 * &lt;account&gt; not found.", and a missing consumer "Consumer &lt;ARN&gt;, account
 * &lt;account&gt; not found.", as moto words them for these operations.
 *
 * <p>Thread-safe.
 */
final class ResourceResolver {

  /** A resource found: its stream, and the consumer when the ARN is a consumer's. */
  record Found(StreamState stream, Optional<ConsumerState> consumer) {}

  private final StreamRegistry registry;
  private final Clock clock;

  ResourceResolver(StreamRegistry registry, Clock clock) {
    this.registry = registry;
    this.clock = clock;
  }

  Found find(ResourceArn arn) {
    StreamKey key = StreamKey.of(arn.streamArn());
    long now = clock.millis();
    StreamState stream = registry.find(key).orElseThrow(() -> notFound(arn));
    if (arn.consumerArn().isEmpty()) {
      return new Found(stream, Optional.empty());
    }
    return new Found(stream, Optional.of(Consumers.byArn(stream, arn.consumerArn().get(), now)
        .orElseThrow(() -> notFound(arn))));
  }

  /**
   * Changes the resource under the registry's write lock: {@code ofStream} gets the stream's
   * current state, {@code ofConsumer} the stream and the consumer's current state; each returns
   * the new state or its argument for no change, or throws to refuse.
   */
  void change(ResourceArn arn, UnaryOperator<StreamState> ofStream,
      BiFunction<StreamState, ConsumerState, ConsumerState> ofConsumer) {
    find(arn);
    registry.update(StreamKey.of(arn.streamArn()), current -> {
      if (arn.consumerArn().isEmpty()) {
        return ofStream.apply(current);
      }
      ConsumerState consumer = Consumers.byArn(current, arn.consumerArn().get(), clock.millis())
          .orElseThrow(() -> notFound(arn));
      ConsumerState next = ofConsumer.apply(current, consumer);
      return next == consumer ? current : Consumers.replace(current, consumer, c -> next);
    });
  }

  long nowMillis() {
    return clock.millis();
  }

  static KinesisException notFound(ResourceArn arn) {
    String account = arn.streamArn().accountId();
    if (arn.consumerArn().isPresent()) {
      return Consumers.notFound(arn.toString(), account);
    }
    return KinesisException.resourceNotFound("Stream " + arn + " under account " + account + " not found.");
  }
}
