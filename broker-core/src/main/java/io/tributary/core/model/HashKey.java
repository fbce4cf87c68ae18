package io.tributary.core.model;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * A point in the 128-bit hash-key space, {@code [0, 2^128 - 1]}, that routes a record to a shard.
 *
 * <p>Kinesis derives it from the partition key as the MD5 digest of its UTF-8 bytes read as an
 * unsigned big-endian integer, unless the producer gives an {@code ExplicitHashKey}.
 */
public record HashKey(BigInteger value) implements Comparable<HashKey> {
  public static final BigInteger MAX_VALUE = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);
  public static final HashKey MIN = new HashKey(BigInteger.ZERO);
  public static final HashKey MAX = new HashKey(MAX_VALUE);

  public HashKey {
    Objects.requireNonNull(value, "value");
    if (value.signum() < 0 || value.compareTo(MAX_VALUE) > 0) {
      throw new IllegalArgumentException("hash key out of [0, 2^128-1]: " + value);
    }
  }

  /** The hash key Kinesis computes for a partition key. */
  public static HashKey ofPartitionKey(String partitionKey) {
    try {
      MessageDigest md5 = MessageDigest.getInstance("MD5");
      return new HashKey(new BigInteger(1, md5.digest(partitionKey.getBytes(StandardCharsets.UTF_8))));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has MD5", e);
    }
  }

  public static boolean inRange(BigInteger value) {
    return value.signum() >= 0 && value.compareTo(MAX_VALUE) <= 0;
  }

  @Override
  public int compareTo(HashKey other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
