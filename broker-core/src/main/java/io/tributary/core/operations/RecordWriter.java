package io.tributary.core.operations;

import io.tributary.core.RequestContext;
import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.KinesisException;
import io.tributary.core.model.HashKey;
import io.tributary.core.model.SequenceNumber;
import io.tributary.core.model.StreamStatus;
import io.tributary.core.streams.AppendNotifier;
import io.tributary.core.streams.ShardState;
import io.tributary.core.streams.StreamKey;
import io.tributary.core.streams.StreamRegistry;
import io.tributary.core.streams.StreamState;
import io.tributary.storage.NewRecord;
import io.tributary.storage.ShardLogClosedException;
import io.tributary.storage.StoredRecord;
import io.tributary.storage.StreamStore;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.Lock;
import java.util.function.Function;

/**
 * What PutRecord and PutRecords share: routing each record to the open shard whose hash-key
 * range holds it, and appending each shard's records, in request order, to its log.
 *
 * <p>All shards' appends go to the store in one {@link StreamStore#appendAll}, so one request's
 * records share a write (and, in fsync mode, one fsync); when nothing else is being written, that
 * write happens on the calling thread. The {@code IfFree}/{@code IfIdle} variants do the same
 * only when nothing has to be waited for, for callers that must not block. Once a shard's
 * records are durable, its {@link AppendNotifier} listeners (SubscribeToShard) are signalled.
 *
 * <p>Thread-safe.
 */
final class RecordWriter {
  private final StreamRegistry registry;
  private final StreamStore store;
  private final AppendNotifier appends;
  private final Clock clock;

  RecordWriter(StreamRegistry registry, StreamStore store, AppendNotifier appends, Clock clock) {
    this.registry = registry;
    this.store = store;
    this.appends = appends;
    this.clock = clock;
  }

  /** A record to write, with its routing inputs already checked for form. */
  record Entry(byte[] data, String partitionKey, Optional<BigInteger> explicitHashKey,
      Optional<SequenceNumber> sequenceNumberForOrdering) {}

  /** Where a record landed. */
  record Written(ShardState shard, SequenceNumber sequenceNumber) {}

  /**
   * Runs {@code work} on the stream, if it accepts writes (ACTIVE or UPDATING; otherwise AWS's
   * not-found error), holding the stream's shard lock for reading throughout, so the shards it
   * routes to stay open until its records are durable.
   */
  <R> R withWritableStream(RequestContext context, StreamRef ref, Function<StreamState, R> work) {
    StreamKey key = ref.resolve(context);
    Lock lock = registry.shardLock(key).readLock();
    lock.lock();
    try {
      return work.apply(writableStream(key));
    } finally {
      lock.unlock();
    }
  }

  private StreamState writableStream(StreamKey key) {
    StreamState s = registry.find(key).orElseThrow(() -> StreamRegistry.notFound(key));
    StreamStatus status = s.statusAt(clock.millis()).orElseThrow(() -> StreamRegistry.notFound(key));
    if (status != StreamStatus.ACTIVE && status != StreamStatus.UPDATING) {
      throw StreamRegistry.notFound(key);
    }
    return s;
  }

  /**
   * The validation failure of a record whose data plus partition key is larger than the stream's
   * {@code MaxRecordSizeInKiB}, naming it at {@code member} ({@code data}, or
   * {@code records.<n>.member.data} in PutRecords, counted from 1), in the words of AWS's
   * validation layer, which prints the data blob as the Java {@code ByteBuffer} it decoded
   * (awslabs/kinesis-aggregation#30; a8m/kinesis-producer#18). Empty if the record fits.
   */
  static Optional<String> sizeViolation(StreamState stream, byte[] data, String partitionKey, String member) {
    long limitBytes = stream.maxRecordSizeKiB() * 1024L;
    long size = data.length + (long) partitionKey.getBytes(StandardCharsets.UTF_8).length;
    if (size <= limitBytes) {
      return Optional.empty();
    }
    return Optional.of("Value 'java.nio.HeapByteBuffer[pos=0 lim=" + data.length + " cap=" + data.length + "]' at '"
        + member + "' failed to satisfy constraint: Member must have length less than or equal to " + limitBytes);
  }

  /** "1 validation error detected: ..." or "3 validation errors detected: ...; ...; ...". */
  static KinesisException validationErrors(List<String> violations) {
    int n = violations.size();
    return KinesisException.validation(n + (n == 1 ? " validation error" : " validation errors") + " detected: "
        + String.join("; ", violations));
  }

  /** The shard a record goes to; InvalidArgumentException for an out-of-range explicit key. */
  static ShardState route(StreamState stream, Entry entry) {
    HashKey hashKey;
    if (entry.explicitHashKey().isPresent()) {
      BigInteger explicit = entry.explicitHashKey().get();
      if (!HashKey.inRange(explicit)) {
        throw KinesisException.invalidArgument("Invalid ExplicitHashKey. ExplicitHashKey must be in the range: "
            + "[0, 2^128-1]. Specified value was " + explicit);
      }
      hashKey = new HashKey(explicit);
    } else {
      hashKey = HashKey.ofPartitionKey(entry.partitionKey());
    }
    return stream.openShardFor(hashKey);
  }

  /**
   * Appends the entries, already routed to {@code shards} (same order), and returns where each
   * landed, in the same order. Blocks until every record is durable.
   */
  List<Written> append(StreamState stream, List<Entry> entries, List<ShardState> shards) {
    Plan plan = plan(entries, shards);
    return written(stream, plan, store.appendAll(plan.appends()));
  }

  /**
   * As {@link #append}, but only if the store can write them at once without waiting (see {@link
   * StreamStore#appendAllIfIdle}); empty, having appended nothing, if it cannot.
   */
  Optional<List<Written>> appendIfIdle(StreamState stream, List<Entry> entries, List<ShardState> shards) {
    Plan plan = plan(entries, shards);
    return store.appendAllIfIdle(plan.appends()).map(futures -> written(stream, plan, futures));
  }

  /** Whether {@link #appendIfIdle} can ever append. */
  boolean canAppendWithoutBlocking() {
    return store.canAppendWithoutBlocking();
  }

  /**
   * As {@link #withWritableStream}, but only if the stream's shard lock is free for reading at
   * once; empty if it is not (a reshard holds it), or if {@code work} returns empty.
   */
  <R> Optional<R> withWritableStreamIfFree(
      RequestContext context, StreamRef ref, Function<StreamState, Optional<R>> work) {
    StreamKey key = ref.resolve(context);
    Lock lock = registry.shardLock(key).readLock();
    if (!lock.tryLock()) {
      return Optional.empty();
    }
    try {
      return work.apply(writableStream(key));
    } finally {
      lock.unlock();
    }
  }

  /** Each shard's records in request order, and where each entry sits among them. */
  private record Plan(List<ShardState> shards, List<List<Integer>> positions, List<StreamStore.ShardAppend> appends) {}

  private static Plan plan(List<Entry> entries, List<ShardState> shards) {
    Map<ShardState, List<Integer>> byShard = new LinkedHashMap<>();
    for (int i = 0; i < entries.size(); i++) {
      byShard.computeIfAbsent(shards.get(i), k -> new ArrayList<>()).add(i);
    }
    List<StreamStore.ShardAppend> appends = new ArrayList<>(byShard.size());
    for (Map.Entry<ShardState, List<Integer>> e : byShard.entrySet()) {
      ShardState shard = e.getKey();
      List<NewRecord> records = new ArrayList<>(e.getValue().size());
      long minExclusive = shard.startingSequence() - 1;
      for (int i : e.getValue()) {
        Entry entry = entries.get(i);
        records.add(new NewRecord(entry.partitionKey(), entry.data()));
        if (entry.sequenceNumberForOrdering().isPresent()) {
          minExclusive = Math.max(minExclusive, entry.sequenceNumberForOrdering().get().sequence());
        }
      }
      appends.add(new StreamStore.ShardAppend(shard.logId(), records, minExclusive));
    }
    return new Plan(List.copyOf(byShard.keySet()), List.copyOf(byShard.values()), appends);
  }

  /**
   * Waits for each shard's append, signals its listeners, and returns where each entry landed. A
   * log that is gone means the stream was deleted after it was looked up: AWS's not-found error.
   */
  private List<Written> written(
      StreamState stream, Plan plan, List<CompletableFuture<List<StoredRecord>>> futures) {
    int count = 0;
    for (List<Integer> positions : plan.positions()) {
      count += positions.size();
    }
    Written[] result = new Written[count];
    for (int s = 0; s < plan.shards().size(); s++) {
      ShardState shard = plan.shards().get(s);
      List<StoredRecord> stored = await(stream, futures.get(s));
      appends.signal(shard.logId());
      List<Integer> positions = plan.positions().get(s);
      for (int j = 0; j < positions.size(); j++) {
        result[positions.get(j)] =
            new Written(shard, new SequenceNumber(shard.shardId().index(), stored.get(j).sequence()));
      }
    }
    return List.of(result);
  }

  private static List<StoredRecord> await(StreamState stream, CompletableFuture<List<StoredRecord>> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KinesisException(ErrorCode.INTERNAL_FAILURE, "Interrupted while writing.", e);
    } catch (ExecutionException | CompletionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof ShardLogClosedException) {
        throw StreamRegistry.notFound(stream.key());
      }
      throw new KinesisException(ErrorCode.INTERNAL_FAILURE, "Internal service failure.", cause);
    }
  }
}
