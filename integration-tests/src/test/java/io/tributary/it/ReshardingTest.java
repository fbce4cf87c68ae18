package io.tributary.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.InvalidArgumentException;
import software.amazon.awssdk.services.kinesis.model.ListShardsRequest;
import software.amazon.awssdk.services.kinesis.model.ListShardsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.ScalingType;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardFilterType;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;
import software.amazon.awssdk.services.kinesis.model.UpdateShardCountResponse;

/**
 * Resharding through the AWS SDK for Java v2, in CBOR and in JSON, against a real server process:
 * a reader that follows the shard lineage as the Kinesis Client Library does gets every record
 * exactly once and in order, ListShards filters and pages the stream's history, and bad reshards
 * get AWS's typed errors.
 *
 * <p>The server's streams stay UPDATING for 50 ms after a reshard; the SDK's StreamExists waiter
 * (which waits for ACTIVE) runs between reshards.
 */
class ReshardingTest {
  private static final BigInteger HASH_SPACE = BigInteger.ONE.shiftLeft(128);
  private static final int PARTITION_KEYS = 24;

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
  void lineageReaderGetsEveryRecordOnceInWriteOrderAcrossSplitMergeAndUpdateShardCount(WireEncoding encoding) {
    try (KinesisSdk sdk = encoding.connect(server.endpoint())) {
      KinesisClient kinesis = sdk.client();
      String name = sdk.newStreamName("lineage");
      sdk.createActiveStream(name, 2);
      int round = 0;
      writeRound(kinesis, name, round++);

      // shardId-0 (the lower half) splits at a quarter: 2 [0, 1/4) and 3 [1/4, 1/2).
      reshard(sdk, name, k -> k.splitShard(b -> b.streamName(name).shardToSplit(shardId(0))
          .newStartingHashKey(HASH_SPACE.shiftRight(2).toString())));
      writeRound(kinesis, name, round++);
      // 3 and 1 (the upper half) merge: 4 [1/4, 1), a child of two generations.
      reshard(sdk, name, k -> k.mergeShards(b -> b.streamName(name).shardToMerge(shardId(3))
          .adjacentShardToMerge(shardId(1))));
      writeRound(kinesis, name, round++);
      UpdateShardCountResponse up = updateShardCount(sdk, name, 4);
      writeRound(kinesis, name, round++);
      UpdateShardCountResponse down = updateShardCount(sdk, name, 3);
      writeRound(kinesis, name, round++);

      List<Shard> shards = listAllShards(kinesis, name);
      LineageReader.Result read = new LineageReader(kinesis, name, 7).readAll(shards);

      assertEquals(2, up.currentShardCount());
      assertEquals(4, up.targetShardCount());
      assertEquals(4, down.currentShardCount());
      assertEquals(3, down.targetShardCount());
      assertEvenlyCovered(openShards(shards), 3);
      assertEquals(new HashSet<>(shardIds(shards)), new HashSet<>(read.shardOrder()),
          "ChildShards led the reader to every shard of the stream");
      assertEquals(shards.size(), read.shardOrder().size(), "each shard read once: " + read.shardOrder());
      for (Shard shard : shards) {
        boolean closed = shard.sequenceNumberRange().endingSequenceNumber() != null;
        assertEquals(closed, read.childrenByClosedShard().containsKey(shard.shardId()),
            shard.shardId() + " closed=" + closed + ", yet its last GetRecords said otherwise");
        for (String parent : parentsOf(shard)) {
          assertTrue(read.shardOrder().indexOf(parent) < read.shardOrder().indexOf(shard.shardId()),
              "parent " + parent + " read before child " + shard.shardId() + ": " + read.shardOrder());
        }
      }
      Map<String, List<Integer>> roundsByKey = new HashMap<>();
      for (Record record : read.records()) {
        String[] keyAndRound = record.data().asUtf8String().split("#");
        assertEquals(keyAndRound[0], record.partitionKey());
        roundsByKey.computeIfAbsent(record.partitionKey(), k -> new ArrayList<>()).add(Integer.parseInt(keyAndRound[1]));
      }
      assertEquals(PARTITION_KEYS, roundsByKey.size());
      List<Integer> everyRoundOnceInOrder = IntStream.range(0, round).boxed().toList();
      roundsByKey.forEach((key, rounds) -> assertEquals(everyRoundOnceInOrder, rounds, "rounds read for " + key));
      assertEquals(PARTITION_KEYS * round, read.records().size());
      sdk.assertEveryExchangeUsedItsEncoding();
    }
  }

  @ParameterizedTest
  @EnumSource(WireEncoding.class)
  void listShardsFiltersTheHistoryAndPagesWithNextTokenAlone(WireEncoding encoding) {
    try (KinesisSdk sdk = encoding.connect(server.endpoint())) {
      KinesisClient kinesis = sdk.client();
      String name = sdk.newStreamName("filters");
      splitThenMerge(sdk, name);

      List<String> atLatest = shardIds(kinesis.listShards(b -> b.streamName(name)
          .shardFilter(f -> f.type(ShardFilterType.AT_LATEST))).shards());
      List<String> afterShard1 = shardIds(kinesis.listShards(b -> b.streamName(name)
          .shardFilter(f -> f.type(ShardFilterType.AFTER_SHARD_ID).shardId(shardId(1)))).shards());
      List<String> fromTrimHorizon = shardIds(kinesis.listShards(b -> b.streamName(name)
          .shardFilter(f -> f.type(ShardFilterType.FROM_TRIM_HORIZON))).shards());
      List<String> atTrimHorizon = shardIds(kinesis.listShards(b -> b.streamName(name)
          .shardFilter(f -> f.type(ShardFilterType.AT_TRIM_HORIZON))).shards());
      List<List<String>> pages = pagesOf(kinesis, ListShardsRequest.builder().streamName(name).maxResults(2).build());

      assertEquals(List.of(shardId(2), shardId(4)), atLatest, "AT_LATEST lists the open shards only");
      assertEquals(List.of(shardId(2), shardId(3), shardId(4)), afterShard1);
      assertEquals(shardIds(0, 1, 2, 3, 4), fromTrimHorizon);
      assertEquals(List.of(shardId(0), shardId(1)), atTrimHorizon, "the shards open at the stream's creation");
      assertEquals(List.of(shardIds(0, 1), shardIds(2, 3), shardIds(4)), pages);
      sdk.assertEveryExchangeUsedItsEncoding();
    }
  }

  /**
   * A filtered listing continues with its {@code NextToken} alone: the Kinesis Client Library's
   * {@code KinesisShardDetector} sends the {@code ShardFilter} with the first ListShards call only
   * and then just the token, which the API reference says "unambiguously identifies the stream".
   * The token must carry the filter too, or later pages list shards the filter excludes.
   */
  @ParameterizedTest
  @EnumSource(WireEncoding.class)
  void filteredListShardsContinuedWithNextTokenAloneKeepsTheFilter(WireEncoding encoding) {
    try (KinesisSdk sdk = encoding.connect(server.endpoint())) {
      KinesisClient kinesis = sdk.client();
      String name = sdk.newStreamName("filtered-pages");
      splitThenMerge(sdk, name);

      List<List<String>> pages = pagesOf(kinesis, ListShardsRequest.builder().streamName(name).maxResults(1)
          .shardFilter(f -> f.type(ShardFilterType.AT_LATEST)).build());

      assertEquals(List.of(List.of(shardId(2)), List.of(shardId(4))), pages);
      sdk.assertEveryExchangeUsedItsEncoding();
    }
  }

  @ParameterizedTest
  @EnumSource(WireEncoding.class)
  void splitAtAKeyNotInsideTheShardFailsWithInvalidArgument(WireEncoding encoding) {
    try (KinesisSdk sdk = encoding.connect(server.endpoint())) {
      KinesisClient kinesis = sdk.client();
      String name = sdk.newStreamName("bad-split");
      sdk.createActiveStream(name, 2);
      String upperHalf = HASH_SPACE.shiftRight(1).toString();

      InvalidArgumentException atItsStart = assertThrows(InvalidArgumentException.class,
          () -> kinesis.splitShard(b -> b.streamName(name).shardToSplit(shardId(0)).newStartingHashKey("0")));
      InvalidArgumentException inTheNextShard = assertThrows(InvalidArgumentException.class,
          () -> kinesis.splitShard(b -> b.streamName(name).shardToSplit(shardId(0)).newStartingHashKey(upperHalf)));

      for (InvalidArgumentException e : List.of(atItsStart, inTheNextShard)) {
        assertEquals(400, e.statusCode());
        assertEquals("InvalidArgumentException", e.awsErrorDetails().errorCode());
        assertTrue(e.awsErrorDetails().errorMessage().contains("NewStartingHashKey"), e.awsErrorDetails().errorMessage());
      }
      assertEquals(shardIds(0, 1), shardIds(kinesis.listShards(b -> b.streamName(name)).shards()));
      assertEquals(StreamStatus.ACTIVE,
          kinesis.describeStreamSummary(b -> b.streamName(name)).streamDescriptionSummary().streamStatus());
      sdk.assertEveryExchangeUsedItsEncoding();
    }
  }

  @ParameterizedTest
  @EnumSource(WireEncoding.class)
  void mergingShardsThatAreNotAdjacentFailsWithInvalidArgument(WireEncoding encoding) {
    try (KinesisSdk sdk = encoding.connect(server.endpoint())) {
      KinesisClient kinesis = sdk.client();
      String name = sdk.newStreamName("bad-merge");
      sdk.createActiveStream(name, 3);

      InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
          () -> kinesis.mergeShards(b -> b.streamName(name).shardToMerge(shardId(0)).adjacentShardToMerge(shardId(2))));

      assertEquals(400, e.statusCode());
      assertEquals("InvalidArgumentException", e.awsErrorDetails().errorCode());
      assertEquals(shardIds(0, 1, 2), shardIds(openShards(kinesis.listShards(b -> b.streamName(name)).shards())));
      sdk.assertEveryExchangeUsedItsEncoding();
    }
  }

  /**
   * A two-shard stream with this history: 0 splits into 2 and 3, then 3 and 1 merge into 4. Open
   * at the end: 2 and 4.
   */
  private static void splitThenMerge(KinesisSdk sdk, String name) {
    sdk.createActiveStream(name, 2);
    reshard(sdk, name, k -> k.splitShard(b -> b.streamName(name).shardToSplit(shardId(0))
        .newStartingHashKey(HASH_SPACE.shiftRight(2).toString())));
    reshard(sdk, name, k -> k.mergeShards(b -> b.streamName(name).shardToMerge(shardId(3))
        .adjacentShardToMerge(shardId(1))));
  }

  /** Runs a reshard, then waits with the SDK's StreamExists waiter until the stream is ACTIVE again. */
  private static void reshard(KinesisSdk sdk, String name, Consumer<KinesisClient> reshard) {
    reshard.accept(sdk.client());
    sdk.waiter().waitUntilStreamExists(b -> b.streamName(name));
  }

  private static UpdateShardCountResponse updateShardCount(KinesisSdk sdk, String name, int target) {
    UpdateShardCountResponse response = sdk.client().updateShardCount(b -> b.streamName(name)
        .targetShardCount(target).scalingType(ScalingType.UNIFORM_SCALING));
    sdk.waiter().waitUntilStreamExists(b -> b.streamName(name));
    return response;
  }

  /** One record per partition key, {@code key#round}, in one PutRecords call. */
  private static void writeRound(KinesisClient kinesis, String name, int round) {
    List<PutRecordsRequestEntry> entries = new ArrayList<>();
    for (int k = 0; k < PARTITION_KEYS; k++) {
      String key = "key-" + k;
      entries.add(PutRecordsRequestEntry.builder().partitionKey(key)
          .data(SdkBytes.fromUtf8String(key + "#" + round)).build());
    }
    PutRecordsResponse put = kinesis.putRecords(b -> b.streamName(name).records(entries));
    assertEquals(0, put.failedRecordCount());
  }

  /** Every shard, listed a page of 5 at a time, each later page asked for by its NextToken alone. */
  private static List<Shard> listAllShards(KinesisClient kinesis, String name) {
    List<Shard> shards = new ArrayList<>();
    ListShardsResponse page = kinesis.listShards(b -> b.streamName(name).maxResults(5));
    shards.addAll(page.shards());
    while (page.nextToken() != null) {
      String token = page.nextToken();
      page = kinesis.listShards(b -> b.nextToken(token).maxResults(5));
      shards.addAll(page.shards());
    }
    return shards;
  }

  /** The shard ids of every page, the first asked for by {@code first}, the others by NextToken alone. */
  private static List<List<String>> pagesOf(KinesisClient kinesis, ListShardsRequest first) {
    List<List<String>> pages = new ArrayList<>();
    ListShardsResponse page = kinesis.listShards(first);
    pages.add(shardIds(page.shards()));
    while (page.nextToken() != null) {
      assertFalse(page.shards().isEmpty(), "a page with a NextToken lists shards");
      String token = page.nextToken();
      page = kinesis.listShards(b -> b.nextToken(token).maxResults(first.maxResults()));
      pages.add(shardIds(page.shards()));
      assertTrue(pages.size() <= 20, "NextTokens never ended: " + pages);
    }
    return pages;
  }

  /** The open shards cover the hash-key space in {@code count} equal contiguous ranges. */
  private static void assertEvenlyCovered(List<Shard> open, int count) {
    List<Shard> byStart = new ArrayList<>(open);
    byStart.sort((a, b) -> new BigInteger(a.hashKeyRange().startingHashKey())
        .compareTo(new BigInteger(b.hashKeyRange().startingHashKey())));
    assertEquals(count, byStart.size(), "open shards " + shardIds(open));
    for (int i = 0; i < count; i++) {
      BigInteger start = HASH_SPACE.multiply(BigInteger.valueOf(i)).divide(BigInteger.valueOf(count));
      BigInteger end = HASH_SPACE.multiply(BigInteger.valueOf(i + 1)).divide(BigInteger.valueOf(count))
          .subtract(BigInteger.ONE);
      Shard shard = byStart.get(i);
      assertEquals(start.toString(), shard.hashKeyRange().startingHashKey(), shard.shardId() + " start");
      assertEquals(end.toString(), shard.hashKeyRange().endingHashKey(), shard.shardId() + " end");
      assertNotNull(shard.parentShardId(), shard.shardId() + " is a child");
      assertNull(shard.sequenceNumberRange().endingSequenceNumber());
    }
  }

  private static List<Shard> openShards(List<Shard> shards) {
    return shards.stream().filter(s -> s.sequenceNumberRange().endingSequenceNumber() == null).toList();
  }

  private static List<String> parentsOf(Shard shard) {
    List<String> parents = new ArrayList<>();
    if (shard.parentShardId() != null) {
      parents.add(shard.parentShardId());
    }
    if (shard.adjacentParentShardId() != null) {
      parents.add(shard.adjacentParentShardId());
    }
    return parents;
  }

  private static String shardId(int index) {
    return String.format("shardId-%012d", index);
  }

  private static List<String> shardIds(int... indexes) {
    return IntStream.of(indexes).mapToObj(ReshardingTest::shardId).toList();
  }

  private static List<String> shardIds(List<Shard> shards) {
    return shards.stream().map(Shard::shardId).toList();
  }
}
