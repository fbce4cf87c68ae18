package io.tributary.storage.rocksdb;

import io.tributary.storage.NewRecord;
import io.tributary.storage.ShardLogClosedException;
import io.tributary.storage.StorageException;
import io.tributary.storage.StoredRecord;
import java.time.Clock;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single thread, {@value #THREAD_NAME}, that writes every record of every shard log: appends
 * and trims.
 *
 * <p>Callers enqueue commands and get a future. The thread takes the first command, drains the
 * appends and trims queued behind it (up to {@value #MAX_BATCH_RECORDS} records or {@value
 * #MAX_BATCH_BYTES} bytes, across all shards and callers), assigns sequences and arrival times per
 * shard from one clock reading, and writes everything in one {@link WriteBatch}: one WAL write and,
 * under {@link io.tributary.storage.Durability#FSYNC}, one fsync shared by all of them (group
 * commit). Only after that write returns does it commit each shard's new {@link ShardTail} and
 * complete the futures, in queue order. If the write fails, every future in the batch fails with
 * the same {@link StorageException} and no tail advances.
 *
 * <p>A {@linkplain #submitBarrier barrier} completes once every batch queued before it is written.
 * Dropping a shard log marks it dropped (so the writer fails its later appends without touching its
 * column family), then waits for a barrier before releasing the column family: after that, this
 * thread never uses its handle again.
 *
 * <p>Futures complete on this thread: dependent actions must be quick or use the {@code *Async}
 * variants, and must not call {@link RocksDbShardLog#trimBefore}, {@link
 * RocksDbStreamStore#dropShardLog} or {@link RocksDbStreamStore#close}, which wait for this thread
 * (they throw {@link IllegalStateException} if they are called on it).
 *
 * <p>Thread-safe: the {@code submit} methods and {@link #stop} may be called from any thread;
 * everything else, including each shard log's tail, is confined to the writer thread.
 */
final class ShardLogWriter {

  static final String THREAD_NAME = "tributary-storage-writer";
  static final int MAX_BATCH_RECORDS = 4096;
  static final long MAX_BATCH_BYTES = 4L << 20;

  private static final Logger log = LoggerFactory.getLogger(ShardLogWriter.class);

  /**
   * Where a finished batch goes: {@code db.write(writeOptions, batch)}, or in tests a sink that
   * fails on demand.
   */
  @FunctionalInterface
  interface BatchSink {
    void write(WriteBatch batch) throws RocksDBException;
  }

  private final BlockingQueue<Command> queue = new LinkedBlockingQueue<>();
  /** The bytes of the batch being gathered; confined to the writer thread. */
  private final WriteBatchBuilder batch = new WriteBatchBuilder();
  private final BatchSink sink;
  private final Clock clock;
  private final Thread thread;

  /** A writer into {@code sink}; {@link #start} starts its thread. */
  ShardLogWriter(BatchSink sink, Clock clock) {
    this.sink = sink;
    this.clock = clock;
    this.thread = new Thread(this::run, THREAD_NAME);
    this.thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  /** Queues an append; see {@link io.tributary.storage.ShardLog#append}. */
  CompletableFuture<List<StoredRecord>> submitAppend(
      RocksDbShardLog shardLog,
      List<NewRecord> records,
      List<byte[]> partitionKeysUtf8,
      long minSequenceExclusive,
      long sizeBytes) {
    Append append =
        new Append(
            shardLog,
            records,
            partitionKeysUtf8,
            minSequenceExclusive,
            sizeBytes,
            new CompletableFuture<>());
    queue.add(append);
    return append.future();
  }

  /** Queues the logical delete of every record below {@code beforeSequence}. */
  CompletableFuture<Void> submitTrim(RocksDbShardLog shardLog, long beforeSequence) {
    Trim trim = new Trim(shardLog, beforeSequence, new CompletableFuture<>());
    queue.add(trim);
    return trim.future();
  }

  /** A future that completes once everything queued before it is written or failed. */
  CompletableFuture<Void> submitBarrier() {
    Barrier barrier = new Barrier(new CompletableFuture<>());
    queue.add(barrier);
    return barrier.future();
  }

  /**
   * Performs everything queued so far, then ends the thread and waits for it. Anything queued after
   * that fails with {@link ShardLogClosedException}.
   */
  void stop() {
    checkNotOnWriterThread("closing the store");
    queue.add(new Stop(new CompletableFuture<>()));
    boolean interrupted = false;
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    Command left;
    while ((left = queue.poll()) != null) {
      left.future().completeExceptionally(new ShardLogClosedException("the store was closed"));
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Waits for a future of this writer, rethrowing its failure as it was raised. */
  static void await(CompletableFuture<?> future) {
    try {
      future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw new StorageException("storage operation failed: " + e.getCause(), e.getCause());
    }
  }

  /** Fails fast instead of deadlocking when a caller would wait for the writer on the writer. */
  void checkNotOnWriterThread(String operation) {
    if (Thread.currentThread() == thread) {
      throw new IllegalStateException(
          operation + " must not run on " + THREAD_NAME + " (from a future's callback)");
    }
  }

  private void run() {
    Command carried = null;
    while (true) {
      Command first = carried != null ? carried : take();
      carried = null;
      if (first instanceof Stop) {
        return;
      }
      if (first instanceof Barrier barrier) {
        barrier.future().complete(null);
        continue;
      }
      PendingBatch batch = new PendingBatch(clock.millis());
      try {
        batch.add((ShardCommand) first);
        while (!batch.full()) {
          Command next = queue.poll();
          if (next == null) {
            break;
          }
          if (next instanceof Stop || next instanceof Barrier) {
            carried = next;
            break;
          }
          batch.add((ShardCommand) next);
        }
        batch.write();
      } catch (StorageException e) {
        batch.fail(e);
      } catch (RuntimeException e) {
        log.error("Unexpected failure in {}; failing its batch", THREAD_NAME, e);
        batch.fail(new StorageException("unexpected failure writing shard logs: " + e, e));
      } finally {
        batch.close();
      }
    }
  }

  private Command take() {
    while (true) {
      try {
        return queue.take();
      } catch (InterruptedException e) {
        // Only Stop ends the writer, so that every queued future completes.
      }
    }
  }

  /** Appends and trims gathered into one WriteBatch. Confined to the writer thread. */
  private final class PendingBatch implements AutoCloseable {
    private final long nowMillis;
    private final Map<RocksDbShardLog, ShardTail> tails = new IdentityHashMap<>();
    private final List<ShardCommand> commands = new ArrayList<>();
    private final List<Runnable> onWritten = new ArrayList<>();
    private int records;
    private long bytes;

    PendingBatch(long nowMillis) {
      this.nowMillis = nowMillis;
    }

    boolean full() {
      return records >= MAX_BATCH_RECORDS || bytes >= MAX_BATCH_BYTES;
    }

    /**
     * Adds an append or trim; a command that cannot be added fails alone, having added nothing
     * (everything that can fail is checked before its first entry goes into the batch).
     */
    void add(ShardCommand command) {
      RocksDbShardLog shardLog = command.shardLog();
      if (shardLog.isDropped()) {
        command.future().completeExceptionally(shardLog.droppedException());
        return;
      }
      try {
        if (command instanceof Append append) {
          addAppend(append);
        } else if (command instanceof Trim trim) {
          addTrim(trim);
        }
      } catch (StorageException | IllegalArgumentException e) {
        command.future().completeExceptionally(e);
        return;
      }
      commands.add(command);
    }

    private ShardTail tail(RocksDbShardLog shardLog) {
      ShardTail pending = tails.get(shardLog);
      return pending != null ? pending : shardLog.tail();
    }

    private void addAppend(Append append) {
      RocksDbShardLog shardLog = append.shardLog();
      int count = append.records().size();
      ShardTail tail = tail(shardLog);
      List<StoredRecord> stored = new ArrayList<>(count);
      List<WriteBatchBuilder.ValueWriter> values = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        NewRecord record = append.records().get(i);
        tail = tail.next(nowMillis, append.minSequenceExclusive());
        values.add(
            RecordFormat.valueWriter(
                tail.lastArrivalMillis(), append.partitionKeysUtf8().get(i), record.data()));
        stored.add(
            new StoredRecord(
                tail.lastSequence(),
                tail.lastArrivalMillis(),
                record.partitionKey(),
                record.data()));
      }
      int columnFamily = shardLog.columnFamilyId();
      for (int i = 0; i < count; i++) {
        batch.put(columnFamily, RecordFormat.key(stored.get(i).sequence()), values.get(i));
      }
      ShardTail committed = tail;
      tails.put(shardLog, committed);
      records += count;
      bytes += append.sizeBytes();
      List<StoredRecord> result = List.copyOf(stored);
      onWritten.add(
          () -> {
            shardLog.commitTail(committed);
            append.future().complete(result);
          });
    }

    private void addTrim(Trim trim) {
      RocksDbShardLog shardLog = trim.shardLog();
      ShardTail tail = tail(shardLog);
      batch.deleteRange(
          shardLog.columnFamilyId(), RecordFormat.key(0), RecordFormat.key(trim.beforeSequence()));
      if (tail.lastSequence() > 0) {
        batch.put(
            shardLog.columnFamilyId(),
            RecordFormat.highWaterMarkKey(),
            RecordFormat.encodeHighWaterMark(tail));
      }
      tails.put(shardLog, tail);
      records += 1;
      onWritten.add(
          () -> {
            shardLog.trimmed(trim.beforeSequence());
            trim.future().complete(null);
          });
    }

    void write() {
      if (commands.isEmpty()) {
        return;
      }
      try (WriteBatch writeBatch = batch.build()) {
        sink.write(writeBatch);
      } catch (RocksDBException e) {
        fail(RocksDbErrorPolicy.wrap(describe(), e));
        return;
      }
      onWritten.forEach(Runnable::run);
    }

    void fail(StorageException failure) {
      for (ShardCommand command : commands) {
        command.future().completeExceptionally(failure);
      }
    }

    private String describe() {
      List<String> names = new ArrayList<>();
      for (RocksDbShardLog shardLog : tails.keySet()) {
        if (names.size() == 3) {
          names.add("and " + (tails.size() - 3) + " more");
          break;
        }
        names.add(shardLog.id().value());
      }
      return "write of " + records + " records and trims to shard logs " + names;
    }

    /** Leaves the shared builder empty for the next batch, whatever happened to this one. */
    @Override
    public void close() {
      if (!batch.isEmpty()) {
        batch.build().close();
      }
    }
  }

  /** A unit of work for the writer thread. */
  private sealed interface Command permits ShardCommand, Barrier, Stop {
    CompletableFuture<?> future();
  }

  /** Work on one shard log. */
  private sealed interface ShardCommand extends Command permits Append, Trim {
    RocksDbShardLog shardLog();
  }

  private record Append(
      RocksDbShardLog shardLog,
      List<NewRecord> records,
      List<byte[]> partitionKeysUtf8,
      long minSequenceExclusive,
      long sizeBytes,
      CompletableFuture<List<StoredRecord>> future)
      implements ShardCommand {}

  private record Trim(RocksDbShardLog shardLog, long beforeSequence, CompletableFuture<Void> future)
      implements ShardCommand {}

  /** Completes once the batches before it are written. */
  private record Barrier(CompletableFuture<Void> future) implements Command {}

  /** Ends the writer once everything queued before it is done. */
  private record Stop(CompletableFuture<Void> future) implements Command {}
}
