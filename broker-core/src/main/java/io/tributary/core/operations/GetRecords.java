package io.tributary.core.operations;

import io.tributary.core.RequestContext;
import io.tributary.core.model.StreamStatus;
import io.tributary.core.streams.ShardIterators;
import io.tributary.core.streams.ShardState;
import io.tributary.core.streams.StreamKey;
import io.tributary.core.streams.StreamRegistry;
import io.tributary.core.streams.StreamState;
import io.tributary.storage.ShardLog;
import io.tributary.storage.StreamStore;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * GetRecords: up to {@code Limit} records (default and ceiling 10,000) and at most 10 MiB from
 * the iterator's position, and the iterator for the next call; retention, closed shards and
 * {@code MillisBehindLatest} as {@link ShardReader} reads them.
 *
 * <p>At the end of a closed shard the next iterator is null and {@code ChildShards} names the
 * shards that continue it, which is how the Kinesis Client Library moves to the children.
 *
 * <p>Thread-safe.
 */
public final class GetRecords implements KinesisOperation<GetRecords.Request, GetRecords.Response> {
  static final int DEFAULT_LIMIT = 10_000;
  /** The most data one GetRecords answer carries, as AWS documents. */
  public static final long MAX_RESPONSE_BYTES = 10L * 1024 * 1024;

  public record Request(String shardIterator, OptionalInt limit, Optional<StreamRef> stream) {}

  /**
   * @param nextShardIterator empty once the shard is closed and fully read
   */
  public record Response(
      List<DataRecord> records, Optional<String> nextShardIterator, long millisBehindLatest,
      List<ChildShard> childShards) {}

  private final StreamRegistry registry;
  private final StreamStore store;
  private final ShardIterators iterators;
  private final Clock clock;

  public GetRecords(StreamRegistry registry, StreamStore store, ShardIterators iterators, Clock clock) {
    this.registry = registry;
    this.store = store;
    this.iterators = iterators;
    this.clock = clock;
  }

  @Override
  public Response execute(RequestContext context, Request request) {
    ShardIterators.Position position = iterators.decode(request.shardIterator());
    StreamKey key = new StreamKey(position.accountId(), position.region(), position.streamName());
    String shardName = position.shardId().toString();
    long now = clock.millis();
    StreamState stream = registry.find(key)
        .filter(s -> s.uid() == position.streamUid())
        .filter(s -> s.statusAt(now).orElse(StreamStatus.DELETING) != StreamStatus.DELETING)
        .orElseThrow(() -> GetShardIterator.shardNotFound(key, shardName));
    ShardState shard = stream.shard(position.shardId())
        .orElseThrow(() -> GetShardIterator.shardNotFound(key, shardName));
    ShardLog log = store.shardLog(shard.logId()).orElseThrow(() -> GetShardIterator.shardNotFound(key, shardName));

    ShardReader.Batch batch = ShardReader.read(stream, shard, log, position.nextSequence(),
        request.limit().orElse(DEFAULT_LIMIT), MAX_RESPONSE_BYTES, now);
    if (batch.shardEnded()) {
      return new Response(batch.records(), Optional.empty(), 0, batch.childShards());
    }
    return new Response(batch.records(), Optional.of(iterators.encode(stream, shard.shardId(), batch.next())),
        batch.millisBehindLatest(), List.of());
  }
}
