package io.tributary.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ConsumerStatus;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import software.amazon.awssdk.services.kinesis.model.SubscribeToShardEvent;
import software.amazon.awssdk.services.kinesis.model.SubscribeToShardEventStream;
import software.amazon.awssdk.services.kinesis.model.SubscribeToShardResponseHandler;

/**
 * Enhanced fan-out through the AWS SDK for Java v2's asynchronous client (Netty, HTTP/2 with
 * prior knowledge): a registered consumer subscribes to a shard, gets the records already there
 * and then the ones put while it listens. The control-plane calls run in CBOR and in JSON; the
 * SDK always sends SubscribeToShard itself in JSON, with the events in the event-stream encoding.
 */
class SubscribeToShardTest {
  private static final String SHARD_0 = "shardId-000000000000";

  @TempDir static Path dataDir;
  private static TributaryProcess server;

  @BeforeAll
  static void startServer() {
    server = TributaryProcess.start(dataDir);
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @ParameterizedTest
  @EnumSource(WireEncoding.class)
  void subscriberGetsStoredRecordsThenNewOnesInOrder(WireEncoding encoding) throws Exception {
    ExchangeRecorder asyncExchanges = new ExchangeRecorder();
    try (KinesisSdk sdk = encoding.connect(server.endpoint());
        KinesisAsyncClient async = encoding.connectAsync(server.endpoint(), asyncExchanges)) {
      KinesisClient kinesis = sdk.client();
      String name = sdk.newStreamName("fan-out");
      String streamArn = sdk.createActiveStream(name, 1).streamARN();
      String consumerArn = kinesis.registerStreamConsumer(b -> b.streamARN(streamArn).consumerName("reader"))
          .consumer().consumerARN();
      awaitActive(kinesis, consumerArn);
      List<String> sequenceNumbers = new ArrayList<>();
      for (String text : List.of("one", "two", "three")) {
        sequenceNumbers.add(put(kinesis, name, text));
      }

      RecordCollector collector = new RecordCollector();
      CompletableFuture<Void> subscription = async.subscribeToShard(
          b -> b.consumerARN(consumerArn).shardId(SHARD_0)
              .startingPosition(p -> p.type(ShardIteratorType.TRIM_HORIZON)),
          SubscribeToShardResponseHandler.builder().subscriber(() -> collector).build());
      collector.awaitRecords(3, subscription);
      for (String text : List.of("four", "five")) {
        sequenceNumbers.add(put(kinesis, name, text));
      }
      List<Record> received = collector.awaitRecords(5, subscription);
      collector.cancel();

      assertEquals(List.of("one", "two", "three", "four", "five"),
          received.stream().map(r -> r.data().asUtf8String()).toList());
      assertEquals(sequenceNumbers, received.stream().map(Record::sequenceNumber).toList());
      for (int i = 1; i < received.size(); i++) {
        assertTrue(new BigInteger(received.get(i - 1).sequenceNumber())
            .compareTo(new BigInteger(received.get(i).sequenceNumber())) < 0);
      }
      // The SDK sends SubscribeToShard in JSON even with CBOR on; the other calls used `encoding`.
      assertEquals(List.of(WireEncoding.JSON.contentType()), asyncExchanges.requestContentTypes());
      sdk.assertEveryExchangeUsedItsEncoding();
    }
  }

  private static String put(KinesisClient kinesis, String stream, String text) {
    return kinesis.putRecord(b -> b.streamName(stream).partitionKey("k").data(SdkBytes.fromUtf8String(text)))
        .sequenceNumber();
  }

  private static void awaitActive(KinesisClient kinesis, String consumerArn) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (kinesis.describeStreamConsumer(b -> b.consumerARN(consumerArn)).consumerDescription().consumerStatus()
        != ConsumerStatus.ACTIVE) {
      assertTrue(System.nanoTime() < deadline, "consumer " + consumerArn + " never became ACTIVE");
      Thread.sleep(50);
    }
  }

  /**
   * Collects the records of a subscription's events, asking for one event at a time.
   *
   * <p>Thread-safe: the SDK calls it on its event-loop threads, the test reads it.
   */
  private static final class RecordCollector implements Subscriber<SubscribeToShardEventStream> {
    private final List<Record> records = new ArrayList<>(); // guarded by this
    private Subscription subscription; // guarded by this
    private Throwable failure; // guarded by this

    @Override
    public synchronized void onSubscribe(Subscription s) {
      subscription = s;
      s.request(1);
    }

    @Override
    public synchronized void onNext(SubscribeToShardEventStream event) {
      if (event instanceof SubscribeToShardEvent shardEvent) {
        records.addAll(shardEvent.records());
        notifyAll();
      }
      subscription.request(1);
    }

    @Override
    public synchronized void onError(Throwable t) {
      failure = t;
      notifyAll();
    }

    @Override
    public synchronized void onComplete() {
      notifyAll();
    }

    /** Waits until at least {@code count} records arrived; fails on a subscription error. */
    synchronized List<Record> awaitRecords(int count, CompletableFuture<Void> subscription)
        throws InterruptedException {
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (records.size() < count) {
        if (failure != null) {
          throw new AssertionError("subscription failed", failure);
        }
        if (subscription.isCompletedExceptionally()) {
          throw new AssertionError("subscription ended: " + subscription);
        }
        long leftMillis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        assertTrue(leftMillis > 0, "only " + records.size() + " of " + count + " records arrived");
        wait(Math.min(leftMillis, 200));
      }
      return List.copyOf(records);
    }

    synchronized void cancel() {
      if (subscription != null) {
        subscription.cancel();
      }
    }
  }
}
