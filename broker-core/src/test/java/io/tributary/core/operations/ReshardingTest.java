package io.tributary.core.operations;

import static io.tributary.core.operations.BrokerFixture.CONTEXT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.KinesisException;
import io.tributary.core.model.HashKey;
import io.tributary.core.model.HashKeyRange;
import io.tributary.core.model.ShardId;
import io.tributary.core.model.ShardIteratorType;
import io.tributary.core.model.StreamStatus;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ReshardingTest {
  private final BrokerFixture f = new BrokerFixture();

  private List<ShardDescription> shards(StreamRef s) {
    return f.broker.listShards().execute(CONTEXT, new ListShards.Request(s, Optional.empty(), Optional.empty(),
        OptionalInt.empty(), Optional.empty(), Optional.empty())).shards();
  }

  private void split(StreamRef s, String shard, BigInteger at) {
    f.broker.splitShard().execute(CONTEXT, new SplitShard.Request(s, shard, at));
    f.clock.advance(Duration.ofSeconds(1));
  }

  private void merge(StreamRef s, String a, String b) {
    f.broker.mergeShards().execute(CONTEXT, new MergeShards.Request(s, a, b));
    f.clock.advance(Duration.ofSeconds(1));
  }

  private void putMany(StreamRef s, String prefix, int n, Map<String, List<String>> byKey) {
    for (int i = 0; i < n; i++) {
      String key = "k" + (i % 16);
      String value = prefix + i;
      f.put(s, key, value);
      byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }
  }

  /**
   * Reads the whole stream as the Kinesis Client Library does: a shard only after all its
   * parents are finished, following ChildShards from each closed shard's end.
   */
  private Map<String, List<String>> readLineage(StreamRef s) {
    Map<ShardId, ShardDescription> all = new TreeMap<>();
    shards(s).forEach(d -> all.put(d.shardId(), d));
    Set<ShardId> done = new HashSet<>();
    Map<String, List<String>> byKey = new TreeMap<>();
    ArrayDeque<ShardId> ready = new ArrayDeque<>();
    for (ShardDescription d : all.values()) {
      if (d.parentShardId().isEmpty() || !all.containsKey(d.parentShardId().get())) {
        ready.add(d.shardId());
      }
    }
    while (!ready.isEmpty()) {
      ShardId id = ready.poll();
      if (!done.add(id)) {
        continue;
      }
      String it = f.iterator(s, id.toString(), ShardIteratorType.TRIM_HORIZON);
      while (it != null) {
        GetRecords.Response r = f.get(it);
        for (DataRecord rec : r.records()) {
          byKey.computeIfAbsent(rec.partitionKey(), k -> new ArrayList<>()).add(BrokerFixture.text(rec));
        }
        if (r.nextShardIterator().isEmpty()) {
          for (ChildShard child : r.childShards()) {
            if (done.containsAll(child.parentShards())) {
              ready.add(child.shardId());
            }
          }
          it = null;
        } else {
          it = r.records().isEmpty() ? null : r.nextShardIterator().get();
        }
      }
    }
    return byKey;
  }

  @Test
  void splitClosesTheParentAndOpensTwoChildrenDividingItsRange() {
    StreamRef s = f.activeStream("s", 1);
    BigInteger half = BigInteger.ONE.shiftLeft(127);
    split(s, "shardId-000000000000", half);
    List<ShardDescription> all = shards(s);
    assertEquals(3, all.size());
    assertTrue(all.get(0).endingSequenceNumber().isPresent());
    assertEquals(Optional.of(new ShardId(0)), all.get(1).parentShardId());
    assertEquals(Optional.of(new ShardId(0)), all.get(2).parentShardId());
    assertEquals(new HashKeyRange(HashKey.MIN, new HashKey(half.subtract(BigInteger.ONE))), all.get(1).hashKeyRange());
    assertEquals(new HashKeyRange(new HashKey(half), HashKey.MAX), all.get(2).hashKeyRange());
    assertTrue(all.get(1).startingSequenceNumber().compareTo(all.get(0).startingSequenceNumber()) > 0);
  }

  @Test
  void streamIsUpdatingWhileSplittingAndRefusesAnotherReshard() {
    StreamRef s = f.activeStream("s", 1);
    f.broker.splitShard().execute(CONTEXT, new SplitShard.Request(s, "shardId-000000000000", BigInteger.TEN.pow(30)));
    KinesisException e = assertThrows(KinesisException.class, () -> f.broker.splitShard().execute(CONTEXT,
        new SplitShard.Request(s, "shardId-000000000001", BigInteger.TEN.pow(20))));
    assertEquals(ErrorCode.RESOURCE_IN_USE, e.code());
    assertEquals("Stream s under account 000000000000 not ACTIVE, instead in state UPDATING", e.getMessage());
    f.put(s, "k", "writes still work while UPDATING");
    f.clock.advance(Duration.ofSeconds(1));
    assertEquals(StreamStatus.ACTIVE, f.broker.describeStreamSummary().execute(CONTEXT,
        new DescribeStreamSummary.Request(s)).streamDescriptionSummary().streamStatus());
  }

  @Test
  void splitRefusesAHashKeyNotStrictlyInsideTheShard() {
    StreamRef s = f.activeStream("s", 2);
    BigInteger start = HashKeyRange.evenSplit(2).get(1).startingHashKey().value();
    KinesisException e = assertThrows(KinesisException.class, () -> f.broker.splitShard().execute(CONTEXT,
        new SplitShard.Request(s, "shardId-000000000001", start.add(BigInteger.ONE))));
    assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
    assertEquals("NewStartingHashKey " + start.add(BigInteger.ONE) + " used in SplitShard() on shard "
        + "shardId-000000000001 in stream s under account 000000000000 is not both greater than one plus the "
        + "shard's StartingHashKey " + start + " and less than the shard's EndingHashKey " + HashKey.MAX_VALUE + ".",
        e.getMessage());
    KinesisException missing = assertThrows(KinesisException.class, () -> f.broker.splitShard().execute(CONTEXT,
        new SplitShard.Request(s, "shardId-000000000009", start)));
    assertEquals("Could not find shard shardId-000000000009 in stream s under account 000000000000.",
        missing.getMessage());
  }

  @Test
  void closedShardCannotBeSplitAgain() {
    StreamRef s = f.activeStream("s", 1);
    split(s, "shardId-000000000000", BigInteger.TEN.pow(30));
    KinesisException e = assertThrows(KinesisException.class, () -> f.broker.splitShard().execute(CONTEXT,
        new SplitShard.Request(s, "shardId-000000000000", BigInteger.TEN.pow(20))));
    assertEquals(ErrorCode.RESOURCE_IN_USE, e.code());
  }

  @Test
  void mergeNeedsAdjacentShardsAndRecordsTheLineage() {
    StreamRef s = f.activeStream("s", 3);
    KinesisException e = assertThrows(KinesisException.class, () -> f.broker.mergeShards().execute(CONTEXT,
        new MergeShards.Request(s, "shardId-000000000000", "shardId-000000000002")));
    assertEquals("Shards shardId-000000000000 and shardId-000000000002 in stream s under account 000000000000 are "
        + "not an adjacent pair of shards eligible for merging", e.getMessage());
    merge(s, "shardId-000000000001", "shardId-000000000002");
    ShardDescription child = shards(s).get(3);
    assertEquals(Optional.of(new ShardId(1)), child.parentShardId());
    assertEquals(Optional.of(new ShardId(2)), child.adjacentParentShardId());
    assertEquals(HashKeyRange.evenSplit(3).get(1).startingHashKey(), child.hashKeyRange().startingHashKey());
    assertEquals(HashKey.MAX, child.hashKeyRange().endingHashKey());
  }

  @Test
  void closedShardEndsWithChildShardsAndANullIterator() {
    StreamRef s = f.activeStream("s", 1);
    f.put(s, "k", "before");
    String it = f.iterator(s, "shardId-000000000000", ShardIteratorType.TRIM_HORIZON);
    split(s, "shardId-000000000000", BigInteger.ONE.shiftLeft(127));
    GetRecords.Response last = f.get(it);
    assertEquals(List.of("before"), last.records().stream().map(BrokerFixture::text).toList());
    assertEquals(Optional.empty(), last.nextShardIterator());
    assertEquals(List.of(new ShardId(1), new ShardId(2)), last.childShards().stream().map(ChildShard::shardId).toList());
    assertEquals(List.of(new ShardId(0)), last.childShards().get(0).parentShards());
    GetRecords.Response open = f.get(f.iterator(s, "shardId-000000000001", ShardIteratorType.TRIM_HORIZON));
    assertTrue(open.nextShardIterator().isPresent());
    assertEquals(List.of(), open.childShards());
  }

  @Test
  void readerFollowingChildShardsReadsEveryRecordOnceInOrderThroughSplitAndMerge() {
    StreamRef s = f.activeStream("s", 2);
    Map<String, List<String>> written = new TreeMap<>();
    putMany(s, "a", 100, written);
    split(s, "shardId-000000000000", BigInteger.ONE.shiftLeft(125));
    putMany(s, "b", 100, written);
    merge(s, "shardId-000000000002", "shardId-000000000003");
    putMany(s, "c", 100, written);
    assertEquals(written, readLineage(s));
  }

  @Test
  void updateShardCountReshapesIntoEvenRangesWithTraceableLineage() {
    StreamRef s = f.activeStream("s", 3);
    Map<String, List<String>> written = new TreeMap<>();
    putMany(s, "a", 60, written);
    UpdateShardCount.Response r = f.broker.updateShardCount().execute(CONTEXT, new UpdateShardCount.Request(s, 5));
    f.clock.advance(Duration.ofSeconds(1));
    assertEquals(3, r.currentShardCount());
    assertEquals(5, r.targetShardCount());
    putMany(s, "b", 60, written);
    List<HashKeyRange> open = shards(s).stream().filter(d -> d.endingSequenceNumber().isEmpty())
        .map(ShardDescription::hashKeyRange)
        .sorted((a, b) -> a.startingHashKey().compareTo(b.startingHashKey())).toList();
    assertEquals(HashKeyRange.evenSplit(5), open);
    f.broker.updateShardCount().execute(CONTEXT, new UpdateShardCount.Request(s, 3));
    f.clock.advance(Duration.ofSeconds(1));
    putMany(s, "c", 60, written);
    assertEquals(written, readLineage(s));
  }

  @Test
  void updateShardCountKeepsWithinDoubleAndHalf() {
    StreamRef s = f.activeStream("s", 4);
    KinesisException up = assertThrows(KinesisException.class,
        () -> f.broker.updateShardCount().execute(CONTEXT, new UpdateShardCount.Request(s, 9)));
    assertEquals(ErrorCode.LIMIT_EXCEEDED, up.code());
    KinesisException down = assertThrows(KinesisException.class,
        () -> f.broker.updateShardCount().execute(CONTEXT, new UpdateShardCount.Request(s, 1)));
    assertEquals(ErrorCode.LIMIT_EXCEEDED, down.code());
  }

  @Test
  void writesRacingASplitAreNeverLost() throws Exception {
    StreamRef s = f.activeStream("s", 1);
    ConcurrentLinkedQueue<String> acked = new ConcurrentLinkedQueue<>();
    AtomicBoolean stop = new AtomicBoolean();
    Thread writer = new Thread(() -> {
      for (int i = 0; !stop.get(); i++) {
        f.broker.putRecord().execute(CONTEXT, new PutRecord.Request(s, ("v" + i).getBytes(StandardCharsets.UTF_8),
            "k" + (i % 8), Optional.empty(), Optional.empty()));
        acked.add("v" + i);
      }
    });
    writer.start();
    Thread.sleep(20);
    f.broker.splitShard().execute(CONTEXT, new SplitShard.Request(s, "shardId-000000000000", BigInteger.ONE.shiftLeft(127)));
    Thread.sleep(20);
    stop.set(true);
    writer.join();
    f.clock.advance(Duration.ofSeconds(1));
    List<String> read = new ArrayList<>();
    readLineage(s).values().forEach(read::addAll);
    assertEquals(new HashSet<>(acked), new HashSet<>(read));
    assertEquals(acked.size(), read.size());
    assertFalse(acked.isEmpty());
  }
}
