package io.tributary.core.model;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stream's ARN: {@code arn:<partition>:kinesis:<region>:<account>:stream/<name>}.
 *
 * <p>AWS accepts any {@code aws*} partition; the region and account it names decide which
 * stream it means, exactly as the name does within one account and region.
 */
public record StreamArn(String partition, String region, String accountId, StreamName streamName) {
  private static final Pattern FORMAT =
      Pattern.compile("arn:(aws[a-zA-Z-]*):kinesis:([a-z0-9-]+):(\\d{12}):stream/(\\S+)");

  public StreamArn {
    Objects.requireNonNull(partition, "partition");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(streamName, "streamName");
  }

  public static StreamArn of(String region, String accountId, StreamName streamName) {
    return new StreamArn("aws", region, accountId, streamName);
  }

  /** Parses an ARN, or returns empty if it is not a well-formed Kinesis stream ARN. */
  public static Optional<StreamArn> parse(String text) {
    Matcher m = FORMAT.matcher(text);
    if (!m.matches() || !StreamName.isValid(m.group(4))) {
      return Optional.empty();
    }
    return Optional.of(new StreamArn(m.group(1), m.group(2), m.group(3), new StreamName(m.group(4))));
  }

  @Override
  public String toString() {
    return "arn:" + partition + ":kinesis:" + region + ":" + accountId + ":stream/" + streamName;
  }
}
