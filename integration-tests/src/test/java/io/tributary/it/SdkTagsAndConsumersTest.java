package io.tributary.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.Consumer;
import software.amazon.awssdk.services.kinesis.model.ConsumerDescription;
import software.amazon.awssdk.services.kinesis.model.ConsumerStatus;
import software.amazon.awssdk.services.kinesis.model.ListTagsForStreamResponse;
import software.amazon.awssdk.services.kinesis.model.ResourceInUseException;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.model.Tag;

/** Stream tags and enhanced fan-out consumers through the AWS SDK for Java v2, in CBOR and in JSON. */
class SdkTagsAndConsumersTest {
  /** How often, and how many times, DescribeStreamConsumer is asked whether a consumer is ACTIVE yet. */
  private static final long POLL_MILLIS = 50;
  private static final int POLLS = 200;

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
  void tagsAreListedInKeyOrderPageByPage(WireEncoding encoding) {
    try (KinesisSdk sdk = encoding.connect(server.endpoint())) {
      KinesisClient kinesis = sdk.client();
      String name = sdk.newStreamName("tags");
      sdk.createActiveStream(name, 1);
      Map<String, String> tags = new TreeMap<>();
      for (int i = 0; i < 12; i++) {
        tags.put(String.format("team-%02d", 11 - i), "value " + i);
      }

      kinesis.addTagsToStream(b -> b.streamName(name).tags(tags));
      List<List<String>> pageKeys = new ArrayList<>();
      Map<String, String> listed = new LinkedHashMap<>();
      String after = null;
      boolean more = true;
      while (more) {
        String exclusiveStart = after;
        ListTagsForStreamResponse page = kinesis.listTagsForStream(b -> b.streamName(name).limit(5)
            .exclusiveStartTagKey(exclusiveStart));
        page.tags().forEach(t -> listed.put(t.key(), t.value()));
        pageKeys.add(page.tags().stream().map(Tag::key).toList());
        more = page.hasMoreTags();
        after = page.tags().get(page.tags().size() - 1).key();
      }

      assertEquals(List.of(5, 5, 2), pageKeys.stream().map(List::size).toList(), pageKeys.toString());
      assertEquals(new ArrayList<>(tags.keySet()), new ArrayList<>(listed.keySet()), "every key once, in key order");
      assertEquals(tags, listed);
      sdk.assertEveryExchangeUsedItsEncoding();
    }
  }

  @ParameterizedTest
  @EnumSource(WireEncoding.class)
  void consumerIsRegisteredDescribedListedAndDeregistered(WireEncoding encoding) throws InterruptedException {
    try (KinesisSdk sdk = encoding.connect(server.endpoint())) {
      KinesisClient kinesis = sdk.client();
      String name = sdk.newStreamName("consumers");
      String streamArn = sdk.createActiveStream(name, 1).streamARN();

      Consumer registered = kinesis.registerStreamConsumer(b -> b.streamARN(streamArn).consumerName("fan-out"))
          .consumer();
      ConsumerDescription active = awaitActive(kinesis, registered.consumerARN());
      ConsumerDescription byName = kinesis.describeStreamConsumer(b -> b.streamARN(streamArn).consumerName("fan-out"))
          .consumerDescription();
      List<Consumer> listed = kinesis.listStreamConsumers(b -> b.streamARN(streamArn)).consumers();
      kinesis.deregisterStreamConsumer(b -> b.consumerARN(registered.consumerARN()));
      awaitGone(kinesis, registered.consumerARN());
      List<Consumer> listedAfter = kinesis.listStreamConsumers(b -> b.streamARN(streamArn)).consumers();

      assertEquals(ConsumerStatus.CREATING, registered.consumerStatus());
      assertTrue(registered.consumerARN().startsWith(streamArn + "/consumer/fan-out:"), registered.consumerARN());
      assertEquals(registered.consumerARN(), active.consumerARN());
      assertEquals(streamArn, active.streamARN());
      assertEquals(active, byName);
      assertEquals(List.of(registered.consumerARN()), listed.stream().map(Consumer::consumerARN).toList());
      assertEquals(ConsumerStatus.ACTIVE, listed.get(0).consumerStatus());
      assertEquals(List.of(), listedAfter);
      sdk.assertEveryExchangeUsedItsEncoding();
    }
  }

  @ParameterizedTest
  @EnumSource(WireEncoding.class)
  void streamWithConsumersIsDeletedOnlyWithEnforceConsumerDeletion(WireEncoding encoding) throws InterruptedException {
    try (KinesisSdk sdk = encoding.connect(server.endpoint())) {
      KinesisClient kinesis = sdk.client();
      String name = sdk.newStreamName("enforced");
      String streamArn = sdk.createActiveStream(name, 1).streamARN();
      String consumerArn = kinesis.registerStreamConsumer(b -> b.streamARN(streamArn).consumerName("reader"))
          .consumer().consumerARN();
      awaitActive(kinesis, consumerArn);

      ResourceInUseException refused = assertThrows(ResourceInUseException.class,
          () -> kinesis.deleteStream(b -> b.streamName(name).enforceConsumerDeletion(false)));
      boolean existsAfterRefusal = kinesis.listStreams().streamNames().contains(name);
      kinesis.deleteStream(b -> b.streamName(name).enforceConsumerDeletion(true));
      sdk.waiter().waitUntilStreamNotExists(b -> b.streamName(name));

      assertEquals(400, refused.statusCode());
      assertEquals("ResourceInUseException", refused.awsErrorDetails().errorCode());
      assertTrue(existsAfterRefusal);
      assertThrows(ResourceNotFoundException.class, () -> kinesis.describeStreamConsumer(b -> b.consumerARN(consumerArn)));
      sdk.assertEveryExchangeUsedItsEncoding();
    }
  }

  /** Polls DescribeStreamConsumer until the consumer is ACTIVE; the SDK has no waiter for consumers. */
  private static ConsumerDescription awaitActive(KinesisClient kinesis, String consumerArn) throws InterruptedException {
    for (int i = 0; i < POLLS; i++) {
      ConsumerDescription consumer = kinesis.describeStreamConsumer(b -> b.consumerARN(consumerArn))
          .consumerDescription();
      if (consumer.consumerStatus() == ConsumerStatus.ACTIVE) {
        return consumer;
      }
      assertEquals(ConsumerStatus.CREATING, consumer.consumerStatus());
      Thread.sleep(POLL_MILLIS);
    }
    throw new AssertionError(consumerArn + " never became ACTIVE");
  }

  /** Polls DescribeStreamConsumer until the consumer is gone (ResourceNotFoundException). */
  private static void awaitGone(KinesisClient kinesis, String consumerArn) throws InterruptedException {
    for (int i = 0; i < POLLS; i++) {
      try {
        ConsumerStatus status = kinesis.describeStreamConsumer(b -> b.consumerARN(consumerArn))
            .consumerDescription().consumerStatus();
        assertEquals(ConsumerStatus.DELETING, status);
      } catch (ResourceNotFoundException e) {
        return;
      }
      Thread.sleep(POLL_MILLIS);
    }
    throw new AssertionError(consumerArn + " was never deregistered");
  }
}
