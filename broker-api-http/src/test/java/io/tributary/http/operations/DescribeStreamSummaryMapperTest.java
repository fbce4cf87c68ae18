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
import java.util.List;
import java.util.Optional;
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
        + "\"ConsumerCount\":0}}", Mapping.writeJson(mapper, new DescribeStreamSummary.Response(summary)));
  }
}
