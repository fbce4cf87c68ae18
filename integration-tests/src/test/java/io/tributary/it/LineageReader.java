package io.tributary.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ChildShard;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * Reads a whole stream the way the Kinesis Client Library does: it lists the shards once, starts
 * from those without a live parent (no parent, or parents no longer listed), reads each shard
 * from TRIM_HORIZON to its end, and learns the next shards only from the {@code ChildShards} of
 * the GetRecords call that ends a closed shard (the one with a null {@code NextShardIterator}).
 * A child is started only once every parent it names is finished.
 *
 * <p>An open shard is read until a call returns nothing and {@code MillisBehindLatest} is 0: the
 * reader has caught up with it.
 *
 * <p>Confined to the test thread.
 */
final class LineageReader {
  private final KinesisClient kinesis;
  private final String streamName;
  private final int limit;

  /**
   * @param limit GetRecords' {@code Limit}; small values make every shard take several calls
   */
  LineageReader(KinesisClient kinesis, String streamName, int limit) {
    this.kinesis = kinesis;
    this.streamName = streamName;
    this.limit = limit;
  }

  /**
   * What a full read found.
   *
   * @param shardOrder the shards in the order they were started (each was finished before the
   *     next began)
   * @param recordsByShard every record read, per shard, in read order
   * @param childrenByClosedShard the {@code ChildShards} each closed shard ended with
   */
  record Result(
      List<String> shardOrder, Map<String, List<Record>> recordsByShard,
      Map<String, List<ChildShard>> childrenByClosedShard) {

    /** Every record in the order the reader delivered them. */
    List<Record> records() {
      return shardOrder.stream().flatMap(id -> recordsByShard.get(id).stream()).toList();
    }
  }

  /** Reads every shard reachable from the stream's roots, each exactly once. */
  Result readAll(List<Shard> listedShards) {
    Set<String> listed = new HashSet<>();
    listedShards.forEach(s -> listed.add(s.shardId()));
    Deque<String> ready = new ArrayDeque<>();
    for (Shard shard : listedShards) {
      boolean liveParent = (shard.parentShardId() != null && listed.contains(shard.parentShardId()))
          || (shard.adjacentParentShardId() != null && listed.contains(shard.adjacentParentShardId()));
      if (!liveParent) {
        ready.add(shard.shardId());
      }
    }
    List<String> order = new ArrayList<>();
    Map<String, List<Record>> records = new LinkedHashMap<>();
    Map<String, List<ChildShard>> children = new LinkedHashMap<>();
    Set<String> finished = new HashSet<>();
    Set<String> started = new HashSet<>(ready);
    while (!ready.isEmpty()) {
      String shardId = ready.poll();
      order.add(shardId);
      List<Record> read = new ArrayList<>();
      List<ChildShard> ended = readShard(shardId, read);
      records.put(shardId, read);
      finished.add(shardId);
      if (ended == null) {
        continue;
      }
      children.put(shardId, ended);
      for (ChildShard child : ended) {
        assertTrue(child.parentShards().contains(shardId),
            "child " + child.shardId() + " of " + shardId + " names parents " + child.parentShards());
        if (finished.containsAll(child.parentShards()) && started.add(child.shardId())) {
          ready.add(child.shardId());
        }
      }
    }
    return new Result(List.copyOf(order), records, children);
  }

  /**
   * Reads one shard from TRIM_HORIZON into {@code into}.
   *
   * @return the ChildShards of a closed shard, or null for an open shard read to its newest record
   */
  private List<ChildShard> readShard(String shardId, List<Record> into) {
    String iterator = kinesis.getShardIterator(b -> b.streamName(streamName).shardId(shardId)
        .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
    while (true) {
      String current = iterator;
      GetRecordsResponse response = kinesis.getRecords(b -> b.shardIterator(current).limit(limit));
      into.addAll(response.records());
      if (response.nextShardIterator() == null) {
        assertTrue(response.hasChildShards() && !response.childShards().isEmpty(),
            shardId + " ended without ChildShards: " + response);
        return response.childShards();
      }
      if (response.records().isEmpty() && response.millisBehindLatest() == 0) {
        return null;
      }
      iterator = response.nextShardIterator();
    }
  }
}
