package io.tributary.storage;

import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * One shard's append-only log of records, keyed by a 64-bit sequence.
 *
 * <h2>Sequences</h2>
 *
 * The log assigns each appended record a {@code long} sequence, positive and strictly
 * increasing in append order, and never reused, even across restarts. It is time-ordered: the
 * log picks {@code max(previous + 1, arrivalMillis << 20, minSequenceExclusive + 1)}, so the
 * top 43 bits are (at least) the arrival time in epoch milliseconds and the low 20 bits count
 * records within that millisecond. A record's sequence is therefore always at least
 * {@code arrivalMillis << 20}, which is what {@link #firstSequenceAtOrAfter(long)} relies on.
 *
 * <h2>Durability</h2>
 *
 * The future returned by {@link #append} completes only after the records are in the storage
 * engine's write-ahead log (and fsynced, under {@link Durability#FSYNC}); a record whose future
 * completed survives a crash of the process.
 *
 * <p>Thread-safe: appends from many threads are ordered by a single writer; reads may run
 * concurrently with appends and see a prefix of them.
 */
public interface ShardLog {

  /** The log's name. */
  ShardLogId id();

  /**
   * Appends records in the given order and assigns their sequences.
   *
   * @param records one or more records, appended atomically: all or none
   * @param minSequenceExclusive every assigned sequence is greater than this; 0 for no bound
   * @return completes with the stored records (sequences and arrival times filled in) once they
   *     are durable, or exceptionally with {@link StorageException}; {@link
   *     ShardLogClosedException} if the log was dropped
   */
  CompletableFuture<List<StoredRecord>> append(List<NewRecord> records, long minSequenceExclusive);

  /**
   * Reads records in sequence order starting at {@code fromSequence} (inclusive).
   *
   * @param fromSequence the first sequence that may be returned
   * @param maxRecords stop after this many records (at least 1)
   * @param maxBytes stop before the record that would take the total {@link
   *     StoredRecord#sizeBytes()} past this, but always return at least one record if any exists
   */
  List<StoredRecord> read(long fromSequence, int maxRecords, long maxBytes);

  /** The sequence of the newest record, if any was ever appended and not trimmed. */
  OptionalLong lastSequence();

  /** The sequence of the oldest record still stored, if any. */
  OptionalLong firstSequence();

  /** The sequence of the first record whose arrival time is at or after {@code epochMillis}. */
  OptionalLong firstSequenceAtOrAfter(long epochMillis);

  /** Deletes every record with a sequence below {@code sequence}; space is reclaimed later. */
  void trimBefore(long sequence);
}
