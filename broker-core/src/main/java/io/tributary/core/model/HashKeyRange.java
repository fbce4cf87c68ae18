package io.tributary.core.model;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** An inclusive range of hash keys owned by one shard. */
public record HashKeyRange(HashKey startingHashKey, HashKey endingHashKey) {
  public HashKeyRange {
    Objects.requireNonNull(startingHashKey, "startingHashKey");
    Objects.requireNonNull(endingHashKey, "endingHashKey");
    if (startingHashKey.compareTo(endingHashKey) > 0) {
      throw new IllegalArgumentException("empty range " + startingHashKey + ".." + endingHashKey);
    }
  }

  public boolean contains(HashKey key) {
    return startingHashKey.compareTo(key) <= 0 && key.compareTo(endingHashKey) <= 0;
  }

  /**
   * Splits the whole key space into {@code count} ranges as CreateStream does: each range is
   * {@code floor(2^128 / count)} keys wide and the last one takes the remainder up to
   * {@code 2^128 - 1}.
   */
  public static List<HashKeyRange> evenSplit(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be positive: " + count);
    }
    BigInteger width = BigInteger.ONE.shiftLeft(128).divide(BigInteger.valueOf(count));
    List<HashKeyRange> ranges = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      BigInteger start = width.multiply(BigInteger.valueOf(i));
      BigInteger end =
          i == count - 1 ? HashKey.MAX_VALUE : width.multiply(BigInteger.valueOf(i + 1)).subtract(BigInteger.ONE);
      ranges.add(new HashKeyRange(new HashKey(start), new HashKey(end)));
    }
    return ranges;
  }
}
