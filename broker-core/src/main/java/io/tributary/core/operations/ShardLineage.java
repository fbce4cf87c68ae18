package io.tributary.core.operations;

import io.tributary.core.error.KinesisException;
import io.tributary.core.model.HashKey;
import io.tributary.core.model.HashKeyRange;
import io.tributary.core.model.ShardId;
import io.tributary.core.streams.ShardState;
import io.tributary.core.streams.StreamState;
import io.tributary.storage.ShardLog;
import io.tributary.storage.ShardLogId;
import io.tributary.storage.StreamStore;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A reshard being planned: splits and merges of a stream's open shards, building the new shard
 * list with each child's lineage.
 *
 * <p>A split closes the parent and opens two children ({@code ParentShardId} = the parent); a
 * merge closes two adjacent shards and opens one child ({@code ParentShardId} = the first,
 * {@code AdjacentParentShardId} = the second). A parent closes with an {@code
 * EndingSequenceNumber} at or above everything it holds: the later of its last record and the
 * end of the current millisecond. Children start at the current millisecond. Shards split or
 * merged again within the same plan (the intermediate steps of UpdateShardCount) close at once,
 * empty, exactly as AWS's own intermediate shards do.
 *
 * <p>Confined to the thread planning the reshard, which holds the stream's shard write lock.
 */
final class ShardLineage {
  private final StreamState stream;
  private final StreamStore store;
  private final long nowSequence;
  private final List<ShardState> shards;
  private final List<ShardLogId> created = new ArrayList<>();
  private int nextIndex;

  ShardLineage(StreamState stream, StreamStore store, long nowMillis) {
    this.stream = stream;
    this.store = store;
    this.nowSequence = nowMillis << 20;
    this.shards = new ArrayList<>(stream.shards());
    this.nextIndex = stream.nextShardIndex();
  }

  /** The open shard of that id, or the error AWS gives for a missing or closed one. */
  ShardState open(ShardId id, String operation) {
    ShardState shard = find(id).orElseThrow(() -> KinesisException.resourceNotFound("Could not find shard " + id
        + " in stream " + stream.key().name() + " under account " + stream.key().accountId() + "."));
    if (!shard.isOpen()) {
      throw KinesisException.resourceInUse("Shard " + id + " in stream " + stream.key().name() + " under account "
          + stream.key().accountId() + " has already been merged or split, and thus is not eligible for "
          + operation + ".");
    }
    return shard;
  }

  /** Splits an open shard so the second child starts at {@code at}; returns both children. */
  List<ShardState> split(ShardState parent, HashKey at) {
    close(parent);
    HashKeyRange range = parent.hashKeyRange();
    ShardState low = add(new HashKeyRange(range.startingHashKey(), new HashKey(at.value().subtract(BigInteger.ONE))),
        Optional.of(parent.shardId()), Optional.empty());
    ShardState high = add(new HashKeyRange(at, range.endingHashKey()), Optional.of(parent.shardId()), Optional.empty());
    return List.of(low, high);
  }

  /** Merges two open shards, {@code first} directly below {@code second}; returns the child. */
  ShardState merge(ShardState first, ShardState second) {
    close(first);
    close(second);
    return add(new HashKeyRange(first.hashKeyRange().startingHashKey(), second.hashKeyRange().endingHashKey()),
        Optional.of(first.shardId()), Optional.of(second.shardId()));
  }

  /** The open shards as the plan now stands, in hash-key order. */
  List<ShardState> openShards() {
    List<ShardState> open = new ArrayList<>();
    for (ShardState s : shards) {
      if (s.isOpen()) {
        open.add(s);
      }
    }
    open.sort((a, b) -> a.hashKeyRange().startingHashKey().compareTo(b.hashKeyRange().startingHashKey()));
    return open;
  }

  /** The logs the plan's new shards need, to create before the plan is published. */
  List<ShardLogId> createdLogs() {
    return List.copyOf(created);
  }

  /** {@code current} with the planned shards; current must still have the planned-on shards. */
  StreamState applyTo(StreamState current) {
    return current.toBuilder().shards(shards, nextIndex).build();
  }

  private ShardState add(HashKeyRange range, Optional<ShardId> parent, Optional<ShardId> adjacentParent) {
    ShardId id = new ShardId(nextIndex++);
    ShardLogId logId = new ShardLogId("shard/" + stream.uid() + "/" + id.index());
    ShardState child = new ShardState(id, range, parent, adjacentParent, nowSequence, OptionalLong.empty(), logId);
    shards.add(child);
    created.add(logId);
    return child;
  }

  private void close(ShardState shard) {
    long ending = nowSequence | 0xFFFFF;
    if (!created.contains(shard.logId())) {
      Optional<ShardLog> log = store.shardLog(shard.logId());
      OptionalLong last = log.isPresent() ? log.get().lastSequence() : OptionalLong.empty();
      if (last.isPresent()) {
        ending = Math.max(ending, last.getAsLong());
      }
    }
    ShardState closed = new ShardState(shard.shardId(), shard.hashKeyRange(), shard.parent(), shard.adjacentParent(),
        shard.startingSequence(), OptionalLong.of(ending), shard.logId());
    shards.set(shards.indexOf(shard), closed);
  }

  private Optional<ShardState> find(ShardId id) {
    for (ShardState s : shards) {
      if (s.shardId().equals(id)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
