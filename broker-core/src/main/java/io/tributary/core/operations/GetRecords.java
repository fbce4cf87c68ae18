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
 * the last record returned arrived. Records older than the stream's retention period are never
 * returned, whether or not the background trim has deleted them yet.
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

    // Records past the retention period are gone even before the background trim reaches them.
    long cutoffMillis = now - stream.retentionHours() * 3_600_000L;
    long from = position.nextSequence();
    if ((from >>> 20) < cutoffMillis) {
      OptionalLong firstRetained = log.firstSequenceAtOrAfter(cutoffMillis);
      from = Math.max(from, firstRetained.isPresent() ? firstRetained.getAsLong() : lastPlusOne(log, from));
    }
    List<StoredRecord> stored = log.read(from, request.limit().orElse(DEFAULT_LIMIT), MAX_RESPONSE_BYTES);
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
    long next = stored.isEmpty() ? from : stored.get(stored.size() - 1).sequence() + 1;
    OptionalLong newest = log.lastSequence();
    boolean caughtUp = newest.isEmpty() || next > newest.getAsLong();

    // A closed shard never grows again: once the reader has its last record, it is done.
    if (shard.endingSequence().isPresent() && caughtUp) {
      return new Response(records, Optional.empty(), 0, childrenOf(stream, shard));
    }
    long behind = caughtUp || stored.isEmpty() ? 0 : Math.max(0, now - stored.get(stored.size() - 1).arrivalMillis());
    return new Response(records, Optional.of(iterators.encode(stream, shard.shardId(), next)), behind, List.of());
  }

  private static long lastPlusOne(ShardLog log, long from) {
    OptionalLong last = log.lastSequence();
    return last.isPresent() ? last.getAsLong() + 1 : from;
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
