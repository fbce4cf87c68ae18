package io.tributary.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import software.amazon.awssdk.services.kinesis.model.StreamDescription;
import software.amazon.awssdk.services.kinesis.waiters.KinesisWaiter;

/**
 * An AWS SDK {@link KinesisClient} in one {@link WireEncoding}, with the few multi-call steps
 * the tests share: create a stream and wait for it, read a shard to its end.
 *
 * <p>Thread-safe, as the SDK client is.
 */
final class KinesisSdk implements AutoCloseable {
  private final WireEncoding encoding;
  private final KinesisClient client;
  private final ExchangeRecorder recorder;
  private final KinesisWaiter waiter;

  KinesisSdk(WireEncoding encoding, KinesisClient client, ExchangeRecorder recorder) {
    this.encoding = encoding;
    this.client = client;
    this.recorder = recorder;
    // The SDK's waiters poll every 10 s, as suits AWS; these streams are ready in 50 ms.
    this.waiter = KinesisWaiter.builder()
        .client(client)
        .overrideConfiguration(o -> o
            .backoffStrategyV2(BackoffStrategy.fixedDelayWithoutJitter(Duration.ofMillis(100)))
            .maxAttempts(100))
        .build();
  }

  KinesisClient client() {
    return client;
  }

  /** The SDK's waiters, polling every 100 ms. */
  KinesisWaiter waiter() {
    return waiter;
  }

  /** A stream name no other test uses: {@code purpose-encoding-random}. */
  String newStreamName(String purpose) {
    return purpose + "-" + encoding.name().toLowerCase(Locale.ROOT) + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /**
   * Proves the encoding: at least one request was sent, and every request and response carried
   * this encoding's Content-Type.
   */
  void assertEveryExchangeUsedItsEncoding() {
    List<String> requests = recorder.requestContentTypes();
    assertFalse(requests.isEmpty(), "no request was sent");
    for (String type : requests) {
      assertEquals(encoding.contentType(), type, "request Content-Type");
    }
    for (String type : recorder.responseContentTypes()) {
      assertEquals(encoding.contentType(), type, "response Content-Type");
    }
  }

  /** Creates a PROVISIONED stream and waits with the SDK's StreamExists waiter until it is ACTIVE. */
  StreamDescription createActiveStream(String name, int shardCount) {
    client.createStream(b -> b.streamName(name).shardCount(shardCount));
    return waiter.waitUntilStreamExists(b -> b.streamName(name))
        .matched().response().orElseThrow(() -> new AssertionError("stream " + name + " never existed"))
        .streamDescription();
  }

  /** Every record of a shard from the given iterator type until the reader is caught up. */
  List<Record> readShard(String streamName, String shardId, ShardIteratorType type) {
    String iterator = client.getShardIterator(b -> b.streamName(streamName).shardId(shardId).shardIteratorType(type))
        .shardIterator();
    return readToEnd(iterator);
  }

  /** Calls GetRecords from {@code shardIterator} until a call returns nothing new. */
  List<Record> readToEnd(String shardIterator) {
    List<Record> records = new ArrayList<>();
    String iterator = shardIterator;
    while (iterator != null) {
      String current = iterator;
      GetRecordsResponse response = client.getRecords(b -> b.shardIterator(current));
      records.addAll(response.records());
      if (response.records().isEmpty() && response.millisBehindLatest() == 0) {
        break;
      }
      iterator = response.nextShardIterator();
    }
    return records;
  }

  @Override
  public void close() {
    waiter.close();
    client.close();
  }
}
