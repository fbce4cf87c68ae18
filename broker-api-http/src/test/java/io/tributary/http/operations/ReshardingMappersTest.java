package io.tributary.http.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tributary.core.error.KinesisException;
import io.tributary.core.model.StreamArn;
import io.tributary.core.model.StreamName;
import io.tributary.core.operations.MergeShards;
import io.tributary.core.operations.SplitShard;
import io.tributary.core.operations.StreamRef;
import io.tributary.core.operations.UpdateShardCount;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class ReshardingMappersTest {
  private static final StreamRef ORDERS = StreamRef.ofName(new StreamName("orders"));

  @Test
  void splitShardRequestDecodes() {
    assertEquals(new SplitShard.Request(ORDERS, "shardId-000000000000",
            new BigInteger("170141183460469231731687303715884105728")),
        Mapping.readJson(new SplitShardMapper(), "{\"StreamName\":\"orders\",\"ShardToSplit\":\"shardId-000000000000\","
            + "\"NewStartingHashKey\":\"170141183460469231731687303715884105728\"}"));
  }

  @Test
  void splitShardHashKeyThatIsNotADecimalFailsValidation() {
    KinesisException e = assertThrows(KinesisException.class, () -> Mapping.readJson(new SplitShardMapper(),
        "{\"StreamName\":\"orders\",\"ShardToSplit\":\"0\",\"NewStartingHashKey\":\"-1\"}"));
    assertEquals("1 validation error detected: Value '-1' at 'newStartingHashKey' failed to satisfy constraint: "
        + "Member must satisfy regular expression pattern: 0|([1-9]\\d{0,38})", e.getMessage());
  }

  @Test
  void splitShardAnswersWithAnEmptyBody() {
    assertEquals("", Mapping.writeJson(new SplitShardMapper(), new SplitShard.Response()));
  }

  @Test
  void mergeShardsRequestDecodes() {
    assertEquals(new MergeShards.Request(ORDERS, "shardId-000000000000", "shardId-000000000001"),
        Mapping.readCbor(new MergeShardsMapper(), """
            bf
              6a 53 74 72 65 61 6d 4e 61 6d 65   66 6f 72 64 65 72 73
              6c 53 68 61 72 64 54 6f 4d 65 72 67 65
                74 73 68 61 72 64 49 64 2d 30 30 30 30 30 30 30 30 30 30 30 30
              74 41 64 6a 61 63 65 6e 74 53 68 61 72 64 54 6f 4d 65 72 67 65
                74 73 68 61 72 64 49 64 2d 30 30 30 30 30 30 30 30 30 30 30 31
            ff"""));
  }

  @Test
  void updateShardCountRequestDecodes() {
    assertEquals(new UpdateShardCount.Request(ORDERS, 4), Mapping.readJson(new UpdateShardCountMapper(),
        "{\"StreamName\":\"orders\",\"TargetShardCount\":4,\"ScalingType\":\"UNIFORM_SCALING\"}"));
  }

  @Test
  void updateShardCountRefusesAnyOtherScalingType() {
    KinesisException e = assertThrows(KinesisException.class, () -> Mapping.readJson(new UpdateShardCountMapper(),
        "{\"StreamName\":\"orders\",\"TargetShardCount\":4,\"ScalingType\":\"FAST\"}"));
    assertEquals("1 validation error detected: Value 'FAST' at 'scalingType' failed to satisfy constraint: "
        + "Member must satisfy enum value set: [UNIFORM_SCALING]", e.getMessage());
  }

  @Test
  void updateShardCountAnswersWithBothCounts() {
    StreamName orders = new StreamName("orders");
    assertEquals("{\"StreamName\":\"orders\",\"CurrentShardCount\":2,\"TargetShardCount\":4,"
        + "\"StreamARN\":\"arn:aws:kinesis:us-east-1:000000000000:stream/orders\"}",
        Mapping.writeJson(new UpdateShardCountMapper(), new UpdateShardCount.Response(orders, 2, 4,
            StreamArn.of("us-east-1", "000000000000", orders))));
  }
}
