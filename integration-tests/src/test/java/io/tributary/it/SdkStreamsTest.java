package io.tributary.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.InvalidArgumentException;
import software.amazon.awssdk.services.kinesis.model.KinesisException;
import software.amazon.awssdk.services.kinesis.model.ListShardsResponse;
import software.amazon.awssdk.services.kinesis.model.ListStreamsResponse;
import software.amazon.awssdk.services.kinesis.model.ResourceInUseException;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import software.amazon.awssdk.services.kinesis.model.StreamDescription;
import software.amazon.awssdk.services.kinesis.model.StreamDescriptionSummary;
import software.amazon.awssdk.services.kinesis.model.StreamMode;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;
import software.amazon.awssdk.services.kinesis.model.ValidationException;

/** Stream lifecycle and errors through the AWS SDK for Java v2, in CBOR and in JSON. */
class SdkStreamsTest {
  private static final String ARN_PREFIX = "arn:aws:kinesis:us-east-1:000000000000:stream/";

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
  void createdStreamBecomesActiveWithFourEvenShards(WireEncoding encoding) {
    try (KinesisSdk sdk = encoding.connect(server.endpoint())) {
      String name = sdk.newStreamName("four-shards");

      StreamDescription stream = sdk.createActiveStream(name, 4);

      assertEquals(name, stream.streamName());
      assertEquals(ARN_PREFIX + name, stream.streamARN());
      assertEquals(StreamStatus.ACTIVE, stream.streamStatus());
      assertEquals(24, stream.retentionPeriodHours());
      assertFalse(stream.hasMoreShards());
      assertEvenShards(stream.shards());
      sdk.assertEveryExchangeUsedItsEncoding();
    }
  }

  @ParameterizedTest
  @EnumSource(WireEncoding.class)
  void summaryListStreamsAndListShardsAgreeWithDescribe(WireEncoding encoding) {
    try (KinesisSdk sdk = encoding.connect(server.endpoint())) {
      KinesisClient kinesis = sdk.client();
      String name = sdk.newStreamName("listed");
      StreamDescription described = sdk.createActiveStream(name, 4);

      StreamDescriptionSummary summary = kinesis.describeStreamSummary(b -> b.streamName(name))
          .streamDescriptionSummary();
      ListStreamsResponse listed = kinesis.listStreams(b -> b.limit(1000));
      ListShardsResponse shards = kinesis.listShards(b -> b.streamName(name));

      assertEquals(StreamStatus.ACTIVE, summary.streamStatus());
      assertEquals(4, summary.openShardCount());
      assertEquals(ARN_PREFIX + name, summary.streamARN());
      assertEquals(StreamMode.PROVISIONED, summary.streamModeDetails().streamMode());
      assertEquals(described.streamCreationTimestamp(), summary.streamCreationTimestamp());
      assertTrue(listed.streamNames().contains(name), listed.streamNames().toString());
      assertTrue(listed.streamSummaries().stream().anyMatch(s -> s.streamARN().equals(ARN_PREFIX + name)));
      assertEquals(described.shards(), shards.shards());
      assertEvenShards(shards.shards());
      sdk.assertEveryExchangeUsedItsEncoding();
    }
  }

  @ParameterizedTest
  @EnumSource(WireEncoding.class)
  void streamCanBeAddressedByItsArn(WireEncoding encoding) {
    try (KinesisSdk sdk = encoding.connect(server.endpoint())) {
      KinesisClient kinesis = sdk.client();
      String name = sdk.newStreamName("by-arn");
      String arn = sdk.createActiveStream(name, 1).streamARN();

      assertEquals(name, kinesis.describeStreamSummary(b -> b.streamARN(arn)).streamDescriptionSummary().streamName());
      String shardId = kinesis.putRecord(b -> b.streamARN(arn).partitionKey("k").data(SdkBytes.fromUtf8String("by arn")))
          .shardId();
      String iterator = kinesis.getShardIterator(b -> b.streamARN(arn).shardId(shardId)
          .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();

      assertEquals("by arn", kinesis.getRecords(b -> b.streamARN(arn).shardIterator(iterator))
          .records().get(0).data().asUtf8String());
      sdk.assertEveryExchangeUsedItsEncoding();
    }
  }

  @ParameterizedTest
  @EnumSource(WireEncoding.class)
  void deletedStreamIsNotFound(WireEncoding encoding) {
    try (KinesisSdk sdk = encoding.connect(server.endpoint())) {
      KinesisClient kinesis = sdk.client();
      String name = sdk.newStreamName("deleted");
      sdk.createActiveStream(name, 2);

      kinesis.deleteStream(b -> b.streamName(name));
      sdk.waiter().waitUntilStreamNotExists(b -> b.streamName(name));

      ResourceNotFoundException e = assertThrows(ResourceNotFoundException.class,
          () -> kinesis.describeStream(b -> b.streamName(name)));
      assertEquals("Stream " + name + " under account 000000000000 not found.", e.awsErrorDetails().errorMessage());
      assertThrows(ResourceNotFoundException.class,
          () -> kinesis.putRecord(b -> b.streamName(name).partitionKey("k").data(SdkBytes.fromUtf8String("x"))));
      assertFalse(kinesis.listStreams().streamNames().contains(name));
      sdk.assertEveryExchangeUsedItsEncoding();
    }
  }

  @ParameterizedTest
  @EnumSource(WireEncoding.class)
  void creatingAnExistingStreamFailsWithResourceInUse(WireEncoding encoding) {
    try (KinesisSdk sdk = encoding.connect(server.endpoint())) {
      String name = sdk.newStreamName("twice");
      sdk.createActiveStream(name, 1);

      ResourceInUseException e = assertThrows(ResourceInUseException.class,
          () -> sdk.client().createStream(b -> b.streamName(name).shardCount(1)));

      assertEquals(400, e.statusCode());
      assertEquals("ResourceInUseException", e.awsErrorDetails().errorCode());
      sdk.assertEveryExchangeUsedItsEncoding();
    }
  }

  @ParameterizedTest
  @EnumSource(WireEncoding.class)
  void missingStreamFailsWithResourceNotFound(WireEncoding encoding) {
    try (KinesisSdk sdk = encoding.connect(server.endpoint())) {
      String name = sdk.newStreamName("never-created");

      ResourceNotFoundException e = assertThrows(ResourceNotFoundException.class,
          () -> sdk.client().describeStreamSummary(b -> b.streamName(name)));

      assertEquals(400, e.statusCode());
      assertEquals("ResourceNotFoundException", e.awsErrorDetails().errorCode());
      assertEquals("Stream " + name + " under account 000000000000 not found.", e.awsErrorDetails().errorMessage());
      sdk.assertEveryExchangeUsedItsEncoding();
    }
  }

  @ParameterizedTest
  @EnumSource(WireEncoding.class)
  void sequenceTypeIteratorWithoutSequenceNumberFailsWithInvalidArgument(WireEncoding encoding) {
    try (KinesisSdk sdk = encoding.connect(server.endpoint())) {
      String name = sdk.newStreamName("invalid-argument");
      sdk.createActiveStream(name, 1);

      InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
          () -> sdk.client().getShardIterator(b -> b.streamName(name).shardId("shardId-000000000000")
              .shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER)));

      assertEquals(400, e.statusCode());
      assertEquals("InvalidArgumentException", e.awsErrorDetails().errorCode());
      sdk.assertEveryExchangeUsedItsEncoding();
    }
  }

  @ParameterizedTest
  @EnumSource(WireEncoding.class)
  void streamNameBreakingTheModelFailsWithValidationException(WireEncoding encoding) {
    try (KinesisSdk sdk = encoding.connect(server.endpoint())) {
      ValidationException e = assertThrows(ValidationException.class,
          () -> sdk.client().createStream(b -> b.streamName("no spaces allowed!").shardCount(1)));

      assertInstanceOf(KinesisException.class, e);
      assertEquals(400, e.statusCode());
      assertEquals("ValidationException", e.awsErrorDetails().errorCode());
      assertTrue(e.awsErrorDetails().errorMessage().contains("streamName"), e.awsErrorDetails().errorMessage());
      sdk.assertEveryExchangeUsedItsEncoding();
    }
  }

  /**
   * Asserts AWS's layout for a new stream: ids {@code shardId-000000000000} upwards, and the
   * 128-bit hash-key space split into equal contiguous ranges, the last ending at 2^128 - 1.
   */
  static void assertEvenShards(List<Shard> shards) {
    BigInteger space = BigInteger.ONE.shiftLeft(128);
    BigInteger count = BigInteger.valueOf(shards.size());
    for (int i = 0; i < shards.size(); i++) {
      Shard shard = shards.get(i);
      BigInteger start = space.multiply(BigInteger.valueOf(i)).divide(count);
      BigInteger end = space.multiply(BigInteger.valueOf(i + 1)).divide(count).subtract(BigInteger.ONE);
      assertEquals(String.format("shardId-%012d", i), shard.shardId());
      assertEquals(start.toString(), shard.hashKeyRange().startingHashKey(), shard.shardId() + " start");
      assertEquals(end.toString(), shard.hashKeyRange().endingHashKey(), shard.shardId() + " end");
      assertTrue(shard.sequenceNumberRange().startingSequenceNumber().matches("\\d{56}"),
          shard.sequenceNumberRange().startingSequenceNumber());
      assertEquals(null, shard.sequenceNumberRange().endingSequenceNumber());
      assertEquals(null, shard.parentShardId());
    }
  }
}
