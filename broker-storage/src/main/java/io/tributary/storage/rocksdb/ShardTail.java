package io.tributary.storage.rocksdb;

import io.tributary.storage.StorageException;

/**
 * The newest sequence a shard log has assigned and the arrival time it was assigned at: all the
 * state needed to assign the next sequence.
 *
 * <p>Immutable. {@link #EMPTY} (both zero) is the tail of a log that never held a record; sequences
 * are positive, so zero is below every real one.
 *
 * @param lastSequence the newest assigned sequence, or 0 if none
 * @param lastArrivalMillis the arrival time of that record in epoch milliseconds, or 0 if none
 */
record ShardTail(long lastSequence, long lastArrivalMillis) {

  /** The tail of a log that never held a record. */
  static final ShardTail EMPTY = new ShardTail(0, 0);

  /** Bits of a sequence below the arrival milliseconds. */
  static final int MILLIS_SHIFT = 20;

  /** The latest arrival time whose {@code << 20} still fits a positive {@code long}: 2248. */
  static final long MAX_ARRIVAL_MILLIS = Long.MAX_VALUE >>> MILLIS_SHIFT;

  /**
   * The tail after appending one record at {@code nowMillis}: arrival time never goes backwards,
   * and the sequence is {@code max(previous + 1, arrivalMillis << 20, minSequenceExclusive + 1)}.
   *
   * @throws StorageException if the sequence would overflow a positive {@code long}
   */
  ShardTail next(long nowMillis, long minSequenceExclusive) {
    long arrivalMillis = Math.max(lastArrivalMillis, Math.max(nowMillis, 0));
    if (arrivalMillis > MAX_ARRIVAL_MILLIS) {
      throw new StorageException(
          "arrival time " + arrivalMillis + " ms is past the last one a sequence can hold");
    }
    if (lastSequence == Long.MAX_VALUE || minSequenceExclusive == Long.MAX_VALUE) {
      throw new StorageException("the sequence space of this shard log is exhausted");
    }
    long sequence =
        Math.max(
            lastSequence + 1, Math.max(arrivalMillis << MILLIS_SHIFT, minSequenceExclusive + 1));
    return new ShardTail(sequence, arrivalMillis);
  }

  /** The later of the two tails, field by field. */
  ShardTail max(ShardTail other) {
    return new ShardTail(
        Math.max(lastSequence, other.lastSequence),
        Math.max(lastArrivalMillis, other.lastArrivalMillis));
  }
}
