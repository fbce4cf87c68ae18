package io.tributary.core.operations;

import io.tributary.core.RequestContext;
import io.tributary.core.error.KinesisException;
import io.tributary.core.model.ConsumerArn;
import io.tributary.core.model.ConsumerStatus;
import io.tributary.core.model.ShardId;
import io.tributary.core.model.ShardIteratorType;
import io.tributary.core.model.StreamStatus;
import io.tributary.core.streams.AppendNotifier;
import io.tributary.core.streams.ConsumerState;
import io.tributary.core.streams.ShardState;
import io.tributary.core.streams.StreamKey;
import io.tributary.core.streams.StreamRegistry;
import io.tributary.core.streams.StreamState;
import io.tributary.storage.ShardLog;
import io.tributary.storage.StreamStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SubscribeToShard: opens an enhanced fan-out subscription of a registered consumer to one shard,
 * from a {@code StartingPosition} of the five types GetShardIterator knows
 * ({@link StartingPositions}). The answer is a {@link ShardSubscription}, which the transport
 * reads into an event stream.
 *
 * <p>Checks, in order: the consumer exists (ResourceNotFoundException) and is ACTIVE
 * (ResourceInUseException), the shard exists, the starting position is valid, and no other
 * subscription of this consumer to this shard is open. AWS words the last one "Another active
 * subscription exists for this consumer: {@code <account>:<stream>:<shard>:<consumer>}"
 * (amazon-kinesis-client#391). Unlike AWS, which keeps the slot for about five seconds after a
 * subscription ends, a subscription's slot is free again as soon as it is closed.
 *
 * <p>Per the API reference, a subscription lasts {@link #LIFETIME} and then its stream ends
 * normally, and an idle subscription receives an empty event every {@link #HEARTBEAT}; the
 * transport keeps both times.
 *
 * <p>Thread-safe.
 */
public final class SubscribeToShard implements KinesisOperation<SubscribeToShard.Request, ShardSubscription> {
  /** How long a subscription lasts before its event stream ends normally. */
  public static final Duration LIFETIME = Duration.ofMinutes(5);
  /** How often an idle subscription gets an event without records. */
  public static final Duration HEARTBEAT = Duration.ofSeconds(5);

  /**
   * @param type any of the five iterator types
   * @param sequenceNumber for AT_ and AFTER_SEQUENCE_NUMBER, as sent
   * @param timestamp for AT_TIMESTAMP
   */
  public record StartingPosition(ShardIteratorType type, Optional<String> sequenceNumber, Optional<Instant> timestamp) {
    public StartingPosition {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(sequenceNumber, "sequenceNumber");
      Objects.requireNonNull(timestamp, "timestamp");
    }
  }

  /** @param shardId as sent, in any of the forms GetShardIterator accepts */
  public record Request(ConsumerArn consumerArn, String shardId, StartingPosition startingPosition) {
    public Request {
      Objects.requireNonNull(consumerArn, "consumerArn");
      Objects.requireNonNull(shardId, "shardId");
      Objects.requireNonNull(startingPosition, "startingPosition");
    }
  }

  /** What one subscription holds: a consumer's place on one shard. */
  record Slot(ConsumerArn consumer, ShardId shard) {}

  private final StreamRegistry registry;
  private final StreamStore store;
  private final AppendNotifier appends;
  private final Clock clock;
  private final ConcurrentHashMap<Slot, ShardSubscription> open = new ConcurrentHashMap<>();

  public SubscribeToShard(StreamRegistry registry, StreamStore store, AppendNotifier appends, Clock clock) {
    this.registry = registry;
    this.store = store;
    this.appends = appends;
    this.clock = clock;
  }

  @Override
  public ShardSubscription execute(RequestContext context, Request request) {
    ConsumerArn arn = request.consumerArn();
    StreamKey key = StreamKey.of(arn.streamArn());
    long now = clock.millis();
    StreamState stream = registry.find(key).orElseThrow(() -> Consumers.notFound(arn.toString(), key.accountId()));
    StreamStatus status = stream.statusAt(now).orElseThrow(() -> Consumers.notFound(arn.toString(), key.accountId()));
    ConsumerState consumer = Consumers.byArn(stream, arn, now)
        .orElseThrow(() -> Consumers.notFound(arn.toString(), key.accountId()));
    if (consumer.statusAt(now).orElse(ConsumerStatus.DELETING) != ConsumerStatus.ACTIVE) {
      // As AWS answered SubscribeToShard for a consumer just registered
      // (awslabs/kinesis-hot-shard-advisor#37), spacing included.
      throw KinesisException.resourceInUse("Consumer " + consumer.name() + " with creation timestamp "
          + consumer.createdMillis() / 1000 + " under stream: " + key.name() + " , account " + key.accountId()
          + " is not in ACTIVE status.");
    }
    ShardId shardId = ShardId.parse(request.shardId())
        .orElseThrow(() -> GetShardIterator.shardNotFound(key, request.shardId()));
    ShardState shard = stream.shard(shardId)
        .filter(s -> status != StreamStatus.CREATING && status != StreamStatus.DELETING)
        .orElseThrow(() -> GetShardIterator.shardNotFound(key, shardId.toString()));
    ShardLog log = store.shardLog(shard.logId())
        .orElseThrow(() -> GetShardIterator.shardNotFound(key, shardId.toString()));
    StartingPosition position = request.startingPosition();
    long next = StartingPositions.resolve("SubscribeToShard", key, shard, log, position.type(),
        position.sequenceNumber(), position.timestamp());

    Slot slot = new Slot(arn, shardId);
    ShardSubscription subscription = new ShardSubscription(registry, store, appends, clock, stream, arn, shard, next,
        closed -> open.remove(slot, closed));
    if (open.putIfAbsent(slot, subscription) != null) {
      throw KinesisException.resourceInUse("Another active subscription exists for this consumer: "
          + key.accountId() + ":" + key.name() + ":" + shardId + ":" + arn.consumerName());
    }
    return subscription;
  }
}
