package io.tributary.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.core.Broker;
import io.tributary.core.BrokerConfig;
import io.tributary.http.KinesisHttpServer;
import io.tributary.http.KinesisHttpServer.HttpServerConfig;
import io.tributary.storage.ShardLogId;
import io.tributary.storage.StoredRecord;
import io.tributary.storage.rocksdb.RocksDbStoreConfig;
import io.tributary.storage.rocksdb.RocksDbStreamStore;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.InvalidArgumentException;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

/**
 * Retention through the AWS SDK for Java v2, in CBOR and in JSON: records older than the
 * stream's retention period are no longer returned, maintenance deletes them from disk, a closed
 * shard whose records have all expired leaves the stream, and the period changes within AWS's
 * bounds of 24 to 8,760 hours.
 *
 * <p>A day must pass, so the broker runs in the test JVM on a {@link MutableClock} that the test
 * moves: a real RocksDB store in a temporary directory, a real HTTP server on a free port, and
 * {@link Broker#runMaintenance()} called by the test where {@code tributary serve} would call it
 * every few seconds.
 */
class RetentionTest {
  private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
  /** Longer than the 500 ms a stream of {@link BrokerConfig#defaults()} stays CREATING or UPDATING. */
  private static final Duration UNTIL_ACTIVE = Duration.ofSeconds(1);
  private static final String SHARD_0 = "shardId-000000000000";

  @TempDir Path dataDir;
  private final MutableClock clock = new MutableClock(START);
  private RocksDbStreamStore store;
  private Broker broker;
  private KinesisHttpServer server;

  @BeforeEach
  void startBroker() {
    store = RocksDbStreamStore.open(RocksDbStoreConfig.defaults(dataDir).withClock(clock));
    broker = new Broker(store, BrokerConfig.defaults(), clock);
    server = KinesisHttpServer.start(HttpServerConfig.defaults("127.0.0.1", 0), broker);
  }

  @AfterEach
  void stopBroker() {
    if (server != null) {
      server.close();
    }
    if (store != null) {
      store.close();
    }
  }

  @ParameterizedTest
  @EnumSource(WireEncoding.class)
  void expiredRecordsAreHiddenAtOnceAndDeletedFromDiskByMaintenance(WireEncoding encoding) {
    try (KinesisSdk sdk = encoding.connect(endpoint())) {
      KinesisClient kinesis = sdk.client();
      createActiveStream(kinesis, "retained", 1);
      put(kinesis, "retained", "old-1");
      put(kinesis, "retained", "old-2");
      clock.advance(Duration.ofHours(23));
      String young = put(kinesis, "retained", "young");
      clock.advance(Duration.ofHours(1).plusSeconds(1));

      List<String> readAfterADay = texts(sdk.readShard("retained", SHARD_0, ShardIteratorType.TRIM_HORIZON));
      List<String> storedBeforeMaintenance = storedTexts();
      broker.runMaintenance();
      List<String> storedAfterMaintenance = storedTexts();
      clock.advance(Duration.ofHours(23));
      List<String> readWhenAllExpired = texts(sdk.readShard("retained", SHARD_0, ShardIteratorType.TRIM_HORIZON));
      broker.runMaintenance();
      List<String> storedWhenAllExpired = storedTexts();
      String later = put(kinesis, "retained", "later");

      assertEquals(List.of("young"), readAfterADay);
      assertEquals(List.of("old-1", "old-2", "young"), storedBeforeMaintenance, "hidden, not yet deleted");
      assertEquals(List.of("young"), storedAfterMaintenance);
      assertEquals(List.of(), readWhenAllExpired);
      assertEquals(List.of(), storedWhenAllExpired);
      assertEquals(List.of("later"), texts(sdk.readShard("retained", SHARD_0, ShardIteratorType.TRIM_HORIZON)));
      assertTrue(new BigInteger(later).compareTo(new BigInteger(young)) > 0,
          "sequence numbers keep growing after a full trim: " + young + " then " + later);
      sdk.assertEveryExchangeUsedItsEncoding();
    }
  }

  @ParameterizedTest
  @EnumSource(WireEncoding.class)
  void fullyExpiredClosedShardLeavesListShardsAfterMaintenance(WireEncoding encoding) {
    try (KinesisSdk sdk = encoding.connect(endpoint())) {
      KinesisClient kinesis = sdk.client();
      createActiveStream(kinesis, "resharded", 1);
      put(kinesis, "resharded", "in the parent");
      kinesis.splitShard(b -> b.streamName("resharded").shardToSplit(SHARD_0)
          .newStartingHashKey(BigInteger.ONE.shiftLeft(127).toString()));
      clock.advance(UNTIL_ACTIVE);
      assertEquals(StreamStatus.ACTIVE, status(kinesis, "resharded"));
      put(kinesis, "resharded", "in a child");
      clock.advance(Duration.ofHours(25));

      List<String> listedBefore = shardIds(kinesis.listShards(b -> b.streamName("resharded")).shards());
      String iterator = kinesis.getShardIterator(b -> b.streamName("resharded").shardId(SHARD_0)
          .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
      GetRecordsResponse endOfParent = kinesis.getRecords(b -> b.shardIterator(iterator));
      Set<ShardLogId> logsBefore = store.shardLogIds();
      broker.runMaintenance();
      List<Shard> listedAfter = kinesis.listShards(b -> b.streamName("resharded")).shards();
      List<Shard> describedAfter = kinesis.describeStream(b -> b.streamName("resharded")).streamDescription().shards();
      Set<ShardLogId> logsAfter = store.shardLogIds();
      LineageReader.Result readAfter = new LineageReader(kinesis, "resharded", 100).readAll(listedAfter);

      assertEquals(List.of(SHARD_0, "shardId-000000000001", "shardId-000000000002"), listedBefore);
      assertEquals(List.of(), endOfParent.records());
      assertNull(endOfParent.nextShardIterator());
      assertEquals(List.of("shardId-000000000001", "shardId-000000000002"),
          endOfParent.childShards().stream().map(c -> c.shardId()).toList());
      assertEquals(List.of("shardId-000000000001", "shardId-000000000002"), shardIds(listedAfter));
      assertEquals(listedAfter, describedAfter);
      for (Shard child : listedAfter) {
        assertEquals(SHARD_0, child.parentShardId(), "a child still names its expired parent, as on AWS");
      }
      assertEquals(List.of("shardId-000000000001", "shardId-000000000002"), readAfter.shardOrder(),
          "a reader starts from the children once their parent has expired");
      assertEquals(List.of(), readAfter.records());
      assertThrows(ResourceNotFoundException.class, () -> kinesis.getShardIterator(b -> b.streamName("resharded")
          .shardId(SHARD_0).shardIteratorType(ShardIteratorType.TRIM_HORIZON)));
      assertEquals(3, logsBefore.size());
      assertEquals(2, logsAfter.size());
      assertTrue(logsBefore.containsAll(logsAfter));
      // ShardLogId documents the broker's names: shard/<streamUid>/<shardIndex>.
      assertTrue(logsBefore.stream().filter(id -> !logsAfter.contains(id)).allMatch(id -> id.value().endsWith("/0")),
          "the parent's log was dropped: " + logsBefore + " -> " + logsAfter);
      sdk.assertEveryExchangeUsedItsEncoding();
    }
  }

  @ParameterizedTest
  @EnumSource(WireEncoding.class)
  void retentionPeriodChangesWithinAwsBoundsOf24To8760Hours(WireEncoding encoding) {
    try (KinesisSdk sdk = encoding.connect(endpoint())) {
      KinesisClient kinesis = sdk.client();
      createActiveStream(kinesis, "bounds", 1);

      InvalidArgumentException tooShort = assertThrows(InvalidArgumentException.class,
          () -> kinesis.decreaseStreamRetentionPeriod(b -> b.streamName("bounds").retentionPeriodHours(23)));
      InvalidArgumentException tooLong = assertThrows(InvalidArgumentException.class,
          () -> kinesis.increaseStreamRetentionPeriod(b -> b.streamName("bounds").retentionPeriodHours(8761)));
      kinesis.increaseStreamRetentionPeriod(b -> b.streamName("bounds").retentionPeriodHours(8760));
      int longest = retentionHours(kinesis, "bounds");
      InvalidArgumentException increaseDownwards = assertThrows(InvalidArgumentException.class,
          () -> kinesis.increaseStreamRetentionPeriod(b -> b.streamName("bounds").retentionPeriodHours(48)));
      kinesis.decreaseStreamRetentionPeriod(b -> b.streamName("bounds").retentionPeriodHours(24));
      int shortest = retentionHours(kinesis, "bounds");

      assertEquals(400, tooShort.statusCode());
      assertEquals("InvalidArgumentException", tooShort.awsErrorDetails().errorCode());
      assertEquals("Minimum allowed retention period is 24 hours. Requested retention period (23 hours) is too short.",
          tooShort.awsErrorDetails().errorMessage());
      assertEquals("Maximum allowed retention period is 8760 hours. Requested retention period (8761 hours) is too"
          + " long.", tooLong.awsErrorDetails().errorMessage());
      assertTrue(increaseDownwards.awsErrorDetails().errorMessage().contains("Use DecreaseRetentionPeriod API"),
          increaseDownwards.awsErrorDetails().errorMessage());
      assertEquals(8760, longest);
      assertEquals(24, shortest);
      sdk.assertEveryExchangeUsedItsEncoding();
    }
  }

  @ParameterizedTest
  @EnumSource(WireEncoding.class)
  void decreasingRetentionHidesOlderRecordsAtOnce(WireEncoding encoding) {
    try (KinesisSdk sdk = encoding.connect(endpoint())) {
      KinesisClient kinesis = sdk.client();
      createActiveStream(kinesis, "decreased", 1);
      kinesis.increaseStreamRetentionPeriod(b -> b.streamName("decreased").retentionPeriodHours(48));
      put(kinesis, "decreased", "thirty hours old");
      clock.advance(Duration.ofHours(30));

      List<String> keptFor48Hours = texts(sdk.readShard("decreased", SHARD_0, ShardIteratorType.TRIM_HORIZON));
      kinesis.decreaseStreamRetentionPeriod(b -> b.streamName("decreased").retentionPeriodHours(24));
      List<String> keptFor24Hours = texts(sdk.readShard("decreased", SHARD_0, ShardIteratorType.TRIM_HORIZON));

      assertEquals(List.of("thirty hours old"), keptFor48Hours);
      assertEquals(List.of(), keptFor24Hours);
      sdk.assertEveryExchangeUsedItsEncoding();
    }
  }

  /**
   * AWS: IncreaseStreamRetentionPeriod "does not make previous, expired data (older than the
   * stream's previous retention period) accessible after the operation has been called", whether
   * or not it has been deleted yet.
   */
  @ParameterizedTest
  @EnumSource(WireEncoding.class)
  void increasingRetentionDoesNotBringBackExpiredRecords(WireEncoding encoding) {
    try (KinesisSdk sdk = encoding.connect(endpoint())) {
      KinesisClient kinesis = sdk.client();
      createActiveStream(kinesis, "increased", 1);
      put(kinesis, "increased", "expired");
      clock.advance(Duration.ofHours(25));
      List<String> expired = texts(sdk.readShard("increased", SHARD_0, ShardIteratorType.TRIM_HORIZON));

      kinesis.increaseStreamRetentionPeriod(b -> b.streamName("increased").retentionPeriodHours(48));
      List<String> afterIncrease = texts(sdk.readShard("increased", SHARD_0, ShardIteratorType.TRIM_HORIZON));

      assertEquals(List.of(), expired);
      assertEquals(List.of(), afterIncrease, "an expired record came back after IncreaseStreamRetentionPeriod");
      sdk.assertEveryExchangeUsedItsEncoding();
    }
  }

  private URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.port());
  }

  /** Creates a stream and moves the clock past its CREATING period. */
  private void createActiveStream(KinesisClient kinesis, String name, int shardCount) {
    kinesis.createStream(b -> b.streamName(name).shardCount(shardCount));
    clock.advance(UNTIL_ACTIVE);
    assertEquals(StreamStatus.ACTIVE, status(kinesis, name));
  }

  /** Puts one record and returns its sequence number. */
  private static String put(KinesisClient kinesis, String name, String text) {
    return kinesis.putRecord(b -> b.streamName(name).partitionKey("k").data(SdkBytes.fromUtf8String(text)))
        .sequenceNumber();
  }

  /** The data of every record still in any shard log on disk, read from sequence 0. */
  private List<String> storedTexts() {
    List<String> texts = new ArrayList<>();
    for (ShardLogId id : store.shardLogIds()) {
      for (StoredRecord record : store.shardLog(id).orElseThrow().read(0, 10_000, Long.MAX_VALUE)) {
        texts.add(new String(record.data(), StandardCharsets.UTF_8));
      }
    }
    return texts;
  }

  private static StreamStatus status(KinesisClient kinesis, String name) {
    return kinesis.describeStreamSummary(b -> b.streamName(name)).streamDescriptionSummary().streamStatus();
  }

  private static int retentionHours(KinesisClient kinesis, String name) {
    return kinesis.describeStreamSummary(b -> b.streamName(name)).streamDescriptionSummary().retentionPeriodHours();
  }

  private static List<String> texts(List<Record> records) {
    return records.stream().map(r -> r.data().asUtf8String()).toList();
  }

  private static List<String> shardIds(List<Shard> shards) {
    return shards.stream().map(Shard::shardId).toList();
  }
}
