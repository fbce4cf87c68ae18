package io.tributary.http.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tributary.core.model.EncryptionType;
import io.tributary.core.model.HashKeyRange;
import io.tributary.core.model.SequenceNumber;
import io.tributary.core.model.ShardId;
import io.tributary.core.model.StreamArn;
import io.tributary.core.model.StreamMode;
import io.tributary.core.model.StreamName;
import io.tributary.core.model.StreamStatus;
import io.tributary.core.operations.DescribeStream;
import io.tributary.core.operations.EnhancedMetrics;
import io.tributary.core.operations.ShardDescription;
import io.tributary.core.operations.StreamDescription;
import io.tributary.core.operations.StreamRef;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class DescribeStreamMapperTest {
  static final Instant CREATED = Instant.ofEpochMilli(1_795_852_800_000L);
  private final DescribeStreamMapper mapper = new DescribeStreamMapper();

  @Test
  void requestDecodes() {
    assertEquals(new DescribeStream.Request(StreamRef.ofName(new StreamName("orders")), OptionalInt.of(10),
            Optional.of(new ShardId(4))),
        Mapping.readJson(mapper, "{\"StreamName\":\"orders\",\"Limit\":10,\"ExclusiveStartShardId\":\"shardId-000000000004\"}"));
  }

  @Test
  void foreignExclusiveStartShardIdSortsAsAStringWould() {
    assertEquals(Optional.empty(), Mapping.readJson(mapper,
        "{\"StreamName\":\"orders\",\"ExclusiveStartShardId\":\"abc\"}").exclusiveStartShardId());
    assertEquals(Optional.of(new ShardId(Integer.MAX_VALUE)), Mapping.readJson(mapper,
        "{\"StreamName\":\"orders\",\"ExclusiveStartShardId\":\"zzz\"}").exclusiveStartShardId());
  }

  @Test
  void responseHasEveryRequiredMemberAndNoAbsentOptionalOne() {
    List<HashKeyRange> ranges = HashKeyRange.evenSplit(2);
    SequenceNumber start = new SequenceNumber(0, 1_795_852_800_000L << 20);
    ShardDescription open = new ShardDescription(new ShardId(0), Optional.empty(), Optional.empty(), ranges.get(0),
        start, Optional.empty());
    ShardDescription child = new ShardDescription(new ShardId(1), Optional.of(new ShardId(0)), Optional.empty(),
        ranges.get(1), new SequenceNumber(1, 5), Optional.of(new SequenceNumber(1, 9)));
    StreamDescription description = new StreamDescription(new StreamName("orders"),
        StreamArn.of("us-east-1", "000000000000", new StreamName("orders")), StreamStatus.ACTIVE,
        StreamMode.PROVISIONED, List.of(open, child), false, 24, CREATED, List.of(new EnhancedMetrics(List.of())),
        EncryptionType.NONE, Optional.empty());
    assertEquals("{\"StreamDescription\":{"
        + "\"StreamName\":\"orders\","
        + "\"StreamARN\":\"arn:aws:kinesis:us-east-1:000000000000:stream/orders\","
        + "\"StreamStatus\":\"ACTIVE\","
        + "\"StreamModeDetails\":{\"StreamMode\":\"PROVISIONED\"},"
        + "\"Shards\":["
        + "{\"ShardId\":\"shardId-000000000000\","
        + "\"HashKeyRange\":{\"StartingHashKey\":\"0\",\"EndingHashKey\":\"170141183460469231731687303715884105727\"},"
        + "\"SequenceNumberRange\":{\"StartingSequenceNumber\":\"49000000000000000000000000000000000001883088145612800000\"}},"
        + "{\"ShardId\":\"shardId-000000000001\",\"ParentShardId\":\"shardId-000000000000\","
        + "\"HashKeyRange\":{\"StartingHashKey\":\"170141183460469231731687303715884105728\","
        + "\"EndingHashKey\":\"340282366920938463463374607431768211455\"},"
        + "\"SequenceNumberRange\":{\"StartingSequenceNumber\":\"49000000000000000000000000000000000100000000000000000005\","
        + "\"EndingSequenceNumber\":\"49000000000000000000000000000000000100000000000000000009\"}}],"
        + "\"HasMoreShards\":false,"
        + "\"RetentionPeriodHours\":24,"
        + "\"StreamCreationTimestamp\":1.7958528E9,"
        + "\"EnhancedMonitoring\":[{\"ShardLevelMetrics\":[]}],"
        + "\"EncryptionType\":\"NONE\"}}", Mapping.writeJson(mapper, new DescribeStream.Response(description)));
  }
}
