package io.tributary.storage.rocksdb;

import io.tributary.storage.NewRecord;
import io.tributary.storage.ShardLogClosedException;
import io.tributary.storage.StorageException;
import io.tributary.storage.StoredRecord;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.rocksdb.RocksDBException;
import org.rocksdb.Status;
import org.rocksdb.WriteBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every record of every shard log, appends and trims, one batch at a time, either on the
 * calling thread or on the thread {@value #THREAD_NAME} (leader/follower group commit).
 *
 * <p>At most one thread writes at a time: the one holding the <em>write turn</em>. A caller that
 * submits appends or trims while nobody holds the turn takes it and writes its own commands at
 * once, on its own thread (it leads), so a lone client's write costs no thread hand-off. Commands
 * submitted while the turn is held wait in the queue (they follow); when the holder finishes its
 * batch and finds the queue non-empty, it hands the turn to the writer thread, which drains the
 * queue batch by batch (up to {@value #MAX_BATCH_RECORDS} records or {@value #MAX_BATCH_BYTES}
 * bytes, across all shards and callers) until it is empty, then gives the turn up. Under load the
 * queue fills while a batch is written, so concurrent writers still share one write (group
 * commit), as before. Invariant, under {@code lock}: nobody holds the turn only when the queue is
 * empty, so no queued command is ever left without a thread to write it.
 *
 * <p>Each batch assigns sequences and arrival times per shard from one clock reading and is written
 * as one {@link WriteBatch}: one WAL write and, under {@link io.tributary.storage.Durability#FSYNC},
 * one fsync shared by all of its commands. Only after that write returns does the holder commit
 * each shard's new {@link ShardTail} and complete the futures, in queue order. If the write fails,
 * every future in the batch fails with the same {@link StorageException} and no tail advances.
 *
 * <p>A {@linkplain #submitBarrier barrier} completes once every batch queued before it is written.
 * Dropping a shard log marks it dropped (so the writer fails its later appends without touching its
 * column family), then waits for a barrier before releasing the column family: after that, no
 * writer uses its handle again.
 *
 * <p>Futures complete on the thread that wrote their batch, the submitter's or another's:
 * dependent actions must be quick or use the {@code *Async} variants, and must not call {@link
 * RocksDbShardLog#trimBefore}, {@link RocksDbStreamStore#dropShardLog} or {@link
 * RocksDbStreamStore#close}, which wait for the writer (they throw {@link IllegalStateException}
 * if they are called while the calling thread holds the write turn).
 *
 * <p>Thread-safe: the {@code submit} methods and {@link #stop} may be called from any thread, and
 * a submit that leads returns only after its batch is written (so call them where blocking for a
 * write is acceptable). The batch under construction and each shard log's tail are confined to
 * the holder of the write turn; the turn passes under {@code lock}, which orders one holder's
 * writes before the next one's reads. The queue and the turn's state are guarded by {@code lock}.
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
    /**
     * Writes the batch; if {@code mayStall} is false and RocksDB would delay the write (a write
     * stall), fails at once with status {@code Incomplete} instead, having written nothing.
     */
    void write(WriteBatch batch, boolean mayStall) throws RocksDBException;
  }

  private final ReentrantLock lock = new ReentrantLock();
  /** Signalled when the write turn is handed to the writer thread. */
  private final Condition writerTurn = lock.newCondition();

  /** Guarded by {@code lock}. */
  private final ArrayDeque<Command> queue = new ArrayDeque<>();
  /** Guarded by {@code lock}: some thread holds the write turn. */
  private boolean turnTaken;
  /** Guarded by {@code lock}: the holder is the writer thread. */
  private boolean turnIsWriters;
  /** Guarded by {@code lock}: {@link #stop} was called; later submits fail. */
  private boolean stopping;
  /** The caller thread holding the write turn, if one does; for {@link #checkNotOnWriterThread}. */
  private volatile Thread leader;

  /** The bytes of the batch being gathered; confined to the holder of the write turn. */
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

  /**
   * An append, checked and ready to submit; see {@link io.tributary.storage.ShardLog#append}. Its
   * future completes once it is written.
   */
  Append append(
      RocksDbShardLog shardLog,
      List<NewRecord> records,
      List<byte[]> partitionKeysUtf8,
      long minSequenceExclusive,
      long sizeBytes) {
    return new Append(
        shardLog,
        records,
        partitionKeysUtf8,
        minSequenceExclusive,
        sizeBytes,
        new CompletableFuture<>());
  }

  /**
   * Submits appends, to be written together in one batch if this caller leads (if nobody is
   * writing, it writes them now, on this thread, and returns after that); otherwise they are
   * queued behind the batch being written.
   */
  void submitAppends(List<Append> appends) {
    submit(List.copyOf(appends));
  }

  /**
   * Writes the appends now, on this thread, if that needs no waiting: returns false, having
   * written and queued nothing, if another write holds the turn or RocksDB would stall the write.
   * Once it returns true every append's future is complete (failed, if the store is stopping or
   * the write failed).
   */
  boolean submitAppendsIfIdle(List<Append> appends) {
    if (appends.isEmpty()) {
      return true;
    }
    lock.lock();
    try {
      if (stopping) {
        ShardLogClosedException closed = closed();
        appends.forEach(append -> append.future().completeExceptionally(closed));
        return true;
      }
      if (turnTaken) {
        return false;
      }
      turnTaken = true;
    } finally {
      lock.unlock();
    }
    leader = Thread.currentThread();
    try {
      return writeBatch(appends, false);
    } finally {
      leader = null;
      passTurn();
    }
  }

  /** Submits the logical delete of every record below {@code beforeSequence}. */
  CompletableFuture<Void> submitTrim(RocksDbShardLog shardLog, long beforeSequence) {
    Trim trim = new Trim(shardLog, beforeSequence, new CompletableFuture<>());
    submit(List.of(trim));
    return trim.future();
  }

  /** A future that completes once everything submitted before it is written or failed. */
  CompletableFuture<Void> submitBarrier() {
    Barrier barrier = new Barrier(new CompletableFuture<>());
    lock.lock();
    try {
      if (stopping) {
        barrier.future().completeExceptionally(closed());
      } else if (!turnTaken) {
        // Nothing is being written and (by the invariant) nothing is queued.
        barrier.future().complete(null);
      } else {
        queue.add(barrier);
      }
    } finally {
      lock.unlock();
    }
    return barrier.future();
  }

  /**
   * Performs everything submitted so far, then ends the thread and waits for it. Anything submitted
   * after that fails with {@link ShardLogClosedException}.
   */
  void stop() {
    checkNotOnWriterThread("closing the store");
    lock.lock();
    try {
      if (!stopping) {
        stopping = true;
        queue.add(new Stop(new CompletableFuture<>()));
        if (!turnTaken) {
          handToWriterThread();
        }
      }
    } finally {
      lock.unlock();
    }
    boolean interrupted = false;
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
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
    Thread current = Thread.currentThread();
    if (current == thread || current == leader) {
      throw new IllegalStateException(
          operation
              + " must not run on a thread that is writing shard logs (from a future's callback)");
    }
  }

  /** Queues {@code commands}, or, if nobody is writing, writes them now on this thread. */
  private void submit(List<? extends ShardCommand> commands) {
    if (commands.isEmpty()) {
      return;
    }
    lock.lock();
    try {
      if (stopping) {
        ShardLogClosedException closed = closed();
        commands.forEach(command -> command.future().completeExceptionally(closed));
        return;
      }
      if (turnTaken) {
        queue.addAll(commands);
        return;
      }
      turnTaken = true;
    } finally {
      lock.unlock();
    }
    leader = Thread.currentThread();
    try {
      writeBatch(commands, true);
    } finally {
      leader = null;
      passTurn();
    }
  }

  /** Ends this holder's turn: to the writer thread if commands are queued, else to nobody. */
  private void passTurn() {
    lock.lock();
    try {
      if (queue.isEmpty()) {
        turnTaken = false;
      } else {
        handToWriterThread();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Guarded by {@code lock}. */
  private void handToWriterThread() {
    turnTaken = true;
    turnIsWriters = true;
    writerTurn.signal();
  }

  private static ShardLogClosedException closed() {
    return new ShardLogClosedException("the store was closed");
  }

  private void run() {
    List<ShardCommand> commands = new ArrayList<>();
    while (true) {
      Command boundary = null;
      lock.lock();
      try {
        while (!turnIsWriters) {
          writerTurn.awaitUninterruptibly();
        }
        boundary = drain(commands);
      } finally {
        lock.unlock();
      }
      if (!commands.isEmpty()) {
        writeBatch(commands, true);
        commands.clear();
      } else if (boundary instanceof Barrier barrier) {
        barrier.future().complete(null);
      } else if (boundary instanceof Stop) {
        return;
      }
      lock.lock();
      try {
        if (queue.isEmpty()) {
          turnTaken = false;
          turnIsWriters = false;
        }
      } finally {
        lock.unlock();
      }
    }
  }

  /**
   * Moves the next batch's appends and trims from the queue into {@code into}; if the queue starts
   * with a barrier or stop, takes that alone and returns it. Guarded by {@code lock}.
   */
  private Command drain(List<ShardCommand> into) {
    Command head = queue.peek();
    if (head instanceof Barrier || head instanceof Stop) {
      return queue.poll();
    }
    long records = 0;
    long bytes = 0;
    while (records < MAX_BATCH_RECORDS && bytes < MAX_BATCH_BYTES) {
      if (!(queue.peek() instanceof ShardCommand next)) {
        break;
      }
      queue.poll();
      into.add(next);
      if (next instanceof Append append) {
        records += append.records().size();
        bytes += append.sizeBytes();
      } else {
        records += 1;
      }
    }
    return null;
  }

  /**
   * Writes one batch of commands; the caller holds the write turn. Returns false only if {@code
   * mayStall} is false and RocksDB refused to stall: then nothing was written, no tail moved, and
   * the futures of the commands that could be written are left incomplete.
   */
  private boolean writeBatch(List<? extends ShardCommand> commands, boolean mayStall) {
    PendingBatch pending = new PendingBatch(clock.millis());
    try {
      for (ShardCommand command : commands) {
        pending.add(command);
      }
      return pending.write(mayStall);
    } catch (StorageException e) {
      pending.fail(e);
    } catch (RuntimeException e) {
      log.error("Unexpected failure writing shard logs; failing its batch", e);
      pending.fail(new StorageException("unexpected failure writing shard logs: " + e, e));
    } finally {
      pending.close();
    }
    return true;
  }

  /** Appends and trims gathered into one WriteBatch. Confined to the holder of the write turn. */
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

    /** Writes the batch; false if it would have stalled and {@code mayStall} is false. */
    boolean write(boolean mayStall) {
      if (commands.isEmpty()) {
        return true;
      }
      try (WriteBatch writeBatch = batch.build()) {
        sink.write(writeBatch, mayStall);
      } catch (RocksDBException e) {
        if (!mayStall
            && e.getStatus() != null
            && e.getStatus().getCode() == Status.Code.Incomplete) {
          return false;
        }
        fail(RocksDbErrorPolicy.wrap(describe(), e));
        return true;
      }
      onWritten.forEach(Runnable::run);
      return true;
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

  record Append(
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
