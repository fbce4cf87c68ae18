package io.tributary.core.operations;

import io.tributary.core.RequestContext;
import io.tributary.core.model.EncryptionType;
import io.tributary.core.model.SequenceNumber;
import io.tributary.core.model.ShardId;
import io.tributary.core.model.StreamStatus;
import io.tributary.core.streams.ShardIterators;
import io.tributary.core.streams.ShardState;
import io.tributary.core.streams.StreamKey;
import io.tributary.core.streams.StreamRegistry;
import io.tributary.core.streams.StreamState;
import io.tributary.storage.ShardLog;
import io.tributary.storage.StoredRecord;
import io.tributary.storage.StreamStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * GetRecords: up to {@code Limit} records (default and ceiling 10,000) and at most 10 MiB from
 * the iterator's position, and the iterator for the next call.
 *
 * <p>At the end of a closed shard the next iterator is null and {@code ChildShards} names the
 * shards that continue it, which is how the Kinesis Client Library moves to the children.
 * {@code MillisBehindLatest} is 0 once the reader has the newest record, otherwise how long ago
 * the last record returned arrived.
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

    List<StoredRecord> stored = log.read(position.nextSequence(), request.limit().orElse(DEFAULT_LIMIT),
        MAX_RESPONSE_BYTES);
    if (shard.endingSequence().isPresent()) {
      long end = shard.endingSequence().getAsLong();
      stored = stored.stream().filter(r -> r.sequence() <= end).toList();
    }
    Optional<EncryptionType> encryption =
        stream.encryptionType() == EncryptionType.NONE ? Optional.empty() : Optional.of(stream.encryptionType());
    List<DataRecord> records = new ArrayList<>(stored.size());
    for (StoredRecord r : stored) {
      records.add(new DataRecord(new SequenceNumber(shard.shardId().index(), r.sequence()),
          Instant.ofEpochMilli(r.arrivalMillis()), r.data(), r.partitionKey(), encryption));
    }
    long next = stored.isEmpty() ? position.nextSequence() : stored.get(stored.size() - 1).sequence() + 1;

    if (shard.endingSequence().isPresent() && next > shard.endingSequence().getAsLong()) {
      return new Response(records, Optional.empty(), 0, childrenOf(stream, shard));
    }
    OptionalLong newest = log.lastSequence();
    long behind = 0;
    if (!stored.isEmpty() && newest.isPresent() && newest.getAsLong() >= next) {
      behind = Math.max(0, now - stored.get(stored.size() - 1).arrivalMillis());
    }
    return new Response(records, Optional.of(iterators.encode(stream, shard.shardId(), next)), behind, List.of());
  }

  private static List<ChildShard> childrenOf(StreamState stream, ShardState parent) {
    List<ChildShard> children = new ArrayList<>();
    for (ShardState s : stream.shards()) {
      boolean child = s.parent().equals(Optional.of(parent.shardId()))
          || s.adjacentParent().equals(Optional.of(parent.shardId()));
      if (child) {
        List<ShardId> parents = new ArrayList<>();
        s.parent().ifPresent(parents::add);
        s.adjacentParent().ifPresent(parents::add);
        children.add(new ChildShard(s.shardId(), parents, s.hashKeyRange()));
      }
    }
    return children;
  }
}
