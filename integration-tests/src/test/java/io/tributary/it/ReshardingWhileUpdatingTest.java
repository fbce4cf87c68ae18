package io.tributary.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ResourceInUseException;
import software.amazon.awssdk.services.kinesis.model.ScalingType;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

/**
 * A stream being resharded refuses another reshard until it is ACTIVE again, with the SDK's
 * ResourceInUseException, as AWS does ("not ACTIVE, instead in state UPDATING").
 *
 * <p>The server keeps streams UPDATING for 1.5 s, far longer than the few local calls made
 * meanwhile; DescribeStreamSummary before and after each refused call shows the stream was
 * UPDATING throughout, so the refusal cannot be put down to anything else.
 */
class ReshardingWhileUpdatingTest {
  private static final Duration UPDATING_FOR = Duration.ofMillis(1500);
  private static final String SHARD_0 = "shardId-000000000000";
  private static final String SHARD_1 = "shardId-000000000001";

  @TempDir static Path dataDir;
  private static TributaryProcess server;

  @BeforeAll
  static void startServer() {
    server = TributaryProcess.start(dataDir, UPDATING_FOR);
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @ParameterizedTest
  @EnumSource(WireEncoding.class)
  void reshardingAnUpdatingStreamFailsWithResourceInUseUntilItIsActiveAgain(WireEncoding encoding) {
    try (KinesisSdk sdk = encoding.connect(server.endpoint())) {
      KinesisClient kinesis = sdk.client();
      String name = sdk.newStreamName("updating");
      sdk.createActiveStream(name, 2);
      String quarter = BigInteger.ONE.shiftLeft(126).toString();
      String threeQuarters = BigInteger.valueOf(3).shiftLeft(126).toString();

      kinesis.splitShard(b -> b.streamName(name).shardToSplit(SHARD_0).newStartingHashKey(quarter));
      StreamStatus before = status(kinesis, name);
      ResourceInUseException split = assertThrows(ResourceInUseException.class,
          () -> kinesis.splitShard(b -> b.streamName(name).shardToSplit(SHARD_1).newStartingHashKey(threeQuarters)));
      ResourceInUseException update = assertThrows(ResourceInUseException.class,
          () -> kinesis.updateShardCount(b -> b.streamName(name).targetShardCount(4)
              .scalingType(ScalingType.UNIFORM_SCALING)));
      StreamStatus after = status(kinesis, name);
      sdk.waiter().waitUntilStreamExists(b -> b.streamName(name));
      kinesis.splitShard(b -> b.streamName(name).shardToSplit(SHARD_1).newStartingHashKey(threeQuarters));

      assertEquals(StreamStatus.UPDATING, before);
      assertEquals(StreamStatus.UPDATING, after);
      for (ResourceInUseException e : List.of(split, update)) {
        assertEquals(400, e.statusCode());
        assertEquals("ResourceInUseException", e.awsErrorDetails().errorCode());
        assertTrue(e.awsErrorDetails().errorMessage().contains("UPDATING"), e.awsErrorDetails().errorMessage());
      }
      assertEquals(4, kinesis.describeStreamSummary(b -> b.streamName(name)).streamDescriptionSummary()
          .openShardCount());
      sdk.assertEveryExchangeUsedItsEncoding();
    }
  }

  private static StreamStatus status(KinesisClient kinesis, String name) {
    return kinesis.describeStreamSummary(b -> b.streamName(name)).streamDescriptionSummary().streamStatus();
  }
}
