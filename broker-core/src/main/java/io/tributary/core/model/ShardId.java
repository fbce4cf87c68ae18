package io.tributary.core.model;

import java.util.Optional;

/**
 * A shard's id within its stream: {@code shardId-} and the shard's index as 12 digits, e.g.
 * {@code shardId-000000000003}. Indexes are given out in creation order and never reused.
 */
public record ShardId(int index) implements Comparable<ShardId> {
  private static final String PREFIX = "shardId-";

  public ShardId {
    if (index < 0) {
      throw new IllegalArgumentException("shard index must not be negative: " + index);
    }
  }

  /**
   * Reads a shard id as AWS does: {@code shardId-7}, {@code shardId-000000000007} and a bare
   * {@code 7} all name shard 7. Returns empty for anything else.
   */
  public static Optional<ShardId> parse(String text) {
    String digits = text.startsWith(PREFIX) ? text.substring(PREFIX.length()) : text;
    if (digits.isEmpty() || digits.length() > 12) {
      return Optional.empty();
    }
    long index = 0;
    for (int i = 0; i < digits.length(); i++) {
      char c = digits.charAt(i);
      if (c < '0' || c > '9') {
        return Optional.empty();
      }
      index = index * 10 + (c - '0');
    }
    return index > Integer.MAX_VALUE ? Optional.empty() : Optional.of(new ShardId((int) index));
  }

  @Override
  public int compareTo(ShardId other) {
    return Integer.compare(index, other.index);
  }

  /** {@code shardId-} and twelve digits; PutRecords writes one per record, so no {@code String.format}. */
  @Override
  public String toString() {
    String digits = Integer.toString(index);
    return PREFIX + "000000000000".substring(digits.length()) + digits;
  }
}
