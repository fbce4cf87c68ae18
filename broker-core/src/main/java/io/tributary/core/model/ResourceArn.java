package io.tributary.core.model;

import java.util.Objects;
import java.util.Optional;

/**
 * The {@code ResourceARN} of the tagging and resource-policy operations: a stream's ARN or a
 * consumer's ARN. AWS's pattern for the member ({@code arn:aws.*:kinesis:.*:\d{12}:.*stream/\S+})
 * admits both, so which one it is is decided here.
 *
 * @param streamArn the stream's ARN, or the ARN of the stream the consumer is registered with
 * @param consumerArn present when the resource is a consumer
 */
public record ResourceArn(StreamArn streamArn, Optional<ConsumerArn> consumerArn) {

  public ResourceArn {
    Objects.requireNonNull(streamArn, "streamArn");
    Objects.requireNonNull(consumerArn, "consumerArn");
    if (consumerArn.isPresent() && !consumerArn.get().streamArn().equals(streamArn)) {
      throw new IllegalArgumentException("consumer " + consumerArn.get() + " is not of stream " + streamArn);
    }
  }

  public static ResourceArn of(StreamArn stream) {
    return new ResourceArn(stream, Optional.empty());
  }

  public static ResourceArn of(ConsumerArn consumer) {
    return new ResourceArn(consumer.streamArn(), Optional.of(consumer));
  }

  /** Parses a stream or consumer ARN, or returns empty if the text is neither. */
  public static Optional<ResourceArn> parse(String text) {
    Optional<ConsumerArn> consumer = ConsumerArn.parse(text);
    if (consumer.isPresent()) {
      return Optional.of(of(consumer.get()));
    }
    return StreamArn.parse(text).map(ResourceArn::of);
  }

  public boolean isConsumer() {
    return consumerArn.isPresent();
  }

  @Override
  public String toString() {
    return consumerArn.map(ConsumerArn::toString).orElseGet(streamArn::toString);
  }
}
