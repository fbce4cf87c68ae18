package io.tributary.core.operations;

import io.tributary.core.error.KinesisException;
import io.tributary.core.model.ConsumerArn;
import io.tributary.core.model.ConsumerName;
import io.tributary.core.model.ConsumerStatus;
import io.tributary.core.streams.ConsumerState;
import io.tributary.core.streams.StreamState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** What the consumer operations share: finding a consumer, its ARN, and their error texts. */
final class Consumers {
  private Consumers() {}

  static ConsumerArn arnOf(StreamState stream, ConsumerState consumer) {
    return new ConsumerArn(stream.arn(), new ConsumerName(consumer.name()), consumer.createdMillis() / 1000);
  }

  /** The visible consumer this ARN names: same name and same registration second. */
  static Optional<ConsumerState> byArn(StreamState stream, ConsumerArn arn, long nowMillis) {
    return stream.consumer(arn.consumerName().value(), nowMillis)
        .filter(c -> c.createdMillis() / 1000 == arn.creationEpochSeconds());
  }

  static Optional<ConsumerState> byName(StreamState stream, ConsumerName name, long nowMillis) {
    return stream.consumer(name.value(), nowMillis);
  }

  /** The stream with {@code consumer} (matched by name and creation time) replaced by {@code change(consumer)}. */
  static StreamState replace(StreamState stream, ConsumerState consumer, UnaryOperator<ConsumerState> change) {
    List<ConsumerState> next = new ArrayList<>(stream.consumers().size());
    for (ConsumerState c : stream.consumers()) {
      boolean same = c.name().equals(consumer.name()) && c.createdMillis() == consumer.createdMillis();
      next.add(same ? change.apply(c) : c);
    }
    return stream.toBuilder().consumers(next).build();
  }

  /** The consumer if it is ACTIVE; otherwise AWS's ResourceInUseException. */
  static ConsumerState requireActive(StreamState stream, ConsumerState consumer, long nowMillis) {
    if (consumer.statusAt(nowMillis).orElse(ConsumerStatus.DELETING) != ConsumerStatus.ACTIVE) {
      // Worded as AWS answered PutResourcePolicy on a CREATING consumer
      // (aws-cloudformation/cloudformation-coverage-roadmap#2442).
      throw KinesisException.resourceInUse("Consumer " + consumer.name() + " with creation timestamp "
          + consumer.createdMillis() / 1000 + " under stream " + stream.key().name() + " and account "
          + stream.key().accountId() + " is not in ACTIVE status.");
    }
    return consumer;
  }

  /** {@code consumer} is the ARN or the name the request gave. */
  static KinesisException notFound(String consumer, String accountId) {
    return KinesisException.resourceNotFound("Consumer " + consumer + ", account " + accountId + " not found.");
  }
}
