package io.tributary.core.model;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A record's sequence number as clients see it: a 56-digit decimal string, like AWS's.
 *
 * <p>Layout: {@code 49 * 10^54 + shardIndex * 10^20 + sequence}, where {@code sequence} is the
 * shard log's 64-bit, time-ordered key (below {@code 2^63 < 10^19}): {@code 49}, then 34 digits
 * of shard index, then 20 digits of log sequence. For example, the first record that shard 3
 * accepted at 2026-11-28T08:00:00Z (epoch millis 1795852800000, log sequence
 * {@code 1795852800000 << 20 = 1883088145612800000}) has the sequence number
 * {@code 49000000000000000000000000000000000301883088145612800000}. Sequence numbers therefore
 * compare numerically in write order within a shard, a child shard's (higher index) numbers are
 * above its parents', and the shard a number came from can be read back out of it.
 */
public record SequenceNumber(int shardIndex, long sequence) implements Comparable<SequenceNumber> {
  private static final BigInteger BASE = BigInteger.valueOf(49).multiply(BigInteger.TEN.pow(54));
  private static final BigInteger LIMIT = BigInteger.valueOf(50).multiply(BigInteger.TEN.pow(54));
  private static final BigInteger SHARD_FACTOR = BigInteger.TEN.pow(20);

  public SequenceNumber {
    if (shardIndex < 0 || sequence < 0) {
      throw new IllegalArgumentException("negative sequence number part: " + shardIndex + "/" + sequence);
    }
  }

  /** Reads a sequence number this broker gave out; empty for anything it could not have made. */
  public static Optional<SequenceNumber> parse(String text) {
    Objects.requireNonNull(text, "text");
    if (text.length() != 56) {
      return Optional.empty();
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return Optional.empty();
      }
    }
    BigInteger value = new BigInteger(text);
    if (value.compareTo(BASE) < 0 || value.compareTo(LIMIT) >= 0) {
      return Optional.empty();
    }
    BigInteger[] parts = value.subtract(BASE).divideAndRemainder(SHARD_FACTOR);
    if (parts[0].bitLength() > 31 || parts[1].bitLength() > 63) {
      return Optional.empty();
    }
    return Optional.of(new SequenceNumber(parts[0].intValueExact(), parts[1].longValueExact()));
  }

  public BigInteger toBigInteger() {
    return BASE.add(BigInteger.valueOf(shardIndex).multiply(SHARD_FACTOR)).add(BigInteger.valueOf(sequence));
  }

  @Override
  public int compareTo(SequenceNumber other) {
    int byShard = Integer.compare(shardIndex, other.shardIndex);
    return byShard != 0 ? byShard : Long.compare(sequence, other.sequence);
  }

  /**
   * The 56 digits: {@code 49}, the shard index in 34 and the log sequence in 20, zero-padded;
   * equal to {@code toBigInteger().toString()} without its arithmetic. PutRecords writes one per
   * record, so this runs hundreds of times per request.
   */
  @Override
  public String toString() {
    byte[] digits = new byte[56];
    Arrays.fill(digits, (byte) '0');
    digits[0] = '4';
    digits[1] = '9';
    writeDigits(digits, 36, shardIndex);
    writeDigits(digits, 56, sequence);
    return new String(digits, StandardCharsets.ISO_8859_1);
  }

  /** Writes {@code value}'s decimal digits into the zeros of {@code digits}, ending before {@code end}. */
  private static void writeDigits(byte[] digits, int end, long value) {
    for (int i = end - 1; value > 0; i--) {
      digits[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
  }
}
