package io.tributary.core.model;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A consumer's ARN: its stream's ARN, then {@code /consumer/<name>:<creation epoch seconds>}, as
 * in {@code arn:aws:kinesis:us-east-1:123456789012:stream/orders/consumer/billing:1764316800}.
 *
 * <p>The creation time is part of the ARN so that a consumer deregistered and registered again
 * under the same name gets a new ARN (AWS's {@code Consumer} shape documents this); an ARN names
 * one registration, not just a name.
 */
public record ConsumerArn(StreamArn streamArn, ConsumerName consumerName, long creationEpochSeconds) {
  private static final Pattern FORMAT = Pattern.compile("(arn:aws[a-zA-Z-]*:kinesis:[a-z0-9-]+:\\d{12}:stream/"
      + "[a-zA-Z0-9_.-]+)/consumer/([a-zA-Z0-9_.-]+):([0-9]{1,18})");

  public ConsumerArn {
    Objects.requireNonNull(streamArn, "streamArn");
    Objects.requireNonNull(consumerName, "consumerName");
    if (creationEpochSeconds < 0) {
      throw new IllegalArgumentException("creation time must not be negative: " + creationEpochSeconds);
    }
  }

  /** Parses an ARN, or returns empty if it is not a well-formed Kinesis consumer ARN. */
  public static Optional<ConsumerArn> parse(String text) {
    Matcher m = FORMAT.matcher(text);
    if (!m.matches() || !ConsumerName.isValid(m.group(2))) {
      return Optional.empty();
    }
    return StreamArn.parse(m.group(1))
        .map(stream -> new ConsumerArn(stream, new ConsumerName(m.group(2)), Long.parseLong(m.group(3))));
  }

  @Override
  public String toString() {
    return streamArn + "/consumer/" + consumerName + ":" + creationEpochSeconds;
  }
}
