package io.tributary.core.operations;

import io.tributary.core.model.ConsumerArn;
import io.tributary.core.model.ConsumerStatus;
import io.tributary.core.model.SequenceNumber;
import io.tributary.core.model.ShardId;
import io.tributary.core.model.StreamStatus;
import io.tributary.core.streams.AppendNotifier;
import io.tributary.core.streams.ShardState;
import io.tributary.core.streams.StreamKey;
import io.tributary.core.streams.StreamRegistry;
import io.tributary.core.streams.StreamState;
import io.tributary.storage.ShardLog;
import io.tributary.storage.ShardLogId;
import io.tributary.storage.StreamStore;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One open SubscribeToShard subscription: a consumer's position in one shard, read as a
 * sequence of {@link Event}s (the API's {@code SubscribeToShardEvent}).
 *
 * <p>Each {@link #next()} reads from the position what is there, up to {@link #MAX_EVENT_RECORDS}
 * records and {@link #MAX_EVENT_BYTES} (at least one record if any), under GetRecords' rules
 * ({@link ShardReader}: retention, closed shards, {@code MillisBehindLatest}). An event without
 * records is a heartbeat. Once a closed shard is read to its end, the next event is the last:
 * no records, no {@code ContinuationSequenceNumber} (AWS sends none there, amazon-kinesis-client
 * #1744) and the shard's {@code ChildShards}.
 *
 * <p>{@code ContinuationSequenceNumber} is the sequence number of the last record delivered;
 * before any, the one just below the starting position. Either way, a new subscription from
 * {@code AFTER_SEQUENCE_NUMBER} with it resumes exactly where this one stopped, which is how the
 * Kinesis Client Library resubscribes.
 *
 * <p>The reader is pushed, not polled: {@link #onAppend} registers a listener that the shard's
 * writers signal once their records are durable (and reshards signal when they close the
 * shard). A listener wakes the reader; a reader that reads after each wake-up misses nothing.
 *
 * <p>If the stream is deleted, or the consumer deregistered, {@link #next()} throws
 * ResourceNotFoundException.
 *
 * <p>Thread-safe: {@link #next()} calls are serialized (the transport makes one at a time), and
 * {@link #close()}, which may come from any thread, never waits for one.
 */
public final class ShardSubscription implements AutoCloseable {
  /** The most records one event carries. */
  public static final int MAX_EVENT_RECORDS = 10_000;
  /** About the most record data one event carries; a single larger record still goes alone. */
  public static final long MAX_EVENT_BYTES = 1024 * 1024;

  /**
   * One {@code SubscribeToShardEvent}.
   *
   * @param continuationSequenceNumber empty only in the last event of a closed shard
   * @param childShards the shards that continue this one; only in the last event
   */
  public record Event(
      List<DataRecord> records, Optional<SequenceNumber> continuationSequenceNumber, long millisBehindLatest,
      List<ChildShard> childShards) {
    public Event {
      records = List.copyOf(records);
      Objects.requireNonNull(continuationSequenceNumber, "continuationSequenceNumber");
      childShards = List.copyOf(childShards);
    }

    /** Whether this is the last event: the shard is closed and fully delivered. */
    public boolean isLast() {
      return continuationSequenceNumber.isEmpty();
    }
  }

  private final StreamRegistry registry;
  private final StreamStore store;
  private final AppendNotifier appends;
  private final Clock clock;
  private final StreamKey key;
  private final long streamUid;
  private final ConsumerArn consumer;
  private final ShardId shardId;
  private final ShardLogId logId;
  /** Frees the slot; qualified because this package has a {@code Consumer} of its own. */
  private final java.util.function.Consumer<ShardSubscription> release;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicReference<AppendNotifier.Registration> listener = new AtomicReference<>();
  private final Object readLock = new Object();

  /** Guarded by {@code readLock}: the next log sequence to read. */
  private long next;
  /** Guarded by {@code readLock}: the log sequence of the last record delivered, or just below {@code next}. */
  private long continuation;
  /** Guarded by {@code readLock}. */
  private boolean ended;

  ShardSubscription(
      StreamRegistry registry, StreamStore store, AppendNotifier appends, Clock clock, StreamState stream,
      ConsumerArn consumer, ShardState shard, long startSequence,
      java.util.function.Consumer<ShardSubscription> release) {
    this.registry = registry;
    this.store = store;
    this.appends = appends;
    this.clock = clock;
    this.key = stream.key();
    this.streamUid = stream.uid();
    this.consumer = consumer;
    this.shardId = shard.shardId();
    this.logId = shard.logId();
    this.release = release;
    this.next = startSequence;
    this.continuation = startSequence - 1;
  }

  public ConsumerArn consumerArn() {
    return consumer;
  }

  public ShardId shardId() {
    return shardId;
  }

  /**
   * Reads the next event from the position and moves past what it returns. Blocks on storage.
   *
   * @throws IllegalStateException after the last event, or once closed
   * @throws io.tributary.core.error.KinesisException ResourceNotFoundException if the stream,
   *     the shard or the consumer is gone
   */
  public Event next() {
    synchronized (readLock) {
      if (ended || closed.get()) {
        throw new IllegalStateException("subscription of " + consumer + " to " + shardId + " is over");
      }
      long now = clock.millis();
      StreamState stream = registry.find(key)
          .filter(s -> s.uid() == streamUid)
          .filter(s -> s.statusAt(now).orElse(StreamStatus.DELETING) != StreamStatus.DELETING)
          .orElseThrow(() -> GetShardIterator.shardNotFound(key, shardId.toString()));
      Consumers.byArn(stream, consumer, now)
          .filter(c -> c.statusAt(now).orElse(ConsumerStatus.DELETING) == ConsumerStatus.ACTIVE)
          .orElseThrow(() -> Consumers.notFound(consumer.toString(), key.accountId()));
      ShardState shard = stream.shard(shardId).orElseThrow(() -> GetShardIterator.shardNotFound(key, shardId.toString()));
      ShardLog log = store.shardLog(shard.logId())
          .orElseThrow(() -> GetShardIterator.shardNotFound(key, shardId.toString()));
      ShardReader.Batch batch = ShardReader.read(stream, shard, log, next, MAX_EVENT_RECORDS, MAX_EVENT_BYTES, now);
      if (batch.shardEnded() && batch.records().isEmpty()) {
        ended = true;
        return new Event(List.of(), Optional.empty(), 0, batch.childShards());
      }
      // Records reaching the end of a closed shard go out first; the next read ends the stream.
      next = batch.next();
      if (!batch.records().isEmpty()) {
        continuation = batch.records().get(batch.records().size() - 1).sequenceNumber().sequence();
      }
      return new Event(batch.records(), Optional.of(new SequenceNumber(shardId.index(), continuation)),
          batch.millisBehindLatest(), List.of());
    }
  }

  /**
   * Calls {@code wake} whenever records are appended to the shard or the shard closes, until
   * this subscription closes. At most one listener; it runs on the writer's thread and must
   * only hand work elsewhere.
   */
  public void onAppend(Runnable wake) {
    AppendNotifier.Registration registration = appends.listen(logId, wake);
    if (!listener.compareAndSet(null, registration)) {
      registration.close();
      throw new IllegalStateException("a listener is already registered");
    }
    if (closed.get()) {
      registration.close();
    }
  }

  /** Ends the subscription: frees its consumer-and-shard slot and stops its signals. Idempotent. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      AppendNotifier.Registration registration = listener.get();
      if (registration != null) {
        registration.close();
      }
      release.accept(this);
    }
  }
}
