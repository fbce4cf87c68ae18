package io.tributary.http;

import io.tributary.core.InMemoryStreamStore;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import io.tributary.core.Broker;
import io.tributary.core.BrokerConfig;
import io.tributary.core.RequestContext;
import io.tributary.core.model.ConsumerArn;
import io.tributary.core.model.ConsumerName;
import io.tributary.core.model.ShardIteratorType;
import io.tributary.core.model.StreamArn;
import io.tributary.core.model.StreamName;
import io.tributary.core.operations.ConsumerRef;
import io.tributary.core.operations.CreateStream;
import io.tributary.core.operations.DeregisterStreamConsumer;
import io.tributary.core.operations.PutRecord;
import io.tributary.core.operations.RegisterStreamConsumer;
import io.tributary.core.operations.ShardSubscription;
import io.tributary.core.operations.SplitShard;
import io.tributary.core.operations.StreamRef;
import io.tributary.core.operations.SubscribeToShard;
import io.tributary.http.eventstream.EventStreamCodec;
import io.tributary.http.eventstream.EventStreamMessage;
import io.tributary.http.operations.SubscriptionBinding;
import io.tributary.http.protocol.SubscriptionAnswer;
import io.tributary.http.wire.WireCodec;
import io.tributary.http.wire.WireFormat;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The streamer on an EmbeddedChannel, with operations run inline and the event loop's time moved by hand. */
class SubscriptionStreamerTest {
  private static final RequestContext CONTEXT = new RequestContext("test", "000000000000", "us-east-1");
  private static final Duration LIFETIME = Duration.ofMinutes(5);
  private static final Duration HEARTBEAT = Duration.ofSeconds(5);
  private static final StreamRef STREAM = StreamRef.ofName(new StreamName("s"));

  private final ObjectMapper json = new ObjectMapper();
  private final Broker broker = new Broker(new InMemoryStreamStore(Clock.systemUTC()),
      BrokerConfig.defaults().withStreamDelays(Duration.ZERO, Duration.ZERO), Clock.systemUTC());
  private final AtomicReference<ChannelFuture> ended = new AtomicReference<>();
  private EmbeddedChannel channel;
  private ConsumerArn consumer;
  private SubscriptionStreamer streamer;

  @BeforeEach
  void open() {
    broker.createStream().execute(CONTEXT, new CreateStream.Request(new StreamName("s"), OptionalInt.of(1),
        Optional.empty()));
    consumer = broker.registerStreamConsumer().execute(CONTEXT, new RegisterStreamConsumer.Request(
        StreamArn.parse("arn:aws:kinesis:us-east-1:000000000000:stream/s").orElseThrow(), new ConsumerName("c")))
        .consumer().consumerArn();
    channel = new EmbeddedChannel(new ChannelInboundHandlerAdapter());
    channel.freezeTime();
    ShardSubscription subscription = subscribe();
    SubscriptionAnswer answer = new SubscriptionAnswer(subscription, SubscriptionBinding.of(broker.subscribeToShard()),
        new WireCodec(), WireFormat.JSON, LIFETIME, HEARTBEAT);
    streamer = new SubscriptionStreamer(channel.pipeline().firstContext(), answer, Runnable::run, "req-1",
        ended::set);
    streamer.start(new ResponseFactory(new WireCodec(), Clock.systemUTC(), () -> "unused"), true);
    HttpResponse head = channel.readOutbound();
    assertEquals(200, head.status().code());
    assertEquals("application/vnd.amazon.eventstream", head.headers().get("Content-Type"));
    assertEquals("req-1", head.headers().get("x-amzn-RequestId"));
    EventStreamMessage initial = nextMessage();
    assertEquals("initial-response", initial.stringHeader(EventStreamMessage.EVENT_TYPE).orElseThrow());
    assertEquals("{}", new String(initial.payload(), StandardCharsets.UTF_8));
  }

  @AfterEach
  void close() {
    channel.finishAndReleaseAll();
  }

  private ShardSubscription subscribe() {
    return broker.subscribeToShard().execute(CONTEXT, new SubscribeToShard.Request(consumer, "shardId-000000000000",
        new SubscribeToShard.StartingPosition(ShardIteratorType.LATEST, Optional.empty(), Optional.empty())));
  }

  private void put(String data) {
    broker.putRecord().execute(CONTEXT, new PutRecord.Request(STREAM, data.getBytes(StandardCharsets.UTF_8), "pk",
        Optional.empty(), Optional.empty()));
  }

  /** Runs what the event loop has to do, and decodes the next message written, if any. */
  private EventStreamMessage nextMessage() {
    channel.runPendingTasks();
    Object out = channel.readOutbound();
    if (out == null || out instanceof LastHttpContent) {
      return null;
    }
    HttpContent content = (HttpContent) out;
    try {
      return EventStreamCodec.decode(ByteBufUtil.getBytes(content.content()));
    } finally {
      content.release();
    }
  }

  private JsonNode payload(EventStreamMessage message) throws Exception {
    return json.readTree(message.payload());
  }

  @Test
  void idleSubscriptionGetsAnEmptyEventWhenTheHeartbeatIsDue() throws Exception {
    assertNull(nextMessage());
    channel.advanceTimeBy(HEARTBEAT.toMillis() - 1, TimeUnit.MILLISECONDS);
    channel.runScheduledPendingTasks();
    assertNull(nextMessage());
    channel.advanceTimeBy(1, TimeUnit.MILLISECONDS);
    channel.runScheduledPendingTasks();
    EventStreamMessage heartbeat = nextMessage();
    assertEquals("SubscribeToShardEvent", heartbeat.stringHeader(EventStreamMessage.EVENT_TYPE).orElseThrow());
    assertEquals("application/x-amz-json-1.1", heartbeat.stringHeader(EventStreamMessage.CONTENT_TYPE).orElseThrow());
    JsonNode event = payload(heartbeat);
    assertEquals(0, event.get("Records").size());
    assertEquals(0, event.get("MillisBehindLatest").asLong());
    assertTrue(event.get("ContinuationSequenceNumber").asText().startsWith("49"));
  }

  @Test
  void appendedRecordIsPushedWithoutWaitingForTheHeartbeat() throws Exception {
    put("hello");
    JsonNode event = payload(nextMessage());
    assertEquals("aGVsbG8=", event.get("Records").get(0).get("Data").asText());
    assertEquals(event.get("Records").get(0).get("SequenceNumber"), event.get("ContinuationSequenceNumber"));
  }

  @Test
  void unwritableChannelIsNotReadUntilItDrains() throws Exception {
    channel.unsafe().outboundBuffer().setUserDefinedWritability(1, false);
    put("waits");
    assertNull(nextMessage());
    channel.unsafe().outboundBuffer().setUserDefinedWritability(1, true);
    streamer.writabilityChanged();
    assertEquals("d2FpdHM=", payload(nextMessage()).get("Records").get(0).get("Data").asText());
  }

  @Test
  void streamEndsNormallyAfterItsLifetimeAndFreesTheSlot() {
    channel.advanceTimeBy(LIFETIME.toMillis(), TimeUnit.MILLISECONDS);
    channel.runScheduledPendingTasks();
    channel.runPendingTasks();
    Object last = null;
    for (Object out; (out = channel.readOutbound()) != null; ) {
      last = out;
    }
    assertSame(LastHttpContent.EMPTY_LAST_CONTENT, last);
    assertTrue(ended.get() != null);
    subscribe().close();
  }

  @Test
  void deregisteredConsumerGetsAnExceptionMessageThenTheEnd() throws Exception {
    broker.deregisterStreamConsumer().execute(CONTEXT,
        new DeregisterStreamConsumer.Request(ConsumerRef.ofArn(consumer)));
    put("never delivered");
    EventStreamMessage exception = nextMessage();
    assertEquals("exception", exception.stringHeader(EventStreamMessage.MESSAGE_TYPE).orElseThrow());
    assertEquals("ResourceNotFoundException",
        exception.stringHeader(EventStreamMessage.EXCEPTION_TYPE).orElseThrow());
    assertEquals("Consumer " + consumer + ", account 000000000000 not found.",
        payload(exception).get("message").asText());
    assertInstanceOf(LastHttpContent.class, channel.readOutbound());
    assertTrue(ended.get() != null);
  }

  @Test
  void closedShardSendsItsLastEventThenEnds() throws Exception {
    broker.splitShard().execute(CONTEXT, new SplitShard.Request(STREAM, "shardId-000000000000",
        BigInteger.TWO.pow(127)));
    JsonNode last = payload(nextMessage());
    assertFalse(last.has("ContinuationSequenceNumber"));
    assertEquals(2, last.get("ChildShards").size());
    assertInstanceOf(LastHttpContent.class, channel.readOutbound());
  }

  @Test
  void clientGoingAwayFreesTheSlotAtOnce() {
    streamer.abort();
    subscribe().close();
    assertNull(ended.get());
  }
}
