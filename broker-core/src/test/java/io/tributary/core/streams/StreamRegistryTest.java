package io.tributary.core.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.core.InMemoryStreamStore;
import io.tributary.core.MutableClock;
import io.tributary.core.model.ConsumerStatus;
import io.tributary.core.model.EncryptionType;
import io.tributary.core.model.HashKeyRange;
import io.tributary.core.model.ShardId;
import io.tributary.core.model.StreamMode;
import io.tributary.core.model.StreamName;
import io.tributary.core.model.StreamStatus;
import io.tributary.storage.ShardLogId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class StreamRegistryTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T08:00:00Z"));
  private final InMemoryStreamStore store = new InMemoryStreamStore(clock);
  private final StreamKey key = new StreamKey("000000000000", "us-east-1", new StreamName("s"));

  private static StreamState state(StreamKey key, long uid) {
    List<HashKeyRange> ranges = HashKeyRange.evenSplit(2);
    List<ShardState> shards = List.of(
        new ShardState(new ShardId(0), ranges.get(0), Optional.empty(), Optional.empty(), 100,
            OptionalLong.of(200), new ShardLogId("shard/" + uid + "/0")),
        new ShardState(new ShardId(1), ranges.get(1), Optional.of(new ShardId(0)), Optional.of(new ShardId(7)), 100,
            OptionalLong.empty(), new ShardLogId("shard/" + uid + "/1")));
    return new StreamState(key, uid, StreamStatus.UPDATING, 5, 4, 48, shards, 2, StreamMode.ON_DEMAND,
        EncryptionType.KMS, Optional.of("alias/aws/kinesis"), Map.of("team", "data", "env", ""),
        List.of("IncomingBytes", "OutgoingRecords"), 2048, OptionalInt.of(100),
        List.of(new ConsumerState("c1", 1000, ConsumerStatus.ACTIVE, 0, Map.of("k", "v"), Optional.of("{}")),
            new ConsumerState("c2", 2000, ConsumerStatus.DELETING, 3000, Map.of(), Optional.empty())),
        Optional.of("{\"Version\":\"2012-10-17\"," + "\"Statement\":[]}".repeat(5000)));
  }

  @Test
  void codecRoundTripsEveryField() {
    StreamState s = state(key, 9);
    assertEquals(s, StreamStateCodec.decode(StreamStateCodec.encode(s)));
  }

  @Test
  void streamsSurviveARestartOfTheRegistry() {
    StreamRegistry registry = new StreamRegistry(store, clock);
    registry.create(key, uid -> state(key, uid), () -> { });
    StreamRegistry reopened = new StreamRegistry(store, clock);
    StreamState found = reopened.find(key).orElseThrow();
    assertEquals(1, found.uid());
    assertEquals(2, store.shardLogIds().size());
    StreamKey other = new StreamKey("000000000000", "us-east-1", new StreamName("t"));
    assertEquals(2, reopened.create(other, uid -> state(other, uid), () -> { }).uid());
  }

  @Test
  void startupDropsShardLogsNoStreamOwns() {
    store.createShardLog(new ShardLogId("shard/77/0"));
    new StreamRegistry(store, clock);
    assertFalse(store.shardLogIds().contains(new ShardLogId("shard/77/0")));
  }

  @Test
  void deleteDropsLogsAtOnceAndForgetsTheStreamWhenItsTimeIsUp() {
    StreamRegistry registry = new StreamRegistry(store, clock);
    registry.create(key, uid -> state(key, uid), () -> { });
    registry.delete(key, clock.millis() + 1000);
    assertTrue(store.shardLogIds().isEmpty());
    assertEquals(Optional.of(StreamStatus.DELETING), registry.find(key).orElseThrow().statusAt(clock.millis()));
    clock.advance(java.time.Duration.ofSeconds(1));
    assertEquals(Optional.empty(), registry.find(key));
    registry.removeExpired();
    assertTrue(store.catalog().scan("stream/").isEmpty());
  }
}
