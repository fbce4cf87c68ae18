package io.tributary.core.operations;

import io.tributary.core.RequestContext;
import io.tributary.core.error.KinesisException;
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

/**
 * GetShardIterator: an iterator at one of the five starting positions ({@link StartingPositions}).
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
    long next = StartingPositions.resolve("GetShardIterator", key, shard, log, request.shardIteratorType(),
        request.startingSequenceNumber(), request.timestamp());
    return new Response(iterators.encode(stream, shardId, next));
  }

  static KinesisException shardNotFound(StreamKey key, String shardId) {
    return KinesisException.resourceNotFound("Shard " + shardId + " in stream " + key.name()
        + " under account " + key.accountId() + " does not exist");
  }
}
