package io.tributary.core.operations;

import static io.tributary.core.operations.BrokerFixture.CONTEXT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.KinesisException;
import io.tributary.core.model.ShardId;
import io.tributary.core.model.ShardIteratorType;
import io.tributary.storage.ShardLogId;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class RetentionTest {
  private final BrokerFixture f = new BrokerFixture();
  private final StreamRef s = f.activeStream("s", 1);

  private List<String> readAll() {
    return f.get(f.iterator(s, "shardId-000000000000", ShardIteratorType.TRIM_HORIZON)).records().stream()
        .map(BrokerFixture::text).toList();
  }

  private int retention() {
    return f.broker.describeStreamSummary().execute(CONTEXT, new DescribeStreamSummary.Request(s))
        .streamDescriptionSummary().retentionPeriodHours();
  }

  @Test
  void recordsPastRetentionAreNotReturnedAndAreTrimmedFromDisk() {
    f.put(s, "k", "old");
    f.clock.advance(Duration.ofHours(23));
    f.put(s, "k", "new");
    assertEquals(List.of("old", "new"), readAll());
    f.clock.advance(Duration.ofHours(1).plusMillis(1));
    assertEquals(List.of("new"), readAll());
    f.broker.runMaintenance();
    ShardLogId log = f.store.shardLogIds().iterator().next();
    assertEquals(1, f.store.shardLog(log).orElseThrow().read(0, 100, Long.MAX_VALUE).size());
  }

  @Test
  void decreasingRetentionHidesOlderRecordsAtOnce() {
    f.broker.increaseStreamRetentionPeriod().execute(CONTEXT, new IncreaseStreamRetentionPeriod.Request(s, 72));
    assertEquals(72, retention());
    f.put(s, "k", "three days old");
    f.clock.advance(Duration.ofHours(48));
    f.put(s, "k", "fresh");
    assertEquals(List.of("three days old", "fresh"), readAll());
    f.broker.decreaseStreamRetentionPeriod().execute(CONTEXT, new DecreaseStreamRetentionPeriod.Request(s, 24));
    assertEquals(List.of("fresh"), readAll());
  }

  @Test
  void increasingRetentionDoesNotBringBackRecordsTheOldPeriodExpired() {
    f.put(s, "k", "expired");
    f.clock.advance(Duration.ofHours(25));
    f.put(s, "k", "kept");
    f.broker.increaseStreamRetentionPeriod().execute(CONTEXT, new IncreaseStreamRetentionPeriod.Request(s, 48));
    assertEquals(List.of("kept"), readAll());
  }

  @Test
  void retentionChangesUseAwsBoundsAndWording() {
    KinesisException low = assertThrows(KinesisException.class, () -> f.broker.decreaseStreamRetentionPeriod()
        .execute(CONTEXT, new DecreaseStreamRetentionPeriod.Request(s, 23)));
    assertEquals("Minimum allowed retention period is 24 hours. Requested retention period (23 hours) is too short.",
        low.getMessage());
    KinesisException high = assertThrows(KinesisException.class, () -> f.broker.increaseStreamRetentionPeriod()
        .execute(CONTEXT, new IncreaseStreamRetentionPeriod.Request(s, 8761)));
    assertEquals(ErrorCode.INVALID_ARGUMENT, high.code());
    f.broker.increaseStreamRetentionPeriod().execute(CONTEXT, new IncreaseStreamRetentionPeriod.Request(s, 8760));
    KinesisException wrongWay = assertThrows(KinesisException.class, () -> f.broker.increaseStreamRetentionPeriod()
        .execute(CONTEXT, new IncreaseStreamRetentionPeriod.Request(s, 48)));
    assertEquals("Requested retention period (48 hours) for stream s can not be shorter than existing retention "
        + "period (8760 hours). Use DecreaseRetentionPeriod API.", wrongWay.getMessage());
  }

  @Test
  void fullyExpiredClosedShardsDisappearFromListings() {
    f.put(s, "k", "in the parent");
    f.broker.splitShard().execute(CONTEXT, new SplitShard.Request(s, "shardId-000000000000", BigInteger.TEN.pow(30)));
    f.clock.advance(Duration.ofHours(24).plusSeconds(2));
    f.broker.runMaintenance();
    List<ShardId> listed = f.broker.listShards().execute(CONTEXT, new ListShards.Request(s, Optional.empty(),
        Optional.empty(), OptionalInt.empty(), Optional.empty(), Optional.empty())).shards().stream()
        .map(ShardDescription::shardId).toList();
    assertEquals(List.of(new ShardId(1), new ShardId(2)), listed);
    assertEquals(2, f.store.shardLogIds().size());
  }
}
