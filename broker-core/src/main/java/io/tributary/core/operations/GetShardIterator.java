package io.tributary.core.operations;

import io.tributary.core.RequestContext;
import io.tributary.core.error.KinesisException;
import io.tributary.core.model.SequenceNumber;
import io.tributary.core.model.ShardId;
import io.tributary.core.model.ShardIteratorType;
import io.tributary.core.model.StreamStatus;
import io.tributary.core.streams.ShardIterators;
import io.tributary.core.streams.ShardState;
import io.tributary.core.streams.StreamKey;
import io.tributary.core.streams.StreamRegistry;
import io.tributary.core.streams.StreamState;
import io.tributary.storage.ShardLog;
import io.tributary.storage.StreamStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * GetShardIterator: an iterator at one of the five starting positions.
 *
 * <ul>
 *   <li>TRIM_HORIZON: the oldest record still kept.
 *   <li>LATEST: just after the newest record now in the shard.
 *   <li>AT_SEQUENCE_NUMBER / AFTER_SEQUENCE_NUMBER: at or just after a sequence number that
 *       this shard gave out.
 *   <li>AT_TIMESTAMP: the first record that arrived at or after the timestamp; past the newest
 *       record, the first record that will arrive at or after it. One index seek, so it answers
 *       at once even when nothing is at or after the timestamp.
 * </ul>
 *
 * <p>Thread-safe.
 */
public final class GetShardIterator
    implements KinesisOperation<GetShardIterator.Request, GetShardIterator.Response> {

  /**
   * @param shardId as sent: AWS accepts {@code shardId-7}, {@code shardId-000000000007} and
   *     {@code 7}, and says "does not exist" for anything else
   * @param startingSequenceNumber as sent, checked here so the error can name the shard
   */
  public record Request(
      StreamRef stream, String shardId, ShardIteratorType shardIteratorType,
      Optional<String> startingSequenceNumber, Optional<Instant> timestamp) {}

  public record Response(String shardIterator) {}

  private final StreamRegistry registry;
  private final StreamStore store;
  private final ShardIterators iterators;
  private final Clock clock;

  public GetShardIterator(StreamRegistry registry, StreamStore store, ShardIterators iterators, Clock clock) {
    this.registry = registry;
    this.store = store;
    this.iterators = iterators;
    this.clock = clock;
  }

  @Override
  public Response execute(RequestContext context, Request request) {
    StreamKey key = request.stream().resolve(context);
    StreamState stream = registry.find(key).orElseThrow(() -> StreamRegistry.notFound(key));
    StreamStatus status = stream.statusAt(clock.millis()).orElseThrow(() -> StreamRegistry.notFound(key));
    ShardId shardId = ShardId.parse(request.shardId()).orElseThrow(() -> shardNotFound(key, request.shardId()));
    ShardState shard = stream.shard(shardId)
        .filter(s -> status != StreamStatus.CREATING && status != StreamStatus.DELETING)
        .orElseThrow(() -> shardNotFound(key, shardId.toString()));
    ShardLog log = store.shardLog(shard.logId()).orElseThrow(() -> shardNotFound(key, shardId.toString()));
    long next = switch (request.shardIteratorType()) {
      case TRIM_HORIZON -> {
        noSequenceNumber(request);
        yield shard.startingSequence();
      }
      case LATEST -> {
        noSequenceNumber(request);
        yield afterNewest(shard, log);
      }
      case AT_SEQUENCE_NUMBER -> sequence(key, shard, request);
      case AFTER_SEQUENCE_NUMBER -> sequence(key, shard, request) + 1;
      case AT_TIMESTAMP -> atTimestamp(shard, log, request);
    };
    return new Response(iterators.encode(stream, shardId, next));
  }

  private static long afterNewest(ShardState shard, ShardLog log) {
    OptionalLong last = log.lastSequence();
    return last.isPresent() ? last.getAsLong() + 1 : shard.startingSequence();
  }

  private static long atTimestamp(ShardState shard, ShardLog log, Request request) {
    Instant at = request.timestamp().orElseThrow(() -> KinesisException.invalidArgument(
        "Must specify timestampInMillis parameter for iterator of type AT_TIMESTAMP. "
            + "Current request has no timestamp parameter."));
    long millis = at.toEpochMilli();
    OptionalLong found = log.firstSequenceAtOrAfter(millis);
    if (found.isPresent()) {
      return found.getAsLong();
    }
    // Nothing arrived at or after the timestamp yet: start where the next such record will be.
    long fromTime = millis <= 0 ? 0 : millis >= (Long.MAX_VALUE >>> 20) ? Long.MAX_VALUE : millis << 20;
    return Math.max(Math.max(afterNewest(shard, log), fromTime), shard.startingSequence());
  }

  private static long sequence(StreamKey key, ShardState shard, Request request) {
    String type = request.shardIteratorType().name();
    String text = request.startingSequenceNumber().orElseThrow(() -> KinesisException.invalidArgument(
        "Must either specify (1) AT_SEQUENCE_NUMBER or AFTER_SEQUENCE_NUMBER and StartingSequenceNumber or "
            + "(2) TRIM_HORIZON or LATEST and no StartingSequenceNumber. Request specified " + type
            + " and no StartingSequenceNumber."));
    SequenceNumber sequenceNumber = SequenceNumber.parse(text).orElseThrow(() -> KinesisException.invalidArgument(
        "StartingSequenceNumber " + text + " used in GetShardIterator on shard " + shard.shardId()
            + " in stream " + key.name() + " under account " + key.accountId() + " is invalid."));
    if (sequenceNumber.shardIndex() != shard.shardId().index()) {
      throw KinesisException.invalidArgument("Invalid StartingSequenceNumber. It encodes "
          + new ShardId(sequenceNumber.shardIndex()) + ", while it was used in a call to a shard with "
          + shard.shardId());
    }
    if (sequenceNumber.sequence() < shard.startingSequence()) {
      throw KinesisException.invalidArgument(
          "StartingSequenceNumber " + text + " used in GetShardIterator on shard " + shard.shardId()
              + " in stream " + key.name() + " under account " + key.accountId()
              + " is invalid because it did not come from this stream.");
    }
    return sequenceNumber.sequence();
  }

  private static void noSequenceNumber(Request request) {
    if (request.startingSequenceNumber().isPresent()) {
      throw KinesisException.invalidArgument(
          "Must either specify (1) AT_SEQUENCE_NUMBER or AFTER_SEQUENCE_NUMBER and StartingSequenceNumber or "
              + "(2) TRIM_HORIZON or LATEST and no StartingSequenceNumber. Request specified "
              + request.shardIteratorType() + " and also a StartingSequenceNumber.");
    }
  }

  static KinesisException shardNotFound(StreamKey key, String shardId) {
    return KinesisException.resourceNotFound("Shard " + shardId + " in stream " + key.name()
        + " under account " + key.accountId() + " does not exist");
  }
}
