package io.tributary.core.operations;

import static io.tributary.core.operations.BrokerFixture.CONTEXT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.KinesisException;
import io.tributary.core.model.ConsumerArn;
import io.tributary.core.model.ConsumerName;
import io.tributary.core.model.ResourceArn;
import io.tributary.core.model.StreamArn;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ResourcePolicyTest {
  private static final String POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
      + "\"Principal\":{\"AWS\":\"arn:aws:iam::111111111111:root\"},\"Action\":\"kinesis:GetRecords\","
      + "\"Resource\":\"arn:aws:kinesis:us-east-1:000000000000:stream/s\"}]}";
  private final BrokerFixture f = new BrokerFixture();
  private final StreamArn streamArn = StreamArn.parse("arn:aws:kinesis:us-east-1:000000000000:stream/s").orElseThrow();
  private final ResourceArn stream = ResourceArn.of(streamArn);

  ResourcePolicyTest() {
    f.activeStream("s", 1);
  }

  private String get(ResourceArn arn) {
    return f.broker.getResourcePolicy().execute(CONTEXT, new GetResourcePolicy.Request(arn)).policy();
  }

  private void put(ResourceArn arn, String policy) {
    f.broker.putResourcePolicy().execute(CONTEXT, new PutResourcePolicy.Request(arn, policy));
  }

  private void delete(ResourceArn arn) {
    f.broker.deleteResourcePolicy().execute(CONTEXT, new DeleteResourcePolicy.Request(arn));
  }

  @Test
  void aStreamWithoutAPolicyAnswersAnEmptyPolicy() {
    assertEquals("{}", get(stream));
  }

  @Test
  void aPutPolicyIsReturnedAsSentUntilDeleted() {
    put(stream, POLICY);
    assertEquals(POLICY, get(stream));
    put(stream, "{\"Version\":\"2012-10-17\",\"Statement\":[]}");
    assertEquals("{\"Version\":\"2012-10-17\",\"Statement\":[]}", get(stream));
    delete(stream);
    assertEquals("{}", get(stream));
  }

  @Test
  void deletingAPolicyThatIsNotThereIsNotFound() {
    KinesisException e = assertThrows(KinesisException.class, () -> delete(stream));
    assertEquals(ErrorCode.RESOURCE_NOT_FOUND, e.code());
    assertEquals("No resource policy found for resource ARN arn:aws:kinesis:us-east-1:000000000000:stream/s.",
        e.getMessage());
  }

  @Test
  void policiesOfMissingResourcesAreNotFound() {
    ResourceArn missing = ResourceArn.parse("arn:aws:kinesis:us-east-1:000000000000:stream/nope").orElseThrow();
    KinesisException e = assertThrows(KinesisException.class, () -> put(missing, POLICY));
    assertEquals("Stream arn:aws:kinesis:us-east-1:000000000000:stream/nope under account 000000000000 not found.",
        e.getMessage());
    ResourceArn noConsumer = ResourceArn.of(new ConsumerArn(streamArn, new ConsumerName("c"), 1));
    KinesisException c = assertThrows(KinesisException.class, () -> get(noConsumer));
    assertEquals(ErrorCode.RESOURCE_NOT_FOUND, c.code());
    assertEquals("Consumer arn:aws:kinesis:us-east-1:000000000000:stream/s/consumer/c:1, account 000000000000 "
        + "not found.", c.getMessage());
  }

  @Test
  void aConsumerHasItsOwnPolicyOnceActive() {
    Consumer c = f.broker.registerStreamConsumer().execute(CONTEXT,
        new RegisterStreamConsumer.Request(streamArn, new ConsumerName("c"))).consumer();
    ResourceArn consumer = ResourceArn.of(c.consumerArn());
    KinesisException creating = assertThrows(KinesisException.class, () -> put(consumer, POLICY));
    assertEquals(ErrorCode.RESOURCE_IN_USE, creating.code());
    assertEquals("Consumer c with creation timestamp " + c.consumerCreationTimestamp().getEpochSecond()
        + " under stream s and account 000000000000 is not in ACTIVE status.", creating.getMessage());
    f.clock.advance(Duration.ofSeconds(1));
    put(consumer, POLICY);
    assertEquals(POLICY, get(consumer));
    assertEquals("{}", get(stream));
    delete(consumer);
    assertEquals("{}", get(consumer));
  }
}
