package io.tributary.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.AccessDeniedException;
import software.amazon.awssdk.services.kinesis.model.ListStreamsResponse;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import software.amazon.awssdk.services.kinesis.model.StreamSummary;

/**
 * Accounts and regions through the AWS SDK for Java v2, in CBOR and in JSON, against a server
 * started with {@code --access-key AKIDA=111111111111 --access-key AKIDB=222222222222}: the
 * access key of a request picks its account, the region of its signature picks its region, and
 * each (account, region) has its own streams, even of the same name.
 *
 * <p>Every test uses the stream name {@code orders}; each test deletes whatever it created.
 */
class AccountsTest {
  private static final String STREAM = "orders";
  private static final String SHARD_0 = "shardId-000000000000";
  private static final String KEY_A = "AKIDA";
  private static final String KEY_B = "AKIDB";
  private static final List<Region> REGIONS = List.of(Region.US_WEST_2, Region.EU_CENTRAL_1);

  @TempDir static Path dataDir;
  private static TributaryProcess server;

  @BeforeAll
  static void startServer() {
    server = TributaryProcess.start(dataDir,
        "--access-key", KEY_A + "=111111111111", "--access-key", KEY_B + "=222222222222");
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @AfterEach
  void deleteEveryOrdersStream() {
    for (String key : List.of(KEY_A, KEY_B)) {
      for (Region region : REGIONS) {
        try (KinesisSdk sdk = WireEncoding.JSON.connect(server.endpoint(), key, region)) {
          sdk.client().deleteStream(b -> b.streamName(STREAM));
          sdk.waiter().waitUntilStreamNotExists(b -> b.streamName(STREAM));
        } catch (ResourceNotFoundException e) {
          // Not created by this test.
        }
      }
    }
  }

  @ParameterizedTest
  @EnumSource(WireEncoding.class)
  void twoAccountsEachHaveTheirOwnOrdersStream(WireEncoding encoding) {
    try (KinesisSdk a = encoding.connect(server.endpoint(), KEY_A, Region.US_WEST_2);
        KinesisSdk b = encoding.connect(server.endpoint(), KEY_B, Region.EU_CENTRAL_1);
        KinesisSdk unmapped = encoding.connect(server.endpoint(), "AKIDUNMAPPED", Region.US_WEST_2)) {
      a.createActiveStream(STREAM, 1);
      b.createActiveStream(STREAM, 1);
      put(a.client(), "for account A");
      put(b.client(), "for account B");

      List<Record> readByA = a.readShard(STREAM, SHARD_0, ShardIteratorType.TRIM_HORIZON);
      List<Record> readByB = b.readShard(STREAM, SHARD_0, ShardIteratorType.TRIM_HORIZON);
      ListStreamsResponse listedByA = a.client().listStreams();
      ListStreamsResponse listedByB = b.client().listStreams();

      String arnA = "arn:aws:kinesis:us-west-2:111111111111:stream/orders";
      String arnB = "arn:aws:kinesis:eu-central-1:222222222222:stream/orders";
      assertEquals(List.of("for account A"), texts(readByA));
      assertEquals(List.of("for account B"), texts(readByB));
      assertEquals(List.of(STREAM), listedByA.streamNames());
      assertEquals(List.of(arnA), listedByA.streamSummaries().stream().map(StreamSummary::streamARN).toList());
      assertEquals(List.of(STREAM), listedByB.streamNames());
      assertEquals(List.of(arnB), listedByB.streamSummaries().stream().map(StreamSummary::streamARN).toList());
      assertEquals(arnA, streamArn(a.client()));
      assertEquals(arnB, streamArn(b.client()));
      assertFalse(unmapped.client().listStreams().streamNames().contains(STREAM),
          "a key mapped to no account sees the default account, which has no orders stream");
      a.assertEveryExchangeUsedItsEncoding();
      b.assertEveryExchangeUsedItsEncoding();
    }
  }

  @ParameterizedTest
  @EnumSource(WireEncoding.class)
  void oneAccountHasAnOrdersStreamPerRegion(WireEncoding encoding) {
    try (KinesisSdk oregon = encoding.connect(server.endpoint(), KEY_A, Region.US_WEST_2);
        KinesisSdk frankfurt = encoding.connect(server.endpoint(), KEY_A, Region.EU_CENTRAL_1)) {
      oregon.createActiveStream(STREAM, 1);

      List<String> listedInFrankfurtBefore = frankfurt.client().listStreams().streamNames();
      frankfurt.createActiveStream(STREAM, 2);
      put(oregon.client(), "written in Oregon");

      assertEquals(List.of(), listedInFrankfurtBefore);
      assertEquals("arn:aws:kinesis:us-west-2:111111111111:stream/orders", streamArn(oregon.client()));
      assertEquals("arn:aws:kinesis:eu-central-1:111111111111:stream/orders", streamArn(frankfurt.client()));
      assertEquals(1, oregon.client().describeStreamSummary(r -> r.streamName(STREAM)).streamDescriptionSummary()
          .openShardCount());
      assertEquals(2, frankfurt.client().describeStreamSummary(r -> r.streamName(STREAM)).streamDescriptionSummary()
          .openShardCount());
      assertEquals(List.of("written in Oregon"), texts(oregon.readShard(STREAM, SHARD_0, ShardIteratorType.TRIM_HORIZON)));
      assertEquals(List.of(), texts(frankfurt.readShard(STREAM, SHARD_0, ShardIteratorType.TRIM_HORIZON)));
      oregon.assertEveryExchangeUsedItsEncoding();
      frankfurt.assertEveryExchangeUsedItsEncoding();
    }
  }

  /**
   * AWS refuses a request naming another account's stream by ARN unless the stream's resource
   * policy allows the caller; Tributary evaluates no policies, so it always refuses.
   */
  @ParameterizedTest
  @EnumSource(WireEncoding.class)
  void namingAnotherAccountsStreamByArnIsAccessDenied(WireEncoding encoding) {
    try (KinesisSdk a = encoding.connect(server.endpoint(), KEY_A, Region.US_WEST_2);
        KinesisSdk b = encoding.connect(server.endpoint(), KEY_B, Region.US_WEST_2)) {
      a.createActiveStream(STREAM, 1);
      String arnOfB = b.createActiveStream(STREAM, 1).streamARN();

      AccessDeniedException describe = assertThrows(AccessDeniedException.class,
          () -> a.client().describeStreamSummary(r -> r.streamARN(arnOfB)));
      AccessDeniedException putRecord = assertThrows(AccessDeniedException.class,
          () -> a.client().putRecord(r -> r.streamARN(arnOfB).partitionKey("k").data(SdkBytes.fromUtf8String("x"))));

      assertEquals("arn:aws:kinesis:us-west-2:222222222222:stream/orders", arnOfB);
      assertEquals(400, describe.statusCode());
      assertEquals("AccessDeniedException", describe.awsErrorDetails().errorCode());
      assertEquals("User: arn:aws:iam::111111111111:root is not authorized to perform: kinesis:DescribeStreamSummary"
          + " on resource: " + arnOfB + " because no resource-based policy allows the"
          + " kinesis:DescribeStreamSummary action", describe.awsErrorDetails().errorMessage());
      assertEquals("AccessDeniedException", putRecord.awsErrorDetails().errorCode());
      assertEquals(List.of(), texts(b.readShard(STREAM, SHARD_0, ShardIteratorType.TRIM_HORIZON)),
          "nothing reached B's stream");
      a.assertEveryExchangeUsedItsEncoding();
    }
  }

  private static void put(KinesisClient kinesis, String text) {
    kinesis.putRecord(r -> r.streamName(STREAM).partitionKey("k").data(SdkBytes.fromUtf8String(text)));
  }

  private static String streamArn(KinesisClient kinesis) {
    return kinesis.describeStreamSummary(r -> r.streamName(STREAM)).streamDescriptionSummary().streamARN();
  }

  private static List<String> texts(List<Record> records) {
    return records.stream().map(r -> r.data().asUtf8String()).toList();
  }
}
