package io.tributary.core.operations;

import static io.tributary.core.operations.BrokerFixture.CONTEXT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.core.BrokerConfig;
import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.KinesisException;
import io.tributary.core.model.ConsumerArn;
import io.tributary.core.model.ConsumerName;
import io.tributary.core.model.ConsumerStatus;
import io.tributary.core.model.StreamArn;
import io.tributary.core.model.StreamName;
import io.tributary.core.model.StreamStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ConsumersTest {
  private final BrokerFixture f = new BrokerFixture();
  private final StreamRef s = f.activeStream("s", 1);
  private final StreamArn arn = StreamArn.parse("arn:aws:kinesis:us-east-1:000000000000:stream/s").orElseThrow();

  private Consumer register(String name) {
    return f.broker.registerStreamConsumer().execute(CONTEXT,
        new RegisterStreamConsumer.Request(arn, new ConsumerName(name))).consumer();
  }

  private ConsumerDescription describe(ConsumerRef ref) {
    return f.broker.describeStreamConsumer().execute(CONTEXT, new DescribeStreamConsumer.Request(ref))
        .consumerDescription();
  }

  private ListStreamConsumers.Response list(Optional<String> token, OptionalInt max) {
    return f.broker.listStreamConsumers().execute(CONTEXT,
        new ListStreamConsumers.Request(arn, token, max, Optional.empty()));
  }

  private int consumerCount() {
    return f.broker.describeStreamSummary().execute(CONTEXT, new DescribeStreamSummary.Request(s))
        .streamDescriptionSummary().consumerCount();
  }

  @Test
  void registeredConsumerIsCreatingThenActiveWithAnArnEndingInItsCreationSecond() {
    Consumer c = register("billing");
    Instant now = f.clock.instant();
    assertEquals(ConsumerStatus.CREATING, c.consumerStatus());
    assertEquals(now, c.consumerCreationTimestamp());
    assertEquals("arn:aws:kinesis:us-east-1:000000000000:stream/s/consumer/billing:" + now.getEpochSecond(),
        c.consumerArn().toString());
    f.clock.advance(Duration.ofMillis(500));
    ConsumerDescription d = describe(ConsumerRef.ofArn(c.consumerArn()));
    assertEquals(ConsumerStatus.ACTIVE, d.consumerStatus());
    assertEquals(arn, d.streamArn());
    assertEquals(d, describe(ConsumerRef.ofName(arn, new ConsumerName("billing"))));
    assertEquals(1, consumerCount());
  }

  @Test
  void aNameAlreadyRegisteredIsResourceInUse() {
    register("c");
    KinesisException e = assertThrows(KinesisException.class, () -> register("c"));
    assertEquals(ErrorCode.RESOURCE_IN_USE, e.code());
    assertEquals("Consumer c under stream s and account 000000000000 already exists.", e.getMessage());
  }

  @Test
  void aStreamTakesAtMostTheConfiguredNumberOfConsumersAndFiveCreatingAtOnce() {
    for (int i = 0; i < 5; i++) {
      register("c" + i);
    }
    KinesisException creating = assertThrows(KinesisException.class, () -> register("c5"));
    assertEquals(ErrorCode.LIMIT_EXCEEDED, creating.code());
    assertEquals("Only 5 consumers can be in CREATING status at once on stream s under account 000000000000.",
        creating.getMessage());

    BrokerFixture small = new BrokerFixture(BrokerConfig.defaults().withMaxConsumersPerStream(2));
    small.activeStream("s", 1);
    for (String name : List.of("a", "b")) {
      small.broker.registerStreamConsumer().execute(CONTEXT,
          new RegisterStreamConsumer.Request(arn, new ConsumerName(name)));
    }
    small.clock.advance(Duration.ofSeconds(1));
    KinesisException full = assertThrows(KinesisException.class, () -> small.broker.registerStreamConsumer()
        .execute(CONTEXT, new RegisterStreamConsumer.Request(arn, new ConsumerName("c"))));
    assertEquals(ErrorCode.LIMIT_EXCEEDED, full.code());
    assertEquals("Consumer limit of 2 exceeded for stream s under account 000000000000.", full.getMessage());
  }

  @Test
  void registeringOnAMissingOrCreatingStreamIsRefused() {
    StreamArn missing = StreamArn.parse("arn:aws:kinesis:us-east-1:000000000000:stream/nope").orElseThrow();
    KinesisException e = assertThrows(KinesisException.class, () -> f.broker.registerStreamConsumer()
        .execute(CONTEXT, new RegisterStreamConsumer.Request(missing, new ConsumerName("c"))));
    assertEquals("Stream nope under account 000000000000 not found.", e.getMessage());
    f.broker.createStream().execute(CONTEXT, new CreateStream.Request(new StreamName("new"), OptionalInt.of(1),
        Optional.empty()));
    StreamArn creating = StreamArn.parse("arn:aws:kinesis:us-east-1:000000000000:stream/new").orElseThrow();
    KinesisException inUse = assertThrows(KinesisException.class, () -> f.broker.registerStreamConsumer()
        .execute(CONTEXT, new RegisterStreamConsumer.Request(creating, new ConsumerName("c"))));
    assertEquals(ErrorCode.RESOURCE_IN_USE, inUse.code());
  }

  @Test
  void deregisteredConsumerIsDeletingThenGoneAndItsNameGetsANewArn() {
    Consumer first = register("c");
    f.clock.advance(Duration.ofSeconds(1));
    f.broker.deregisterStreamConsumer().execute(CONTEXT,
        new DeregisterStreamConsumer.Request(ConsumerRef.ofName(arn, new ConsumerName("c"))));
    assertEquals(ConsumerStatus.DELETING, describe(ConsumerRef.ofArn(first.consumerArn())).consumerStatus());
    f.clock.advance(Duration.ofMillis(500));
    KinesisException gone =
        assertThrows(KinesisException.class, () -> describe(ConsumerRef.ofArn(first.consumerArn())));
    assertEquals(ErrorCode.RESOURCE_NOT_FOUND, gone.code());
    assertEquals("Consumer " + first.consumerArn() + ", account 000000000000 not found.", gone.getMessage());
    assertEquals(0, consumerCount());

    f.clock.advance(Duration.ofSeconds(1));
    Consumer second = register("c");
    assertTrue(!second.consumerArn().equals(first.consumerArn()));
    KinesisException stale = assertThrows(KinesisException.class, () -> f.broker.deregisterStreamConsumer()
        .execute(CONTEXT, new DeregisterStreamConsumer.Request(ConsumerRef.ofArn(first.consumerArn()))));
    assertEquals(ErrorCode.RESOURCE_NOT_FOUND, stale.code());
  }

  @Test
  void onlyAnActiveConsumerCanBeDeregistered() {
    Consumer c = register("c");
    KinesisException e = assertThrows(KinesisException.class, () -> f.broker.deregisterStreamConsumer()
        .execute(CONTEXT, new DeregisterStreamConsumer.Request(ConsumerRef.ofArn(c.consumerArn()))));
    assertEquals(ErrorCode.RESOURCE_IN_USE, e.code());
    assertEquals("Consumer c with creation timestamp " + c.consumerCreationTimestamp().getEpochSecond()
        + " under stream s and account 000000000000 is not in ACTIVE status.", e.getMessage());
  }

  @Test
  void consumerAddressingMustBeCompleteAndConsistent() {
    Consumer c = register("c");
    KinesisException none = assertThrows(KinesisException.class, () -> describe(
        new ConsumerRef(Optional.of(arn), Optional.empty(), Optional.empty())));
    assertEquals(ErrorCode.INVALID_ARGUMENT, none.code());
    assertEquals("Either ConsumerARN or both ConsumerName and StreamARN should be provided.", none.getMessage());
    KinesisException conflict = assertThrows(KinesisException.class, () -> describe(
        new ConsumerRef(Optional.of(arn), Optional.of(new ConsumerName("other")), Optional.of(c.consumerArn()))));
    assertEquals(ErrorCode.INVALID_ARGUMENT, conflict.code());
    assertEquals(c.consumerArn(), describe(new ConsumerRef(Optional.of(arn), Optional.of(new ConsumerName("c")),
        Optional.of(c.consumerArn()))).consumerArn());
    KinesisException byName = assertThrows(KinesisException.class,
        () -> describe(ConsumerRef.ofName(arn, new ConsumerName("nope"))));
    assertEquals("Consumer nope, account 000000000000 not found.", byName.getMessage());
    ConsumerArn wrongSecond = new ConsumerArn(arn, new ConsumerName("c"), c.consumerArn().creationEpochSeconds() + 1);
    assertThrows(KinesisException.class, () -> describe(ConsumerRef.ofArn(wrongSecond)));
  }

  @Test
  void listStreamConsumersPagesByNameWithExpiringTokens() {
    for (String n : List.of("c", "a", "b")) {
      register(n);
    }
    ListStreamConsumers.Response first = list(Optional.empty(), OptionalInt.of(2));
    assertEquals(List.of("a", "b"), first.consumers().stream().map(x -> x.consumerName().value()).toList());
    ListStreamConsumers.Response last = list(first.nextToken(), OptionalInt.of(2));
    assertEquals(List.of("c"), last.consumers().stream().map(x -> x.consumerName().value()).toList());
    assertEquals(Optional.empty(), last.nextToken());

    f.clock.advance(Duration.ofSeconds(301));
    KinesisException expired = assertThrows(KinesisException.class, () -> list(first.nextToken(), OptionalInt.empty()));
    assertEquals(ErrorCode.EXPIRED_NEXT_TOKEN, expired.code());
    KinesisException invalid =
        assertThrows(KinesisException.class, () -> list(Optional.of("bogus"), OptionalInt.empty()));
    assertEquals("Invalid NextToken.", invalid.getMessage());
  }

  @Test
  void listStreamConsumersChecksTheStreamCreationTimestamp() {
    register("a");
    Instant created = f.broker.describeStreamSummary().execute(CONTEXT, new DescribeStreamSummary.Request(s))
        .streamDescriptionSummary().streamCreationTimestamp();
    assertEquals(1, f.broker.listStreamConsumers().execute(CONTEXT,
        new ListStreamConsumers.Request(arn, Optional.empty(), OptionalInt.empty(), Optional.of(created)))
        .consumers().size());
    KinesisException older = assertThrows(KinesisException.class, () -> f.broker.listStreamConsumers().execute(
        CONTEXT, new ListStreamConsumers.Request(arn, Optional.empty(), OptionalInt.empty(),
            Optional.of(created.minusSeconds(60)))));
    assertEquals(ErrorCode.RESOURCE_NOT_FOUND, older.code());
    KinesisException both = assertThrows(KinesisException.class, () -> f.broker.listStreamConsumers().execute(
        CONTEXT, new ListStreamConsumers.Request(arn, Optional.of("t"), OptionalInt.empty(), Optional.of(created))));
    assertEquals("NextToken and StreamCreationTimestamp cannot be provided together.", both.getMessage());
  }

  @Test
  void deleteStreamWithConsumersNeedsEnforceConsumerDeletion() {
    register("c");
    KinesisException e = assertThrows(KinesisException.class,
        () -> f.broker.deleteStream().execute(CONTEXT, new DeleteStream.Request(s, Optional.of(false))));
    assertEquals(ErrorCode.RESOURCE_IN_USE, e.code());
    assertEquals("DeleteStream can\u2019t delete 000000000000:s because there are consumers associated with this "
        + "data stream. To delete s anyway, set the EnforceConsumerDeletion parameter to true to force the deletion "
        + "of all the consumers that are associated with it.", e.getMessage());
    f.broker.deleteStream().execute(CONTEXT, new DeleteStream.Request(s, Optional.of(true)));
    assertEquals(StreamStatus.DELETING, f.broker.describeStreamSummary().execute(CONTEXT,
        new DescribeStreamSummary.Request(s)).streamDescriptionSummary().streamStatus());
    assertEquals(List.of(ConsumerStatus.DELETING),
        list(Optional.empty(), OptionalInt.empty()).consumers().stream().map(Consumer::consumerStatus).toList());
    f.clock.advance(Duration.ofSeconds(1));
    f.activeStream("s", 1);
    assertEquals(List.of(), list(Optional.empty(), OptionalInt.empty()).consumers());
  }

  @Test
  void consumersSurviveARestart() {
    Consumer c = register("c");
    io.tributary.core.Broker reopened = new io.tributary.core.Broker(f.store, BrokerConfig.defaults(), f.clock);
    f.clock.advance(Duration.ofSeconds(1));
    assertEquals(ConsumerStatus.ACTIVE, reopened.describeStreamConsumer().execute(CONTEXT,
        new DescribeStreamConsumer.Request(ConsumerRef.ofArn(c.consumerArn()))).consumerDescription().consumerStatus());
  }
}
