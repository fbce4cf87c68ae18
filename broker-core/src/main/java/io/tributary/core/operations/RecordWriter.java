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
import io.tributary.storage.ShardLog;
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
 * write happens on the calling thread. Once a shard's
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
    Map<ShardState, List<Integer>> byShard = new LinkedHashMap<>();
    for (int i = 0; i < entries.size(); i++) {
      byShard.computeIfAbsent(shards.get(i), k -> new ArrayList<>()).add(i);
    }
    List<StreamStore.ShardAppend> appendsInOrder = new ArrayList<>(byShard.size());
    for (Map.Entry<ShardState, List<Integer>> e : byShard.entrySet()) {
      ShardState shard = e.getKey();
      // A missing log means the stream was deleted after it was looked up.
      ShardLog log = store.shardLog(shard.logId()).orElseThrow(() -> StreamRegistry.notFound(stream.key()));
      List<NewRecord> records = new ArrayList<>(e.getValue().size());
      long minExclusive = shard.startingSequence() - 1;
      for (int i : e.getValue()) {
        Entry entry = entries.get(i);
        records.add(new NewRecord(entry.partitionKey(), entry.data()));
        if (entry.sequenceNumberForOrdering().isPresent()) {
          minExclusive = Math.max(minExclusive, entry.sequenceNumberForOrdering().get().sequence());
        }
      }
      appendsInOrder.add(new StreamStore.ShardAppend(log, records, minExclusive));
    }
    List<CompletableFuture<List<StoredRecord>>> futures = store.appendAll(appendsInOrder);
    Map<ShardState, CompletableFuture<List<StoredRecord>>> pending = new LinkedHashMap<>();
    int next = 0;
    for (ShardState shard : byShard.keySet()) {
      pending.put(shard, futures.get(next++));
    }
    Written[] result = new Written[entries.size()];
    for (Map.Entry<ShardState, CompletableFuture<List<StoredRecord>>> e : pending.entrySet()) {
      List<StoredRecord> stored = await(stream, e.getValue());
      appends.signal(e.getKey().logId());
      List<Integer> positions = byShard.get(e.getKey());
      for (int j = 0; j < positions.size(); j++) {
        result[positions.get(j)] = new Written(e.getKey(),
            new SequenceNumber(e.getKey().shardId().index(), stored.get(j).sequence()));
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
