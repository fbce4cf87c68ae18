package io.tributary.http;

import io.tributary.core.InMemoryStreamStore;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.tributary.core.Broker;
import io.tributary.core.BrokerConfig;
import io.tributary.core.RequestContext;
import io.tributary.core.model.ConsumerName;
import io.tributary.core.model.StreamArn;
import io.tributary.core.operations.RegisterStreamConsumer;
import io.tributary.http.KinesisHttpServer.HttpServerConfig;
import io.tributary.http.tls.TlsConfig;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.ProtocolNegotiation;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.awssdk.services.kinesis.model.ChildShard;
import software.amazon.awssdk.services.kinesis.model.ResourceInUseException;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import software.amazon.awssdk.services.kinesis.model.SubscribeToShardEvent;
import software.amazon.awssdk.services.kinesis.model.SubscribeToShardEventStream;
import software.amazon.awssdk.services.kinesis.model.SubscribeToShardRequest;
import software.amazon.awssdk.services.kinesis.model.SubscribeToShardResponseHandler;

/**
 * Enhanced fan-out with the AWS SDK for Java v2's own {@link SubscribeToShardResponseHandler},
 * over HTTP/2 on the plain port (default client) and on the TLS port (without ALPN).
 */
class SubscribeToShardSdkTest {
  private static final String SHARD = "shardId-000000000000";
  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir
  Path dataDirectory;

  private Broker broker;
  private KinesisHttpServer server;

  static Stream<String> ports() {
    return Stream.of("plain", "tls");
  }

  @BeforeEach
  void start() {
    broker = new Broker(new InMemoryStreamStore(Clock.systemUTC()),
        BrokerConfig.defaults().withStreamDelays(Duration.ZERO, Duration.ZERO), Clock.systemUTC());
    server = KinesisHttpServer.start(new HttpServerConfig("127.0.0.1", 0, 1 << 20, 8)
        .withTls(TlsConfig.selfSigned(0, dataDirectory.resolve("tls"))), broker);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private KinesisAsyncClient client(String port) {
    return port.equals("plain")
        ? SdkClients.asyncDefaults(server.port())
        : SdkClients.asyncTls(server.tlsPort().orElseThrow(), ProtocolNegotiation.ASSUME_PROTOCOL);
  }

  /** Creates a one-shard stream and an ACTIVE consumer on it; returns the consumer's ARN. */
  private String streamWithConsumer(KinesisAsyncClient kinesis, String stream) throws Exception {
    kinesis.createStream(r -> r.streamName(stream).shardCount(1)).get();
    StreamArn arn = StreamArn.parse("arn:aws:kinesis:us-east-1:000000000000:stream/" + stream).orElseThrow();
    return broker.registerStreamConsumer().execute(new RequestContext("test", "000000000000", "us-east-1"),
        new RegisterStreamConsumer.Request(arn, new ConsumerName("efo"))).consumer().consumerArn().toString();
  }

  /** One subscription as an application drives it: events in a queue, cancellable. */
  private static final class Subscribed implements Subscriber<SubscribeToShardEventStream> {
    final BlockingQueue<SubscribeToShardEvent> events = new LinkedBlockingQueue<>();
    final CompletableFuture<Void> responded = new CompletableFuture<>();
    CompletableFuture<Void> done;
    private volatile Subscription subscription;

    static Subscribed open(KinesisAsyncClient kinesis, String consumerArn, ShardIteratorType type) {
      Subscribed s = new Subscribed();
      s.done = kinesis.subscribeToShard(SubscribeToShardRequest.builder()
              .consumerARN(consumerArn).shardId(SHARD).startingPosition(p -> p.type(type)).build(),
          SubscribeToShardResponseHandler.builder()
              .onResponse(r -> s.responded.complete(null))
              .onEventStream(publisher -> publisher.subscribe(s))
              .onError(s.responded::completeExceptionally)
              .build());
      return s;
    }

    @Override
    public void onSubscribe(Subscription subscription) {
      this.subscription = subscription;
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(SubscribeToShardEventStream event) {
      if (event instanceof SubscribeToShardEvent e) {
        events.add(e);
      }
    }

    @Override
    public void onError(Throwable t) {}

    @Override
    public void onComplete() {}

    void cancel() {
      subscription.cancel();
    }

    SubscribeToShardEvent next() throws InterruptedException {
      SubscribeToShardEvent event = events.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      if (event == null) {
        fail("no event within " + WAIT);
      }
      return event;
    }

    /** The next event that carries records, skipping heartbeats. */
    SubscribeToShardEvent nextWithRecords() throws InterruptedException {
      SubscribeToShardEvent event = next();
      while (event.records().isEmpty()) {
        event = next();
      }
      return event;
    }
  }

  @ParameterizedTest
  @MethodSource("ports")
  void recordPutAfterSubscribingIsPushedToTheSubscriber(String port) throws Exception {
    try (KinesisAsyncClient kinesis = client(port)) {
      String consumer = streamWithConsumer(kinesis, "pushed");
      Subscribed subscribed = Subscribed.open(kinesis, consumer, ShardIteratorType.LATEST);
      subscribed.responded.get(WAIT.toSeconds(), TimeUnit.SECONDS);
      String sequence = kinesis.putRecord(r -> r.streamName("pushed").partitionKey("pk")
          .data(SdkBytes.fromUtf8String("pushed over " + port))).get().sequenceNumber();
      SubscribeToShardEvent event = subscribed.nextWithRecords();
      assertEquals("pushed over " + port, event.records().get(0).data().asUtf8String());
      assertEquals(sequence, event.records().get(0).sequenceNumber());
      assertEquals("pk", event.records().get(0).partitionKey());
      assertEquals(sequence, event.continuationSequenceNumber());
      subscribed.cancel();
    }
  }

  @ParameterizedTest
  @MethodSource("ports")
  void closedShardEndsTheStreamWithItsChildShards(String port) throws Exception {
    try (KinesisAsyncClient kinesis = client(port)) {
      String consumer = streamWithConsumer(kinesis, "split");
      kinesis.putRecord(r -> r.streamName("split").partitionKey("pk").data(SdkBytes.fromUtf8String("before"))).get();
      kinesis.splitShard(r -> r.streamName("split").shardToSplit(SHARD)
          .newStartingHashKey(BigInteger.TWO.pow(127).toString())).get();
      Subscribed subscribed = Subscribed.open(kinesis, consumer, ShardIteratorType.TRIM_HORIZON);
      subscribed.done.get(WAIT.toSeconds(), TimeUnit.SECONDS);
      List<SubscribeToShardEvent> events = List.copyOf(subscribed.events);
      assertEquals("before", events.get(0).records().get(0).data().asUtf8String());
      SubscribeToShardEvent last = events.get(events.size() - 1);
      assertTrue(last.records().isEmpty());
      assertNull(last.continuationSequenceNumber());
      assertEquals(List.of("shardId-000000000001", "shardId-000000000002"),
          last.childShards().stream().map(ChildShard::shardId).toList());
      assertEquals(List.of(SHARD), last.childShards().get(0).parentShards());
    }
  }

  @ParameterizedTest
  @MethodSource("ports")
  void secondSubscriptionIsRefusedUntilTheFirstIsCancelled(String port) throws Exception {
    try (KinesisAsyncClient kinesis = client(port)) {
      String consumer = streamWithConsumer(kinesis, "busy");
      Subscribed first = Subscribed.open(kinesis, consumer, ShardIteratorType.LATEST);
      first.responded.get(WAIT.toSeconds(), TimeUnit.SECONDS);
      Subscribed second = Subscribed.open(kinesis, consumer, ShardIteratorType.LATEST);
      ExecutionException refused = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
          () -> second.done.get(WAIT.toSeconds(), TimeUnit.SECONDS));
      ResourceInUseException inUse = assertInstanceOf(ResourceInUseException.class, rootCause(refused));
      assertTrue(inUse.getMessage().startsWith("Another active subscription exists for this consumer: "
          + "000000000000:busy:shardId-000000000000:efo"), inUse.getMessage());

      first.cancel();
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (true) {
        Subscribed again = Subscribed.open(kinesis, consumer, ShardIteratorType.LATEST);
        try {
          again.responded.get(WAIT.toSeconds(), TimeUnit.SECONDS);
          again.cancel();
          return;
        } catch (ExecutionException e) {
          // The server frees the slot when the stream's reset reaches it; the cancel is asynchronous.
          assertInstanceOf(ResourceInUseException.class, rootCause(e));
          if (System.nanoTime() > deadline) {
            fail("the slot was not freed after the first subscription was cancelled");
          }
          Thread.sleep(50);
        }
      }
    }
  }

  @ParameterizedTest
  @MethodSource("ports")
  void stoppingTheServerEndsAnOpenSubscriptionNormallyAndPromptly(String port) throws Exception {
    try (KinesisAsyncClient kinesis = client(port)) {
      String consumer = streamWithConsumer(kinesis, "stopping");
      Subscribed subscribed = Subscribed.open(kinesis, consumer, ShardIteratorType.LATEST);
      subscribed.responded.get(WAIT.toSeconds(), TimeUnit.SECONDS);
      long started = System.nanoTime();
      server.close();
      assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(5)) < 0);
      subscribed.done.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }
  }

  private static Throwable rootCause(Throwable t) {
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t;
  }
}
