package io.tributary.core.operations;

import io.tributary.core.error.KinesisException;
import io.tributary.core.model.ConsumerArn;
import io.tributary.core.model.ConsumerName;
import io.tributary.core.model.StreamArn;
import java.util.Optional;

/**
 * How DescribeStreamConsumer and DeregisterStreamConsumer name their consumer: by
 * {@code ConsumerARN}, or by {@code StreamARN} and {@code ConsumerName}; all three may be given
 * "as long as they don't conflict with each other" (the operations' documentation).
 */
public record ConsumerRef(Optional<StreamArn> streamArn, Optional<ConsumerName> consumerName,
    Optional<ConsumerArn> consumerArn) {

  public static ConsumerRef ofArn(ConsumerArn arn) {
    return new ConsumerRef(Optional.empty(), Optional.empty(), Optional.of(arn));
  }

  public static ConsumerRef ofName(StreamArn stream, ConsumerName name) {
    return new ConsumerRef(Optional.of(stream), Optional.of(name), Optional.empty());
  }

  /** The stream meant: from the consumer's ARN if given, otherwise the stream ARN. */
  StreamArn stream() {
    check();
    return consumerArn.map(ConsumerArn::streamArn).orElseGet(streamArn::orElseThrow);
  }

  ConsumerName name() {
    check();
    return consumerArn.map(ConsumerArn::consumerName).orElseGet(consumerName::orElseThrow);
  }

  /** What the not-found message names: the ARN if given, otherwise the name. */
  String describe() {
    return consumerArn.map(ConsumerArn::toString).orElseGet(() -> consumerName.orElseThrow().value());
  }

  /** InvalidArgumentException unless the members name one consumer. */
  private void check() {
    if (consumerArn.isPresent()) {
      ConsumerArn arn = consumerArn.get();
      if (streamArn.isPresent() && !streamArn.get().equals(arn.streamArn())) {
        throw KinesisException.invalidArgument(
            "ConsumerARN " + arn + " and StreamARN " + streamArn.get() + " do not refer to the same stream.");
      }
      if (consumerName.isPresent() && !consumerName.get().equals(arn.consumerName())) {
        throw KinesisException.invalidArgument(
            "ConsumerARN " + arn + " and ConsumerName " + consumerName.get() + " do not refer to the same consumer.");
      }
      return;
    }
    if (streamArn.isEmpty() || consumerName.isEmpty()) {
      throw KinesisException.invalidArgument(
          "Either ConsumerARN or both ConsumerName and StreamARN should be provided.");
    }
  }
}
