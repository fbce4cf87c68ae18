package io.tributary.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArnsTest {
  private static final String CONSUMER =
      "arn:aws:kinesis:us-east-1:123456789012:stream/orders/consumer/billing:1764316800";

  @Test
  void consumerArnParsesIntoStreamNameAndCreationSecondsAndPrintsBack() {
    ConsumerArn arn = ConsumerArn.parse(CONSUMER).orElseThrow();
    assertEquals("arn:aws:kinesis:us-east-1:123456789012:stream/orders", arn.streamArn().toString());
    assertEquals(new ConsumerName("billing"), arn.consumerName());
    assertEquals(1764316800L, arn.creationEpochSeconds());
    assertEquals(CONSUMER, arn.toString());
  }

  @Test
  void consumerArnParseRefusesWhatIsNotAConsumerArn() {
    for (String text : List.of("arn:aws:kinesis:us-east-1:123456789012:stream/orders",
        "arn:aws:kinesis:us-east-1:123456789012:stream/orders/consumer/billing",
        "arn:aws:kinesis:us-east-1:123456789012:stream/orders/consumer/bil$ling:1",
        "arn:aws:kinesis:us-east-1:12345678901:stream/orders/consumer/billing:1",
        "arn:aws:kinesis:us-east-1:123456789012:stream/orders/consumer/billing:1234567890123456789")) {
      assertEquals(Optional.empty(), ConsumerArn.parse(text), text);
    }
  }

  @Test
  void resourceArnTellsStreamsFromConsumers() {
    ResourceArn consumer = ResourceArn.parse(CONSUMER).orElseThrow();
    assertTrue(consumer.isConsumer());
    assertEquals("orders", consumer.streamArn().streamName().value());
    assertEquals(CONSUMER, consumer.toString());
    ResourceArn stream = ResourceArn.parse("arn:aws-cn:kinesis:cn-north-1:123456789012:stream/orders").orElseThrow();
    assertFalse(stream.isConsumer());
    assertEquals("arn:aws-cn:kinesis:cn-north-1:123456789012:stream/orders", stream.toString());
    assertEquals(Optional.empty(), ResourceArn.parse("arn:aws:kinesis:us-east-1:123456789012:deliverystream/x"));
  }

  @Test
  void allExpandsToTheSevenMetricsInAwsOrder() {
    Set<MetricsName> all = MetricsName.expand(List.of(MetricsName.ALL, MetricsName.IncomingBytes));
    assertEquals(List.of(MetricsName.IncomingBytes, MetricsName.IncomingRecords, MetricsName.OutgoingBytes,
        MetricsName.OutgoingRecords, MetricsName.WriteProvisionedThroughputExceeded,
        MetricsName.ReadProvisionedThroughputExceeded, MetricsName.IteratorAgeMilliseconds), List.copyOf(all));
  }
}
