package io.tributary.core.streams;

import io.tributary.core.RequestContext;
import io.tributary.core.model.StreamArn;
import io.tributary.core.model.StreamName;
import java.util.Objects;

/**
 * What makes a stream unique: its name within one account and one region. Two accounts, or two
 * regions of one account, may each have a stream called {@code orders}; they never meet.
 */
public record StreamKey(String accountId, String region, StreamName name) implements Comparable<StreamKey> {
  public StreamKey {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(name, "name");
  }

  public static StreamKey of(RequestContext context, StreamName name) {
    return new StreamKey(context.accountId(), context.region(), name);
  }

  public static StreamKey of(StreamArn arn) {
    return new StreamKey(arn.accountId(), arn.region(), arn.streamName());
  }

  public StreamArn arn() {
    return StreamArn.of(region, accountId, name);
  }

  /** The catalog key: {@code stream/<account>/<region>/<name>}. */
  String catalogKey() {
    return catalogPrefix(accountId, region) + name.value();
  }

  static String catalogPrefix(String accountId, String region) {
    return "stream/" + accountId + "/" + region + "/";
  }

  @Override
  public int compareTo(StreamKey other) {
    int c = accountId.compareTo(other.accountId);
    if (c == 0) {
      c = region.compareTo(other.region);
    }
    return c != 0 ? c : name.compareTo(other.name);
  }
}
