package io.tributary.core.operations;

import static io.tributary.core.operations.BrokerFixture.CONTEXT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.core.BrokerConfig;
import io.tributary.core.RequestContext;
import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.KinesisException;
import io.tributary.core.model.ShardId;
import io.tributary.core.model.StreamArn;
import io.tributary.core.model.StreamMode;
import io.tributary.core.model.StreamName;
import io.tributary.core.model.StreamStatus;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class StreamLifecycleTest {
  private final BrokerFixture f = new BrokerFixture();

  private StreamStatus status(String name) {
    return f.broker.describeStreamSummary().execute(CONTEXT,
        new DescribeStreamSummary.Request(StreamRef.ofName(new StreamName(name)))).streamDescriptionSummary().streamStatus();
  }

  private void create(String name, int shards) {
    f.broker.createStream().execute(CONTEXT,
        new CreateStream.Request(new StreamName(name), OptionalInt.of(shards), Optional.empty()));
  }

  @Test
  void newStreamIsCreatingThenActiveAfterTheDelay() {
    create("s", 2);
    assertEquals(StreamStatus.CREATING, status("s"));
    f.clock.advance(Duration.ofMillis(499));
    assertEquals(StreamStatus.CREATING, status("s"));
    f.clock.advance(Duration.ofMillis(1));
    assertEquals(StreamStatus.ACTIVE, status("s"));
  }

  @Test
  void creatingStreamRefusesWritesAsNotFound() {
    create("s", 1);
    KinesisException e = assertThrows(KinesisException.class,
        () -> f.put(StreamRef.ofName(new StreamName("s")), "k", "v"));
    assertEquals(ErrorCode.RESOURCE_NOT_FOUND, e.code());
    assertEquals("Stream s under account 000000000000 not found.", e.getMessage());
  }

  @Test
  void creatingAStreamTwiceIsResourceInUse() {
    create("s", 1);
    KinesisException e = assertThrows(KinesisException.class, () -> create("s", 1));
    assertEquals(ErrorCode.RESOURCE_IN_USE, e.code());
    assertEquals("Stream s under account 000000000000 already exists.", e.getMessage());
  }

  @Test
  void createStreamWithoutShardCountIsOnDemandWithFourShards() {
    f.broker.createStream().execute(CONTEXT, new CreateStream.Request(new StreamName("od"), OptionalInt.empty(),
        Optional.empty()));
    f.clock.advance(Duration.ofSeconds(1));
    StreamDescription d = f.broker.describeStream().execute(CONTEXT,
        new DescribeStream.Request(StreamRef.ofName(new StreamName("od")), OptionalInt.empty(), Optional.empty()))
        .streamDescription();
    assertEquals(StreamMode.ON_DEMAND, d.streamMode());
    assertEquals(4, d.shards().size());
  }

  @Test
  void provisionedWithoutShardCountIsInvalidArgument() {
    KinesisException e = assertThrows(KinesisException.class, () -> f.broker.createStream().execute(CONTEXT,
        new CreateStream.Request(new StreamName("p"), OptionalInt.empty(), Optional.of(StreamMode.PROVISIONED))));
    assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
  }

  @Test
  void shardLimitIsEnforcedPerAccountAndRegion() {
    BrokerFixture small = new BrokerFixture(BrokerConfig.defaults().withShardLimit(5));
    small.activeStream("a", 3);
    KinesisException e = assertThrows(KinesisException.class, () -> small.activeStream("b", 3));
    assertEquals(ErrorCode.LIMIT_EXCEEDED, e.code());
    assertTrue(e.getMessage().startsWith("This request would exceed the shard limit for the account 000000000000 in "
        + "us-east-1. Current shard count for the account: 3. Limit: 5."), e.getMessage());
    RequestContext otherRegion = new RequestContext("r", "000000000000", "eu-west-1");
    small.broker.createStream().execute(otherRegion,
        new CreateStream.Request(new StreamName("b"), OptionalInt.of(3), Optional.empty()));
  }

  @Test
  void describeStreamPagesShardsAndReportsWhetherMoreRemain() {
    StreamRef s = f.activeStream("s", 5);
    StreamDescription first = f.broker.describeStream().execute(CONTEXT,
        new DescribeStream.Request(s, OptionalInt.of(2), Optional.empty())).streamDescription();
    assertEquals(List.of(new ShardId(0), new ShardId(1)), first.shards().stream().map(ShardDescription::shardId).toList());
    assertTrue(first.hasMoreShards());
    StreamDescription last = f.broker.describeStream().execute(CONTEXT,
        new DescribeStream.Request(s, OptionalInt.of(2), Optional.of(new ShardId(3)))).streamDescription();
    assertEquals(List.of(new ShardId(4)), last.shards().stream().map(ShardDescription::shardId).toList());
    assertFalse(last.hasMoreShards());
    assertEquals("arn:aws:kinesis:us-east-1:000000000000:stream/s", last.streamArn().toString());
    assertEquals(24, last.retentionPeriodHours());
  }

  @Test
  void streamIsFoundByArnAndArnMustAgreeWithName() {
    f.activeStream("s", 1);
    StreamArn arn = StreamArn.parse("arn:aws:kinesis:us-east-1:000000000000:stream/s").orElseThrow();
    f.put(StreamRef.ofArn(arn), "k", "v");
    KinesisException e = assertThrows(KinesisException.class,
        () -> f.put(new StreamRef(Optional.of(new StreamName("other")), Optional.of(arn)), "k", "v"));
    assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
  }

  @Test
  void sameNameInAnotherAccountIsAnotherStream() {
    f.activeStream("s", 1);
    RequestContext other = new RequestContext("r", "111111111111", "us-east-1");
    KinesisException e = assertThrows(KinesisException.class, () -> f.broker.describeStreamSummary().execute(other,
        new DescribeStreamSummary.Request(StreamRef.ofName(new StreamName("s")))));
    assertEquals("Stream s under account 111111111111 not found.", e.getMessage());
  }

  @Test
  void deletedStreamIsDeletingThenGoneAndItsNameCanBeReused() {
    StreamRef s = f.activeStream("s", 1);
    f.put(s, "k", "old");
    f.broker.deleteStream().execute(CONTEXT, new DeleteStream.Request(s, Optional.empty()));
    assertEquals(StreamStatus.DELETING, status("s"));
    assertThrows(KinesisException.class, () -> f.put(s, "k", "v"));
    f.clock.advance(Duration.ofSeconds(1));
    KinesisException e = assertThrows(KinesisException.class, () -> status("s"));
    assertEquals(ErrorCode.RESOURCE_NOT_FOUND, e.code());
    f.broker.runMaintenance();
    assertTrue(f.store.shardLogIds().isEmpty());
    f.activeStream("s", 1);
    String it = f.iterator(s, "shardId-000000000000", io.tributary.core.model.ShardIteratorType.TRIM_HORIZON);
    assertEquals(List.of(), f.get(it).records());
  }

  @Test
  void listStreamsPagesByNameWithNextToken() {
    for (String n : List.of("c", "a", "b")) {
      f.activeStream(n, 1);
    }
    ListStreams.Response first = f.broker.listStreams().execute(CONTEXT,
        new ListStreams.Request(OptionalInt.of(2), Optional.empty(), Optional.empty()));
    assertEquals(List.of(new StreamName("a"), new StreamName("b")), first.streamNames());
    assertTrue(first.hasMoreStreams());
    ListStreams.Response rest = f.broker.listStreams().execute(CONTEXT,
        new ListStreams.Request(OptionalInt.empty(), Optional.empty(), first.nextToken()));
    assertEquals(List.of(new StreamName("c")), rest.streamNames());
    assertFalse(rest.hasMoreStreams());
    assertEquals(Optional.empty(), rest.nextToken());
    assertEquals(StreamStatus.ACTIVE, rest.streamSummaries().get(0).streamStatus());
  }

  @Test
  void listShardsPagesWithATokenAloneAndRefusesTokenWithName() {
    StreamRef s = f.activeStream("s", 3);
    ListShards.Response first = f.broker.listShards().execute(CONTEXT, new ListShards.Request(s, Optional.empty(),
        Optional.empty(), OptionalInt.of(2), Optional.empty(), Optional.empty()));
    assertEquals(2, first.shards().size());
    StreamRef none = new StreamRef(Optional.empty(), Optional.empty());
    ListShards.Response rest = f.broker.listShards().execute(CONTEXT, new ListShards.Request(none, first.nextToken(),
        Optional.empty(), OptionalInt.empty(), Optional.empty(), Optional.empty()));
    assertEquals(List.of(new ShardId(2)), rest.shards().stream().map(ShardDescription::shardId).toList());
    assertEquals(Optional.empty(), rest.nextToken());
    KinesisException both = assertThrows(KinesisException.class, () -> f.broker.listShards().execute(CONTEXT,
        new ListShards.Request(s, first.nextToken(), Optional.empty(), OptionalInt.empty(), Optional.empty(),
            Optional.empty())));
    assertEquals("NextToken and StreamName cannot be provided together.", both.getMessage());
    KinesisException neither = assertThrows(KinesisException.class, () -> f.broker.listShards().execute(CONTEXT,
        new ListShards.Request(none, Optional.empty(), Optional.empty(), OptionalInt.empty(), Optional.empty(),
            Optional.empty())));
    assertEquals("Either NextToken or StreamName should be provided.", neither.getMessage());
  }

  @Test
  void listShardsContinuedWithATokenAloneKeepsTheFirstPagesFilter() {
    StreamRef s = f.activeStream("s", 2);
    f.broker.splitShard().execute(CONTEXT, new SplitShard.Request(s, "shardId-000000000000",
        java.math.BigInteger.TEN.pow(30)));
    f.clock.advance(Duration.ofSeconds(1));
    Optional<ShardFilter> atLatest =
        Optional.of(new ShardFilter(ShardFilter.Type.AT_LATEST, Optional.empty(), Optional.empty()));
    ListShards.Response first = f.broker.listShards().execute(CONTEXT, new ListShards.Request(s, Optional.empty(),
        Optional.empty(), OptionalInt.of(2), Optional.empty(), atLatest));
    StreamRef none = new StreamRef(Optional.empty(), Optional.empty());
    ListShards.Response rest = f.broker.listShards().execute(CONTEXT, new ListShards.Request(none, first.nextToken(),
        Optional.empty(), OptionalInt.of(2), Optional.empty(), Optional.empty()));
    List<ShardId> listed = new java.util.ArrayList<>();
    first.shards().forEach(d -> listed.add(d.shardId()));
    rest.shards().forEach(d -> listed.add(d.shardId()));
    assertEquals(List.of(new ShardId(1), new ShardId(2), new ShardId(3)), listed);
  }

  @Test
  void listShardsFiltersAfterShardIdAndAtLatest() {
    StreamRef s = f.activeStream("s", 3);
    ListShards.Response after = f.broker.listShards().execute(CONTEXT, new ListShards.Request(s, Optional.empty(),
        Optional.empty(), OptionalInt.empty(), Optional.empty(),
        Optional.of(new ShardFilter(ShardFilter.Type.AFTER_SHARD_ID, Optional.of("shardId-000000000000"),
            Optional.empty()))));
    assertEquals(List.of(new ShardId(1), new ShardId(2)), after.shards().stream().map(ShardDescription::shardId).toList());
    ListShards.Response latest = f.broker.listShards().execute(CONTEXT, new ListShards.Request(s, Optional.empty(),
        Optional.empty(), OptionalInt.empty(), Optional.empty(),
        Optional.of(new ShardFilter(ShardFilter.Type.AT_LATEST, Optional.empty(), Optional.empty()))));
    assertEquals(3, latest.shards().size());
  }
}
