package io.tributary.core.operations;

import static io.tributary.core.operations.BrokerFixture.CONTEXT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.KinesisException;
import io.tributary.core.model.ConsumerArn;
import io.tributary.core.model.ConsumerName;
import io.tributary.core.model.SequenceNumber;
import io.tributary.core.model.ShardId;
import io.tributary.core.model.ShardIteratorType;
import io.tributary.core.model.StreamArn;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SubscribeToShardTest {
  private static final String SHARD = "shardId-000000000000";

  private final BrokerFixture f = new BrokerFixture();
  private final StreamRef s = f.activeStream("s", 1);
  private final StreamArn streamArn = StreamArn.parse("arn:aws:kinesis:us-east-1:000000000000:stream/s").orElseThrow();

  private ConsumerArn register(String name) {
    return f.broker.registerStreamConsumer().execute(CONTEXT,
        new RegisterStreamConsumer.Request(streamArn, new ConsumerName(name))).consumer().consumerArn();
  }

  private ConsumerArn activeConsumer(String name) {
    ConsumerArn arn = register(name);
    f.clock.advance(Duration.ofSeconds(10));
    return arn;
  }

  private ShardSubscription subscribe(ConsumerArn consumer, ShardIteratorType type, Optional<String> sequence) {
    return f.broker.subscribeToShard().execute(CONTEXT, new SubscribeToShard.Request(consumer, SHARD,
        new SubscribeToShard.StartingPosition(type, sequence, Optional.empty())));
  }

  private ShardSubscription subscribe(ConsumerArn consumer, ShardIteratorType type) {
    return subscribe(consumer, type, Optional.empty());
  }

  private static List<String> texts(ShardSubscription.Event event) {
    return event.records().stream().map(BrokerFixture::text).toList();
  }

  @Test
  void trimHorizonDeliversEarlierRecordsThenHeartbeatsAtTheLastOne() {
    ConsumerArn consumer = activeConsumer("c");
    f.put(s, "a", "one");
    PutRecord.Response second = f.put(s, "a", "two");
    try (ShardSubscription subscription = subscribe(consumer, ShardIteratorType.TRIM_HORIZON)) {
      ShardSubscription.Event first = subscription.next();
      assertEquals(List.of("one", "two"), texts(first));
      assertEquals(Optional.of(second.sequenceNumber()), first.continuationSequenceNumber());
      assertEquals(0, first.millisBehindLatest());
      ShardSubscription.Event heartbeat = subscription.next();
      assertEquals(List.of(), heartbeat.records());
      assertEquals(Optional.of(second.sequenceNumber()), heartbeat.continuationSequenceNumber());
    }
  }

  @Test
  void latestDeliversOnlyRecordsWrittenAfterSubscribing() {
    ConsumerArn consumer = activeConsumer("c");
    f.put(s, "a", "before");
    try (ShardSubscription subscription = subscribe(consumer, ShardIteratorType.LATEST)) {
      assertEquals(List.of(), subscription.next().records());
      f.put(s, "a", "after");
      assertEquals(List.of("after"), texts(subscription.next()));
    }
  }

  @Test
  void appendsSignalTheSubscriptionsListenerOncePerDurableWrite() {
    ConsumerArn consumer = activeConsumer("c");
    AtomicInteger wakes = new AtomicInteger();
    try (ShardSubscription subscription = subscribe(consumer, ShardIteratorType.LATEST)) {
      subscription.onAppend(wakes::incrementAndGet);
      f.put(s, "a", "x");
      f.put(s, "b", "y");
      assertEquals(2, wakes.get());
      subscription.close();
      f.put(s, "a", "z");
      assertEquals(2, wakes.get());
    }
  }

  @Test
  void continuationResumesExactlyWhereTheSubscriptionStopped() {
    ConsumerArn consumer = activeConsumer("c");
    String continuation;
    try (ShardSubscription subscription = subscribe(consumer, ShardIteratorType.TRIM_HORIZON)) {
      ShardSubscription.Event empty = subscription.next();
      continuation = empty.continuationSequenceNumber().orElseThrow().toString();
    }
    f.put(s, "a", "first");
    try (ShardSubscription resumed = subscribe(consumer, ShardIteratorType.AFTER_SEQUENCE_NUMBER,
        Optional.of(continuation))) {
      ShardSubscription.Event event = resumed.next();
      assertEquals(List.of("first"), texts(event));
      continuation = event.continuationSequenceNumber().orElseThrow().toString();
    }
    f.put(s, "a", "second");
    try (ShardSubscription resumed = subscribe(consumer, ShardIteratorType.AFTER_SEQUENCE_NUMBER,
        Optional.of(continuation))) {
      assertEquals(List.of("second"), texts(resumed.next()));
    }
  }

  @Test
  void secondSubscriptionOfTheSameConsumerAndShardIsRefusedUntilTheFirstCloses() {
    ConsumerArn consumer = activeConsumer("c");
    ShardSubscription first = subscribe(consumer, ShardIteratorType.LATEST);
    KinesisException e = assertThrows(KinesisException.class, () -> subscribe(consumer, ShardIteratorType.LATEST));
    assertEquals(ErrorCode.RESOURCE_IN_USE, e.code());
    assertEquals("Another active subscription exists for this consumer: 000000000000:s:shardId-000000000000:c",
        e.getMessage());
    ShardSubscription other = subscribe(activeConsumer("d"), ShardIteratorType.LATEST);
    other.close();
    first.close();
    subscribe(consumer, ShardIteratorType.LATEST).close();
  }

  @Test
  void consumerNotYetActiveIsRefusedInAwsWords() {
    ConsumerArn consumer = register("c");
    KinesisException e = assertThrows(KinesisException.class, () -> subscribe(consumer, ShardIteratorType.LATEST));
    assertEquals(ErrorCode.RESOURCE_IN_USE, e.code());
    assertEquals("Consumer c with creation timestamp " + consumer.creationEpochSeconds()
        + " under stream: s , account 000000000000 is not in ACTIVE status.", e.getMessage());
  }

  @Test
  void unknownConsumerAndUnknownShardAreNotFound() {
    ConsumerArn unknown = new ConsumerArn(streamArn, new ConsumerName("nobody"), 1);
    KinesisException e = assertThrows(KinesisException.class, () -> subscribe(unknown, ShardIteratorType.LATEST));
    assertEquals(ErrorCode.RESOURCE_NOT_FOUND, e.code());
    assertEquals("Consumer " + unknown + ", account 000000000000 not found.", e.getMessage());
    ConsumerArn consumer = activeConsumer("c");
    e = assertThrows(KinesisException.class, () -> f.broker.subscribeToShard().execute(CONTEXT,
        new SubscribeToShard.Request(consumer, "shardId-000000000009",
            new SubscribeToShard.StartingPosition(ShardIteratorType.LATEST, Optional.empty(), Optional.empty()))));
    assertEquals("Shard shardId-000000000009 in stream s under account 000000000000 does not exist", e.getMessage());
  }

  @Test
  void startingPositionErrorsAreGetShardIteratorsNamingSubscribeToShard() {
    ConsumerArn consumer = activeConsumer("c");
    KinesisException e = assertThrows(KinesisException.class,
        () -> subscribe(consumer, ShardIteratorType.AT_SEQUENCE_NUMBER));
    assertTrue(e.getMessage().startsWith("Must either specify (1) AT_SEQUENCE_NUMBER or AFTER_SEQUENCE_NUMBER"));
    String otherShard = new SequenceNumber(3, 1L << 40).toString();
    e = assertThrows(KinesisException.class,
        () -> subscribe(consumer, ShardIteratorType.AT_SEQUENCE_NUMBER, Optional.of(otherShard)));
    assertEquals("Invalid StartingSequenceNumber. It encodes shardId-000000000003, while it was used in a call to a "
        + "shard with shardId-000000000000", e.getMessage());
    assertEquals(0, f.broker.subscribeToShard().execute(CONTEXT, new SubscribeToShard.Request(consumer, SHARD,
        new SubscribeToShard.StartingPosition(ShardIteratorType.AT_TIMESTAMP, Optional.empty(),
            Optional.of(Instant.EPOCH)))).next().records().size());
  }

  @Test
  void closedShardEndsWithItsRecordsThenALastEventNamingTheChildren() {
    ConsumerArn consumer = activeConsumer("c");
    f.put(s, "a", "last words");
    try (ShardSubscription subscription = subscribe(consumer, ShardIteratorType.TRIM_HORIZON)) {
      AtomicInteger wakes = new AtomicInteger();
      subscription.onAppend(wakes::incrementAndGet);
      f.broker.splitShard().execute(CONTEXT, new SplitShard.Request(s, SHARD, BigInteger.TWO.pow(127)));
      assertEquals(1, wakes.get());
      ShardSubscription.Event records = subscription.next();
      assertEquals(List.of("last words"), texts(records));
      ShardSubscription.Event last = subscription.next();
      assertTrue(last.isLast());
      assertEquals(List.of(), last.records());
      assertEquals(List.of(new ShardId(1), new ShardId(2)), last.childShards().stream().map(ChildShard::shardId).toList());
      assertEquals(List.of(new ShardId(0)), last.childShards().get(0).parentShards());
      assertThrows(IllegalStateException.class, subscription::next);
    }
  }

  @Test
  void latestOnAClosedShardGetsTheLastEventAtOnce() {
    ConsumerArn consumer = activeConsumer("c");
    f.put(s, "a", "x");
    f.broker.splitShard().execute(CONTEXT, new SplitShard.Request(s, SHARD, BigInteger.TWO.pow(127)));
    f.clock.advance(Duration.ofSeconds(10));
    try (ShardSubscription subscription = subscribe(consumer, ShardIteratorType.LATEST)) {
      assertTrue(subscription.next().isLast());
    }
  }

  @Test
  void recordsPastRetentionAreSkippedAsGetRecordsSkipsThem() {
    ConsumerArn consumer = activeConsumer("c");
    f.put(s, "a", "old");
    f.clock.advance(Duration.ofHours(25));
    f.put(s, "a", "new");
    try (ShardSubscription subscription = subscribe(consumer, ShardIteratorType.TRIM_HORIZON)) {
      assertEquals(List.of("new"), texts(subscription.next()));
    }
  }

  @Test
  void deregisteringTheConsumerEndsTheSubscriptionWithNotFound() {
    ConsumerArn consumer = activeConsumer("c");
    try (ShardSubscription subscription = subscribe(consumer, ShardIteratorType.LATEST)) {
      f.broker.deregisterStreamConsumer().execute(CONTEXT,
          new DeregisterStreamConsumer.Request(ConsumerRef.ofArn(consumer)));
      KinesisException e = assertThrows(KinesisException.class, subscription::next);
      assertEquals(ErrorCode.RESOURCE_NOT_FOUND, e.code());
    }
  }
}
