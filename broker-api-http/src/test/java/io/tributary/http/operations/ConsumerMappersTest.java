package io.tributary.http.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.KinesisException;
import io.tributary.core.model.ConsumerArn;
import io.tributary.core.model.ConsumerName;
import io.tributary.core.model.ConsumerStatus;
import io.tributary.core.model.StreamArn;
import io.tributary.core.operations.Consumer;
import io.tributary.core.operations.ConsumerDescription;
import io.tributary.core.operations.ConsumerRef;
import io.tributary.core.operations.DeregisterStreamConsumer;
import io.tributary.core.operations.DescribeStreamConsumer;
import io.tributary.core.operations.ListStreamConsumers;
import io.tributary.core.operations.RegisterStreamConsumer;
import io.tributary.http.Hex;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** RegisterStreamConsumer, DeregisterStreamConsumer, DescribeStreamConsumer and ListStreamConsumers. */
class ConsumerMappersTest {
  private static final String STREAM = ResourceTagMappersTest.STREAM;
  private static final String CONSUMER = ResourceTagMappersTest.CONSUMER;
  private static final StreamArn STREAM_ARN = StreamArn.parse(STREAM).orElseThrow();
  private static final ConsumerArn CONSUMER_ARN = ConsumerArn.parse(CONSUMER).orElseThrow();
  private static final ConsumerName BILLING = new ConsumerName("billing");
  private static final Instant CREATED = Instant.ofEpochSecond(1_795_852_800L);

  private static Consumer billing(ConsumerStatus status) {
    return new Consumer(BILLING, CONSUMER_ARN, status, CREATED);
  }

  @Test
  void registerRequestDecodesWithTags() {
    assertEquals(new RegisterStreamConsumer.Request(STREAM_ARN, BILLING, Map.of("team", "a")),
        Mapping.readJson(new RegisterStreamConsumerMapper(),
            "{\"StreamARN\":\"" + STREAM + "\",\"ConsumerName\":\"billing\",\"Tags\":{\"team\":\"a\"}}"));
  }

  @Test
  void registerRequestDecodesFromCbor() {
    assertEquals(new RegisterStreamConsumer.Request(STREAM_ARN, BILLING),
        Mapping.readCbor(new RegisterStreamConsumerMapper(), """
            bf
              69 53 74 72 65 61 6d 41 52 4e   78 34 61 72 6e 3a 61 77 73 3a 6b 69 6e 65 73 69 73 3a 75 73 2d 65
                    61 73 74 2d 31 3a 31 31 31 31 31 31 31 31 31 31 31 31 3a 73 74 72 65 61 6d 2f 6f 72 64 65 72
                    73
              6c 43 6f 6e 73 75 6d 65 72 4e 61 6d 65   67 62 69 6c 6c 69 6e 67
            ff"""));
  }

  @Test
  void registerWithoutConsumerNameFailsValidation() {
    KinesisException e = assertThrows(KinesisException.class,
        () -> Mapping.readJson(new RegisterStreamConsumerMapper(), "{\"StreamARN\":\"" + STREAM + "\"}"));
    assertEquals("1 validation error detected: Value null at 'consumerName' failed to satisfy constraint: "
        + "Member must not be null", e.getMessage());
  }

  @Test
  void registerResponseHasTheConsumer() {
    RegisterStreamConsumer.Response response = new RegisterStreamConsumer.Response(billing(ConsumerStatus.CREATING));
    assertEquals("{\"Consumer\":{\"ConsumerName\":\"billing\",\"ConsumerARN\":\"" + CONSUMER + "\","
        + "\"ConsumerStatus\":\"CREATING\",\"ConsumerCreationTimestamp\":1.7958528E9}}",
        Mapping.writeJson(new RegisterStreamConsumerMapper(), response));
    assertEquals(Hex.of(Hex.bytes("""
            bf
              68 43 6f 6e 73 75 6d 65 72
              bf
                6c 43 6f 6e 73 75 6d 65 72 4e 61 6d 65   67 62 69 6c 6c 69 6e 67
                6b 43 6f 6e 73 75 6d 65 72 41 52 4e   78 50 61 72 6e 3a 61 77 73 3a 6b 69 6e 65 73 69 73 3a 75
                      73 2d 65 61 73 74 2d 31 3a 31 31 31 31 31 31 31 31 31 31 31 31 3a 73 74 72 65 61 6d 2f 6f
                      72 64 65 72 73 2f 63 6f 6e 73 75 6d 65 72 2f 62 69 6c 6c 69 6e 67 3a 31 37 39 35 38 35 32
                      38 30 30
                6e 43 6f 6e 73 75 6d 65 72 53 74 61 74 75 73   68 43 52 45 41 54 49 4e 47
                78 19 43 6f 6e 73 75 6d 65 72 43 72 65 61 74 69 6f 6e 54 69 6d 65 73 74 61 6d 70   c1 1b 00 00
                      01 a2 21 2b 10 00
              ff
            ff""")), Mapping.writeCbor(new RegisterStreamConsumerMapper(), response));
  }

  @Test
  void deregisterRequestDecodesByArnOrByStreamAndName() {
    assertEquals(new DeregisterStreamConsumer.Request(ConsumerRef.ofArn(CONSUMER_ARN)),
        Mapping.readCbor(new DeregisterStreamConsumerMapper(), """
            bf
              6b 43 6f 6e 73 75 6d 65 72 41 52 4e   78 50 61 72 6e 3a 61 77 73 3a 6b 69 6e 65 73 69 73 3a 75 73
                    2d 65 61 73 74 2d 31 3a 31 31 31 31 31 31 31 31 31 31 31 31 3a 73 74 72 65 61 6d 2f 6f 72 64
                    65 72 73 2f 63 6f 6e 73 75 6d 65 72 2f 62 69 6c 6c 69 6e 67 3a 31 37 39 35 38 35 32 38 30 30
            ff"""));
    assertEquals(new DeregisterStreamConsumer.Request(ConsumerRef.ofName(STREAM_ARN, BILLING)),
        Mapping.readJson(new DeregisterStreamConsumerMapper(),
            "{\"StreamARN\":\"" + STREAM + "\",\"ConsumerName\":\"billing\"}"));
    assertEquals("", Mapping.writeJson(new DeregisterStreamConsumerMapper(), new DeregisterStreamConsumer.Response()));
  }

  @Test
  void describeRequestDecodesAllThreeMembersForTheDomainToReconcile() {
    assertEquals(new DescribeStreamConsumer.Request(new ConsumerRef(Optional.of(STREAM_ARN), Optional.of(BILLING),
            Optional.of(CONSUMER_ARN))),
        Mapping.readJson(new DescribeStreamConsumerMapper(), "{\"StreamARN\":\"" + STREAM + "\","
            + "\"ConsumerName\":\"billing\",\"ConsumerARN\":\"" + CONSUMER + "\"}"));
    assertEquals(new DescribeStreamConsumer.Request(ConsumerRef.ofName(STREAM_ARN, BILLING)),
        Mapping.readCbor(new DescribeStreamConsumerMapper(), """
            bf
              69 53 74 72 65 61 6d 41 52 4e   78 34 61 72 6e 3a 61 77 73 3a 6b 69 6e 65 73 69 73 3a 75 73 2d 65
                    61 73 74 2d 31 3a 31 31 31 31 31 31 31 31 31 31 31 31 3a 73 74 72 65 61 6d 2f 6f 72 64 65 72
                    73
              6c 43 6f 6e 73 75 6d 65 72 4e 61 6d 65   67 62 69 6c 6c 69 6e 67
            ff"""));
  }

  @Test
  void describeResponseAddsTheStreamArn() {
    DescribeStreamConsumer.Response response = new DescribeStreamConsumer.Response(
        new ConsumerDescription(BILLING, CONSUMER_ARN, ConsumerStatus.ACTIVE, CREATED, STREAM_ARN));
    assertEquals("{\"ConsumerDescription\":{\"ConsumerName\":\"billing\",\"ConsumerARN\":\"" + CONSUMER + "\","
        + "\"ConsumerStatus\":\"ACTIVE\",\"ConsumerCreationTimestamp\":1.7958528E9,\"StreamARN\":\"" + STREAM + "\"}}",
        Mapping.writeJson(new DescribeStreamConsumerMapper(), response));
    assertEquals(Hex.of(Hex.bytes("""
            bf
              73 43 6f 6e 73 75 6d 65 72 44 65 73 63 72 69 70 74 69 6f 6e
              bf
                6c 43 6f 6e 73 75 6d 65 72 4e 61 6d 65   67 62 69 6c 6c 69 6e 67
                6b 43 6f 6e 73 75 6d 65 72 41 52 4e   78 50 61 72 6e 3a 61 77 73 3a 6b 69 6e 65 73 69 73 3a 75
                      73 2d 65 61 73 74 2d 31 3a 31 31 31 31 31 31 31 31 31 31 31 31 3a 73 74 72 65 61 6d 2f 6f
                      72 64 65 72 73 2f 63 6f 6e 73 75 6d 65 72 2f 62 69 6c 6c 69 6e 67 3a 31 37 39 35 38 35 32
                      38 30 30
                6e 43 6f 6e 73 75 6d 65 72 53 74 61 74 75 73   66 41 43 54 49 56 45
                78 19 43 6f 6e 73 75 6d 65 72 43 72 65 61 74 69 6f 6e 54 69 6d 65 73 74 61 6d 70   c1 1b 00 00
                      01 a2 21 2b 10 00
                69 53 74 72 65 61 6d 41 52 4e   78 34 61 72 6e 3a 61 77 73 3a 6b 69 6e 65 73 69 73 3a 75 73 2d
                      65 61 73 74 2d 31 3a 31 31 31 31 31 31 31 31 31 31 31 31 3a 73 74 72 65 61 6d 2f 6f 72 64
                      65 72 73
              ff
            ff""")), Mapping.writeCbor(new DescribeStreamConsumerMapper(), response));
  }

  @Test
  void consumerArnThatFitsTheModelButNamesNoConsumerIsAnInvalidArgument() {
    String firehose = "arn:aws:kinesis:us-east-1:111111111111:deliverystream/orders/consumer/billing:1";
    KinesisException e = assertThrows(KinesisException.class,
        () -> Mapping.readJson(new DescribeStreamConsumerMapper(), "{\"ConsumerARN\":\"" + firehose + "\"}"));
    assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
    assertEquals("ConsumerARN " + firehose + " is not a valid Kinesis consumer ARN.", e.getMessage());
  }

  @Test
  void listRequestDecodes() {
    ListStreamConsumers.Request expected = new ListStreamConsumers.Request(STREAM_ARN, Optional.empty(),
        OptionalInt.of(5), Optional.of(CREATED));
    assertEquals(expected, Mapping.readJson(new ListStreamConsumersMapper(),
        "{\"StreamARN\":\"" + STREAM + "\",\"MaxResults\":5,\"StreamCreationTimestamp\":1795852800}"));
    assertEquals(expected, Mapping.readCbor(new ListStreamConsumersMapper(), """
            bf
              69 53 74 72 65 61 6d 41 52 4e   78 34 61 72 6e 3a 61 77 73 3a 6b 69 6e 65 73 69 73 3a 75 73 2d 65
                    61 73 74 2d 31 3a 31 31 31 31 31 31 31 31 31 31 31 31 3a 73 74 72 65 61 6d 2f 6f 72 64 65 72
                    73
              6a 4d 61 78 52 65 73 75 6c 74 73   05
              77 53 74 72 65 61 6d 43 72 65 61 74 69 6f 6e 54 69 6d 65 73 74 61 6d 70   c1 1b 00 00 01 a2 21 2b
                    10 00
            ff"""));
  }

  @Test
  void listResponseHasConsumersAndNextToken() {
    ListStreamConsumers.Response response = new ListStreamConsumers.Response(
        List.of(billing(ConsumerStatus.ACTIVE)), Optional.of("tok"));
    assertEquals("{\"Consumers\":[{\"ConsumerName\":\"billing\",\"ConsumerARN\":\"" + CONSUMER + "\","
        + "\"ConsumerStatus\":\"ACTIVE\",\"ConsumerCreationTimestamp\":1.7958528E9}],\"NextToken\":\"tok\"}",
        Mapping.writeJson(new ListStreamConsumersMapper(), response));
    assertEquals(Hex.of(Hex.bytes("""
            bf
              69 43 6f 6e 73 75 6d 65 72 73
              9f
                bf
                  6c 43 6f 6e 73 75 6d 65 72 4e 61 6d 65   67 62 69 6c 6c 69 6e 67
                  6b 43 6f 6e 73 75 6d 65 72 41 52 4e   78 50 61 72 6e 3a 61 77 73 3a 6b 69 6e 65 73 69 73 3a 75
                        73 2d 65 61 73 74 2d 31 3a 31 31 31 31 31 31 31 31 31 31 31 31 3a 73 74 72 65 61 6d 2f
                        6f 72 64 65 72 73 2f 63 6f 6e 73 75 6d 65 72 2f 62 69 6c 6c 69 6e 67 3a 31 37 39 35 38
                        35 32 38 30 30
                  6e 43 6f 6e 73 75 6d 65 72 53 74 61 74 75 73   66 41 43 54 49 56 45
                  78 19 43 6f 6e 73 75 6d 65 72 43 72 65 61 74 69 6f 6e 54 69 6d 65 73 74 61 6d 70   c1 1b 00 00
                        01 a2 21 2b 10 00
                ff
              ff
              69 4e 65 78 74 54 6f 6b 65 6e   63 74 6f 6b
            ff""")), Mapping.writeCbor(new ListStreamConsumersMapper(), response));
  }

  @Test
  void lastListPageHasNoNextToken() {
    assertEquals("{\"Consumers\":[]}", Mapping.writeJson(new ListStreamConsumersMapper(),
        new ListStreamConsumers.Response(List.of(), Optional.empty())));
  }
}
