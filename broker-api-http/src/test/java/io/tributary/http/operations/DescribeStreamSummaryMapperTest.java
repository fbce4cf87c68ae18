package io.tributary.http.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tributary.core.model.EncryptionType;
import io.tributary.core.model.StreamArn;
import io.tributary.core.model.StreamMode;
import io.tributary.core.model.StreamName;
import io.tributary.core.model.StreamStatus;
import io.tributary.core.operations.DescribeStreamSummary;
import io.tributary.core.operations.EnhancedMetrics;
import io.tributary.core.operations.StreamDescriptionSummary;
import io.tributary.core.operations.StreamRef;
import io.tributary.core.operations.WarmThroughput;
import io.tributary.http.Hex;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class DescribeStreamSummaryMapperTest {
  private final DescribeStreamSummaryMapper mapper = new DescribeStreamSummaryMapper();

  @Test
  void requestDecodes() {
    assertEquals(new DescribeStreamSummary.Request(StreamRef.ofName(new StreamName("orders"))),
        Mapping.readJson(mapper, "{\"StreamName\":\"orders\"}"));
  }

  @Test
  void responseHasOpenShardAndConsumerCounts() {
    StreamDescriptionSummary summary = new StreamDescriptionSummary(new StreamName("orders"),
        StreamArn.of("us-east-1", "000000000000", new StreamName("orders")), StreamStatus.CREATING,
        StreamMode.ON_DEMAND, 24, DescribeStreamMapperTest.CREATED, List.of(new EnhancedMetrics(List.of())),
        EncryptionType.KMS, Optional.of("alias/aws/kinesis"), 0, 0);
    assertEquals("{\"StreamDescriptionSummary\":{"
        + "\"StreamName\":\"orders\","
        + "\"StreamARN\":\"arn:aws:kinesis:us-east-1:000000000000:stream/orders\","
        + "\"StreamStatus\":\"CREATING\","
        + "\"StreamModeDetails\":{\"StreamMode\":\"ON_DEMAND\"},"
        + "\"RetentionPeriodHours\":24,"
        + "\"StreamCreationTimestamp\":1.7958528E9,"
        + "\"EnhancedMonitoring\":[{\"ShardLevelMetrics\":[]}],"
        + "\"EncryptionType\":\"KMS\","
        + "\"KeyId\":\"alias/aws/kinesis\","
        + "\"OpenShardCount\":0,"
        + "\"ConsumerCount\":0,"
        + "\"MaxRecordSizeInKiB\":1024}}", Mapping.writeJson(mapper, new DescribeStreamSummary.Response(summary)));
  }

  @Test
  void responseHasWarmThroughputAndARaisedRecordSizeInTheModelsOrder() {
    StreamDescriptionSummary summary = new StreamDescriptionSummary(new StreamName("orders"),
        StreamArn.of("us-east-1", "000000000000", new StreamName("orders")), StreamStatus.ACTIVE,
        StreamMode.ON_DEMAND, 24, DescribeStreamMapperTest.CREATED,
        List.of(new EnhancedMetrics(List.of("IncomingBytes"))), EncryptionType.NONE, Optional.empty(), 4, 1, Optional.of(new WarmThroughput(OptionalInt.of(100),
            OptionalInt.of(100))), 2048);
    DescribeStreamSummary.Response response = new DescribeStreamSummary.Response(summary);
    assertEquals("{\"StreamDescriptionSummary\":{"
        + "\"StreamName\":\"orders\","
        + "\"StreamARN\":\"arn:aws:kinesis:us-east-1:000000000000:stream/orders\","
        + "\"StreamStatus\":\"ACTIVE\","
        + "\"StreamModeDetails\":{\"StreamMode\":\"ON_DEMAND\"},"
        + "\"RetentionPeriodHours\":24,"
        + "\"StreamCreationTimestamp\":1.7958528E9,"
        + "\"EnhancedMonitoring\":[{\"ShardLevelMetrics\":[\"IncomingBytes\"]}],"
        + "\"EncryptionType\":\"NONE\","
        + "\"OpenShardCount\":4,"
        + "\"ConsumerCount\":1,"
        + "\"WarmThroughput\":{\"TargetMiBps\":100,\"CurrentMiBps\":100},"
        + "\"MaxRecordSizeInKiB\":2048}}", Mapping.writeJson(mapper, response));
    assertEquals(Hex.of(Hex.bytes("""
            bf
              78 18 53 74 72 65 61 6d 44 65 73 63 72 69 70 74 69 6f 6e 53 75 6d 6d 61 72 79
              bf
                6a 53 74 72 65 61 6d 4e 61 6d 65   66 6f 72 64 65 72 73
                69 53 74 72 65 61 6d 41 52 4e   78 34 61 72 6e 3a 61 77 73 3a 6b 69 6e 65 73 69 73 3a 75 73 2d
                      65 61 73 74 2d 31 3a 30 30 30 30 30 30 30 30 30 30 30 30 3a 73 74 72 65 61 6d 2f 6f 72 64
                      65 72 73
                6c 53 74 72 65 61 6d 53 74 61 74 75 73   66 41 43 54 49 56 45
                71 53 74 72 65 61 6d 4d 6f 64 65 44 65 74 61 69 6c 73
                bf
                  6a 53 74 72 65 61 6d 4d 6f 64 65   69 4f 4e 5f 44 45 4d 41 4e 44
                ff
                74 52 65 74 65 6e 74 69 6f 6e 50 65 72 69 6f 64 48 6f 75 72 73   18 18
                77 53 74 72 65 61 6d 43 72 65 61 74 69 6f 6e 54 69 6d 65 73 74 61 6d 70   c1 1b 00 00 01 a2 21
                      2b 10 00
                72 45 6e 68 61 6e 63 65 64 4d 6f 6e 69 74 6f 72 69 6e 67
                9f
                  bf
                    71 53 68 61 72 64 4c 65 76 65 6c 4d 65 74 72 69 63 73
                    9f
                      6d 49 6e 63 6f 6d 69 6e 67 42 79 74 65 73
                    ff
                  ff
                ff
                6e 45 6e 63 72 79 70 74 69 6f 6e 54 79 70 65   64 4e 4f 4e 45
                6e 4f 70 65 6e 53 68 61 72 64 43 6f 75 6e 74   04
                6d 43 6f 6e 73 75 6d 65 72 43 6f 75 6e 74   01
                6e 57 61 72 6d 54 68 72 6f 75 67 68 70 75 74
                bf
                  6b 54 61 72 67 65 74 4d 69 42 70 73   18 64
                  6c 43 75 72 72 65 6e 74 4d 69 42 70 73   18 64
                ff
                72 4d 61 78 52 65 63 6f 72 64 53 69 7a 65 49 6e 4b 69 42   19 08 00
              ff
            ff""")), Mapping.writeCbor(mapper, response));
  }
}
