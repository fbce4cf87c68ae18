package io.tributary.storage.rocksdb;

import io.tributary.storage.NewRecord;
import io.tributary.storage.ShardLog;
import io.tributary.storage.ShardLogClosedException;
import io.tributary.storage.ShardLogId;
import io.tributary.storage.StoredRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ShardLog} kept in its own RocksDB column family, named by {@link ShardLogId#value()}.
 *
 * <p>On disk: each record under its 8-byte big-endian sequence, plus, once the log has been
 * trimmed, the high-water mark under key {@code 0xff} (see {@link io.tributary.storage.rocksdb}).
 * Invariant: sequences and arrival times both increase along the keys, so the records are sorted by
 * arrival time too, and a record's sequence is at least {@code arrivalMillis << 20}.
 *
 * <p>Thread-safe. Appends and trims are written by the {@link ShardLogWriter}, one batch at a time
 * and in submission order, on the submitting thread or the writer thread. Reads run on the
 * caller's thread under a {@link HandleGate} lease and see a prefix of the appends. {@link #tail}
 * is confined to the holder of the writer's write turn; the cached last sequence is written under
 * {@code lastSequenceLock} and read without it.
 */
// "try": a HandleGate lease is held for its try block and never read inside it.
@SuppressWarnings("try")
final class RocksDbShardLog implements ShardLog {

  /** Records to step over before {@link #firstSequenceAtOrAfter} switches to bisection. */
  static final int LINEAR_SKIP_LIMIT = 16;

  /** The first size of a read's reused value array; it grows to the largest value met. */
  private static final int INITIAL_VALUE_BUFFER_BYTES = 8 * 1024;

  private static final Logger log = LoggerFactory.getLogger(RocksDbShardLog.class);

  private final ShardLogId id;
  private final ColumnFamilyHandle handle;
  /** The column family's id, which write batches name it by. */
  private final int columnFamilyId;
  private final RocksDB db;
  private final HandleGate gate;
  private final ShardLogWriter writer;
  private final AtomicBoolean dropped = new AtomicBoolean();

  /** Confined to the holder of the write turn; null until the first append or trim loads it. */
  private ShardTail tail;

  private final Object lastSequenceLock = new Object();

  /** The newest stored sequence (empty: no record); null until known. */
  private volatile OptionalLong lastSequence;

  RocksDbShardLog(
      ShardLogId id,
      ColumnFamilyHandle handle,
      RocksDB db,
      HandleGate gate,
      ShardLogWriter writer) {
    this.id = id;
    this.handle = handle;
    this.columnFamilyId = handle.getID();
    this.db = db;
    this.gate = gate;
    this.writer = writer;
  }

  @Override
  public ShardLogId id() {
    return id;
  }

  /**
   * {@inheritDoc}
   *
   * <p>If no other append is being written, this one is written on the calling thread before this
   * method returns (it leads; see {@link ShardLogWriter}), and the future is already complete;
   * otherwise it completes on the thread that writes it. Either way, callers may block here for
   * the length of one write (and fsync, under {@code FSYNC} durability).
   *
   * @throws IllegalArgumentException if {@code records} is empty, {@code minSequenceExclusive} is
   *     negative, or a partition key is longer than 65,535 UTF-8 bytes
   */
  @Override
  public CompletableFuture<List<StoredRecord>> append(
      List<NewRecord> records, long minSequenceExclusive) {
    ShardLogWriter.Append append = prepareAppend(records, minSequenceExclusive);
    try (HandleGate.Lease lease = gate.enter()) {
      if (dropped.get()) {
        return CompletableFuture.failedFuture(droppedException());
      }
      writer.submitAppends(List.of(append));
      return append.future();
    } catch (ShardLogClosedException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /**
   * Checks an append's arguments and makes it ready for {@link ShardLogWriter#submitAppends}.
   *
   * @throws IllegalArgumentException as {@link #append} does
   */
  ShardLogWriter.Append prepareAppend(List<NewRecord> records, long minSequenceExclusive) {
    Objects.requireNonNull(records, "records");
    if (records.isEmpty()) {
      throw new IllegalArgumentException("append needs at least one record");
    }
    if (minSequenceExclusive < 0) {
      throw new IllegalArgumentException(
          "minSequenceExclusive must not be negative: " + minSequenceExclusive);
    }
    List<NewRecord> copy = List.copyOf(records);
    List<byte[]> partitionKeysUtf8 = new ArrayList<>(copy.size());
    long sizeBytes = 0;
    for (NewRecord record : copy) {
      byte[] partitionKey = record.partitionKey().getBytes(StandardCharsets.UTF_8);
      if (partitionKey.length > RecordFormat.MAX_PARTITION_KEY_BYTES) {
        throw new IllegalArgumentException(
            "partition key is " + partitionKey.length + " UTF-8 bytes, at most 65535 fit");
      }
      partitionKeysUtf8.add(partitionKey);
      sizeBytes += partitionKey.length + record.data().length;
    }
    return writer.append(this, copy, partitionKeysUtf8, minSequenceExclusive, sizeBytes);
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException if {@code maxRecords} is below 1 or {@code maxBytes} is
   *     negative
   */
  @Override
  public List<StoredRecord> read(long fromSequence, int maxRecords, long maxBytes) {
    if (maxRecords < 1) {
      throw new IllegalArgumentException("maxRecords must be at least 1: " + maxRecords);
    }
    if (maxBytes < 0) {
      throw new IllegalArgumentException("maxBytes must not be negative: " + maxBytes);
    }
    List<StoredRecord> result = new ArrayList<>(Math.min(maxRecords, 1024));
    // Keys and values are copied into these reused arrays instead of a new array per JNI call;
    // each record's data is then copied once more, into an array of its own.
    byte[] key = new byte[RecordFormat.KEY_BYTES];
    byte[] value = new byte[INITIAL_VALUE_BUFFER_BYTES];
    try (HandleGate.Lease lease = enterOpen();
        RocksIterator it = db.newIterator(handle)) {
      long totalBytes = 0;
      for (it.seek(RecordFormat.key(fromSequence)); it.isValid(); it.next()) {
        int keyLength = it.key(key);
        if (RecordFormat.isHighWaterMarkKey(key, keyLength)) {
          break;
        }
        long sequence =
            keyLength == RecordFormat.KEY_BYTES
                ? RecordFormat.sequence(id, key, keyLength)
                : RecordFormat.sequence(id, it.key());
        int valueLength = it.value(value);
        if (valueLength > value.length) {
          value = new byte[Math.max(valueLength, 2 * value.length)];
          it.value(value);
        }
        StoredRecord record = RecordFormat.decodeValue(id, sequence, value, valueLength);
        long sizeBytes = record.sizeBytes();
        if (!result.isEmpty() && totalBytes + sizeBytes > maxBytes) {
          break;
        }
        result.add(record);
        totalBytes += sizeBytes;
        if (result.size() == maxRecords) {
          break;
        }
      }
      it.status();
    } catch (RocksDBException e) {
      throw RocksDbErrorPolicy.wrap("read of shard log " + id + " from " + fromSequence, e);
    }
    return result;
  }

  @Override
  public OptionalLong lastSequence() {
    try (HandleGate.Lease lease = enterOpen()) {
      OptionalLong known = lastSequence;
      if (known != null) {
        return known;
      }
      synchronized (lastSequenceLock) {
        if (lastSequence == null) {
          lastSequence = newestStoredSequence();
        }
        return lastSequence;
      }
    }
  }

  @Override
  public OptionalLong firstSequence() {
    try (HandleGate.Lease lease = enterOpen();
        RocksIterator it = db.newIterator(handle)) {
      it.seekToFirst();
      OptionalLong first =
          it.isValid() && !RecordFormat.isHighWaterMarkKey(it.key())
              ? OptionalLong.of(RecordFormat.sequence(id, it.key()))
              : OptionalLong.empty();
      it.status();
      return first;
    } catch (RocksDBException e) {
      throw RocksDbErrorPolicy.wrap("read of the first sequence of shard log " + id, e);
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>At most {@value #LINEAR_SKIP_LIMIT} + 64 seeks and steps: it answers "none" from the newest
   * record alone, seeks to {@code epochMillis << 20} (no earlier record can qualify), steps over
   * the few records that a {@code minSequenceExclusive} bump or a crowded millisecond pushed past
   * that key with an earlier arrival time, and bisects the sequence space if there are many. All
   * seeks use one iterator, so they see one consistent view.
   */
  @Override
  public OptionalLong firstSequenceAtOrAfter(long epochMillis) {
    try (HandleGate.Lease lease = enterOpen();
        RocksIterator it = db.newIterator(handle)) {
      OptionalLong found = firstSequenceAtOrAfter(it, epochMillis);
      it.status();
      return found;
    } catch (RocksDBException e) {
      throw RocksDbErrorPolicy.wrap(
          "search of shard log " + id + " for arrival time " + epochMillis, e);
    }
  }

  private OptionalLong firstSequenceAtOrAfter(RocksIterator it, long epochMillis) {
    it.seekForPrev(RecordFormat.key(Long.MAX_VALUE));
    if (!it.isValid()) {
      return OptionalLong.empty();
    }
    long newest = RecordFormat.sequence(id, it.key());
    if (arrivalMillis(newest, it.value()) < epochMillis) {
      return OptionalLong.empty();
    }
    // The newest record qualifies, so from here on every seek lands on a record.
    it.seek(RecordFormat.key(Math.max(epochMillis, 0) << ShardTail.MILLIS_SHIFT));
    long below = 0;
    for (int step = 0; step < LINEAR_SKIP_LIMIT; step++) {
      long sequence = RecordFormat.sequence(id, it.key());
      if (arrivalMillis(sequence, it.value()) >= epochMillis) {
        return OptionalLong.of(sequence);
      }
      below = sequence;
      it.next();
    }
    // Bisect positions: the record at or after `below` arrived too early, the one at or after
    // `atOrAbove` did not; arrival times never decrease along the keys.
    long atOrAbove = newest;
    while (atOrAbove - below > 1) {
      long middle = below + (atOrAbove - below) / 2;
      it.seek(RecordFormat.key(middle));
      if (arrivalMillis(RecordFormat.sequence(id, it.key()), it.value()) >= epochMillis) {
        atOrAbove = middle;
      } else {
        below = middle;
      }
    }
    it.seek(RecordFormat.key(atOrAbove));
    return OptionalLong.of(RecordFormat.sequence(id, it.key()));
  }

  /**
   * {@inheritDoc}
   *
   * <p>Returns once the range delete is in the write-ahead log: reads no longer see the records.
   * Space comes back in three ways: table files below level 0 that lie wholly below {@code
   * sequence} are deleted at once; compaction drops the rest as it meets the range delete; and the
   * shard column families' one-day TTL makes even an idle shard's files go through compaction
   * within about a day.
   */
  @Override
  public void trimBefore(long sequence) {
    writer.checkNotOnWriterThread("trimBefore");
    CompletableFuture<Void> trimmed;
    try (HandleGate.Lease lease = enterOpen()) {
      if (sequence <= 1) {
        return;
      }
      trimmed = writer.submitTrim(this, sequence);
    }
    ShardLogWriter.await(trimmed);
    try (HandleGate.Lease lease = enterOpen()) {
      db.deleteFilesInRanges(
          handle, List.of(RecordFormat.key(0), RecordFormat.key(sequence)), false);
    } catch (ShardLogClosedException e) {
      // Dropped or closed since: nothing left to reclaim here.
    } catch (RocksDBException e) {
      log.warn(
          "Shard log {} is trimmed below {}, but deleting its old files failed; compaction will"
              + " reclaim the space: {}",
          id,
          sequence,
          e.getMessage());
    }
  }

  /** The column family; used by the write turn's holder and, under a lease, by readers. */
  ColumnFamilyHandle handle() {
    return handle;
  }

  /** The column family's id, for the write batches. */
  int columnFamilyId() {
    return columnFamilyId;
  }

  boolean isDropped() {
    return dropped.get();
  }

  /** Refuses every later append and read; returns false if already dropped. */
  boolean markDropped() {
    return dropped.compareAndSet(false, true);
  }

  ShardLogClosedException droppedException() {
    return new ShardLogClosedException("shard log " + id + " was dropped");
  }

  /** The tail to assign the next sequence from, loaded on first use. Write turn only. */
  ShardTail tail() {
    if (tail == null) {
      tail = loadTail();
    }
    return tail;
  }

  /** Records that an append up to {@code newTail} is durable. Write turn only. */
  void commitTail(ShardTail newTail) {
    tail = newTail;
    synchronized (lastSequenceLock) {
      lastSequence = OptionalLong.of(newTail.lastSequence());
    }
  }

  /** Records that everything below {@code beforeSequence} is deleted. Write turn only. */
  void trimmed(long beforeSequence) {
    synchronized (lastSequenceLock) {
      OptionalLong known = lastSequence;
      if (known != null && known.isPresent() && known.getAsLong() < beforeSequence) {
        lastSequence = OptionalLong.empty();
      }
    }
  }

  /** The newer of the last record and the high-water mark a trim left. */
  private ShardTail loadTail() {
    try (RocksIterator it = db.newIterator(handle)) {
      ShardTail fromRecord = ShardTail.EMPTY;
      it.seekForPrev(RecordFormat.key(Long.MAX_VALUE));
      if (it.isValid()) {
        long sequence = RecordFormat.sequence(id, it.key());
        fromRecord = new ShardTail(sequence, arrivalMillis(sequence, it.value()));
      }
      it.status();
      byte[] mark = db.get(handle, RecordFormat.highWaterMarkKey());
      return mark == null ? fromRecord : fromRecord.max(RecordFormat.decodeHighWaterMark(id, mark));
    } catch (RocksDBException e) {
      throw RocksDbErrorPolicy.wrap("load of the last sequence of shard log " + id, e);
    }
  }

  private OptionalLong newestStoredSequence() {
    try (RocksIterator it = db.newIterator(handle)) {
      it.seekForPrev(RecordFormat.key(Long.MAX_VALUE));
      OptionalLong newest =
          it.isValid()
              ? OptionalLong.of(RecordFormat.sequence(id, it.key()))
              : OptionalLong.empty();
      it.status();
      return newest;
    } catch (RocksDBException e) {
      throw RocksDbErrorPolicy.wrap("read of the last sequence of shard log " + id, e);
    }
  }

  private long arrivalMillis(long sequence, byte[] value) {
    return RecordFormat.decodeArrivalMillis(id, sequence, value);
  }

  private HandleGate.Lease enterOpen() {
    HandleGate.Lease lease = gate.enter();
    if (dropped.get()) {
      lease.close();
      throw droppedException();
    }
    return lease;
  }

  @Override
  public String toString() {
    return "RocksDbShardLog[" + id + "]";
  }
}
