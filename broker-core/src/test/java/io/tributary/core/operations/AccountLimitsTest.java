package io.tributary.core.operations;

import static io.tributary.core.operations.BrokerFixture.CONTEXT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tributary.core.BrokerConfig;
import io.tributary.core.RequestContext;
import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.KinesisException;
import io.tributary.core.model.MinimumThroughputBillingCommitmentStatus;
import io.tributary.core.model.StreamArn;
import io.tributary.core.model.StreamMode;
import io.tributary.core.model.StreamName;
import io.tributary.core.model.StreamStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class AccountLimitsTest {
  private final BrokerFixture f = new BrokerFixture(BrokerConfig.defaults().withOnDemandStreamCountLimit(2));

  private static StreamArn arn(String name) {
    return StreamArn.parse("arn:aws:kinesis:us-east-1:000000000000:stream/" + name).orElseThrow();
  }

  private void createOnDemand(String name) {
    f.broker.createStream().execute(CONTEXT, new CreateStream.Request(new StreamName(name), OptionalInt.empty(),
        Optional.of(StreamMode.ON_DEMAND)));
    f.clock.advance(Duration.ofSeconds(1));
  }

  private MinimumThroughputBillingCommitment commitment(MinimumThroughputBillingCommitmentStatus status) {
    return f.broker.updateAccountSettings().execute(CONTEXT, new UpdateAccountSettings.Request(status))
        .minimumThroughputBillingCommitment();
  }

  private StreamDescriptionSummary summary(String name) {
    return f.broker.describeStreamSummary().execute(CONTEXT,
        new DescribeStreamSummary.Request(StreamRef.ofName(new StreamName(name)))).streamDescriptionSummary();
  }

  @Test
  void describeLimitsCountsOpenShardsAndOnDemandStreamsOfTheAccountInTheRegion() {
    f.activeStream("p", 3);
    createOnDemand("od");
    f.broker.createStream().execute(new RequestContext("r", "000000000000", "eu-west-1"),
        new CreateStream.Request(new StreamName("elsewhere"), OptionalInt.of(5), Optional.empty()));
    assertEquals(new DescribeLimits.Response(500, 7, 1, 2),
        f.broker.describeLimits().execute(CONTEXT, new DescribeLimits.Request()));
  }

  @Test
  void onDemandStreamsBeyondTheLimitAreRefused() {
    createOnDemand("a");
    createOnDemand("b");
    KinesisException e = assertThrows(KinesisException.class, () -> createOnDemand("c"));
    assertEquals(ErrorCode.LIMIT_EXCEEDED, e.code());
    assertEquals("This request would exceed the limit on the number of On-Demand streams for the account "
        + "000000000000 in us-east-1. Current On-Demand streams count: 2. Limit: 2.", e.getMessage());
    f.activeStream("p", 1);
    KinesisException switched = assertThrows(KinesisException.class, () -> f.broker.updateStreamMode()
        .execute(CONTEXT, new UpdateStreamMode.Request(arn("p"), StreamMode.ON_DEMAND)));
    assertEquals(e.getMessage(), switched.getMessage());
  }

  @Test
  void accountSettingsStartDisabledAndFollowTheCommitmentWindow() {
    assertEquals(new MinimumThroughputBillingCommitment(MinimumThroughputBillingCommitmentStatus.DISABLED,
        Optional.empty(), Optional.empty(), Optional.empty()),
        f.broker.describeAccountSettings().execute(CONTEXT, new DescribeAccountSettings.Request())
            .minimumThroughputBillingCommitment());
    Instant start = f.clock.instant();
    MinimumThroughputBillingCommitment enabled = commitment(MinimumThroughputBillingCommitmentStatus.ENABLED);
    assertEquals(MinimumThroughputBillingCommitmentStatus.ENABLED, enabled.status());
    assertEquals(Optional.of(start), enabled.startedAt());
    assertEquals(Optional.of(start.plus(Duration.ofHours(24))), enabled.earliestAllowedEndAt());

    f.clock.advance(Duration.ofHours(1));
    MinimumThroughputBillingCommitment pending = commitment(MinimumThroughputBillingCommitmentStatus.DISABLED);
    assertEquals(MinimumThroughputBillingCommitmentStatus.ENABLED_UNTIL_EARLIEST_ALLOWED_END, pending.status());
    assertEquals(Optional.of(start.plus(Duration.ofHours(24))), pending.endedAt());
    f.clock.advance(Duration.ofHours(23));
    assertEquals(MinimumThroughputBillingCommitmentStatus.DISABLED, f.broker.describeAccountSettings()
        .execute(CONTEXT, new DescribeAccountSettings.Request()).minimumThroughputBillingCommitment().status());
    assertEquals(MinimumThroughputBillingCommitmentStatus.DISABLED, f.broker.describeAccountSettings()
        .execute(new RequestContext("r", "111111111111", "us-east-1"), new DescribeAccountSettings.Request())
        .minimumThroughputBillingCommitment().status());
  }

  @Test
  void warmThroughputNeedsAnOnDemandStreamAndTheBillingCommitment() {
    createOnDemand("od");
    UpdateStreamWarmThroughput.Request request =
        new UpdateStreamWarmThroughput.Request(StreamRef.ofArn(arn("od")), 100);
    KinesisException noCommitment = assertThrows(KinesisException.class,
        () -> f.broker.updateStreamWarmThroughput().execute(CONTEXT, request));
    assertEquals(ErrorCode.INVALID_ARGUMENT, noCommitment.code());
    assertEquals("Warm throughput requires MinimumThroughputBillingCommitment to be enabled for account "
        + "000000000000 in us-east-1.", noCommitment.getMessage());

    commitment(MinimumThroughputBillingCommitmentStatus.ENABLED);
    UpdateStreamWarmThroughput.Response r = f.broker.updateStreamWarmThroughput().execute(CONTEXT, request);
    assertEquals(new WarmThroughput(OptionalInt.of(100), OptionalInt.empty()), r.warmThroughput());
    assertEquals(arn("od"), r.streamArn());
    assertEquals(StreamStatus.UPDATING, summary("od").streamStatus());
    assertEquals(Optional.of(new WarmThroughput(OptionalInt.of(100), OptionalInt.empty())),
        summary("od").warmThroughput());
    f.clock.advance(Duration.ofSeconds(1));
    assertEquals(Optional.of(new WarmThroughput(OptionalInt.of(100), OptionalInt.of(100))),
        summary("od").warmThroughput());
    assertEquals(new WarmThroughput(OptionalInt.of(200), OptionalInt.of(100)), f.broker.updateStreamWarmThroughput()
        .execute(CONTEXT, new UpdateStreamWarmThroughput.Request(StreamRef.ofArn(arn("od")), 200)).warmThroughput());

    f.clock.advance(Duration.ofSeconds(1));
    KinesisException tooMuch = assertThrows(KinesisException.class, () -> f.broker.updateStreamWarmThroughput()
        .execute(CONTEXT, new UpdateStreamWarmThroughput.Request(StreamRef.ofArn(arn("od")), 10241)));
    assertEquals(ErrorCode.LIMIT_EXCEEDED, tooMuch.code());

    f.activeStream("p", 1);
    KinesisException provisioned = assertThrows(KinesisException.class, () -> f.broker.updateStreamWarmThroughput()
        .execute(CONTEXT, new UpdateStreamWarmThroughput.Request(StreamRef.ofArn(arn("p")), 100)));
    assertEquals(ErrorCode.VALIDATION, provisioned.code());
  }

  @Test
  void createStreamTakesWarmThroughputOnlyForOnDemandStreamsOfCommittedAccounts() {
    CreateStream.Request warm = new CreateStream.Request(new StreamName("w"), OptionalInt.empty(), Optional.empty(),
        Map.of(), OptionalInt.of(50), OptionalInt.empty());
    assertThrows(KinesisException.class, () -> f.broker.createStream().execute(CONTEXT, warm));
    commitment(MinimumThroughputBillingCommitmentStatus.ENABLED);
    f.broker.createStream().execute(CONTEXT, warm);
    f.clock.advance(Duration.ofSeconds(1));
    assertEquals(Optional.of(new WarmThroughput(OptionalInt.of(50), OptionalInt.of(50))),
        summary("w").warmThroughput());
    KinesisException provisioned = assertThrows(KinesisException.class, () -> f.broker.createStream().execute(CONTEXT,
        new CreateStream.Request(new StreamName("p"), OptionalInt.of(1), Optional.empty(), Map.of(),
            OptionalInt.of(50), OptionalInt.empty())));
    assertEquals(ErrorCode.INVALID_ARGUMENT, provisioned.code());
  }

  @Test
  void updateStreamModeSwitchesThroughUpdatingAndKeepsTheShards() {
    f.activeStream("p", 3);
    f.broker.updateStreamMode().execute(CONTEXT, new UpdateStreamMode.Request(arn("p"), StreamMode.ON_DEMAND));
    StreamDescriptionSummary updating = summary("p");
    assertEquals(StreamStatus.UPDATING, updating.streamStatus());
    assertEquals(StreamMode.ON_DEMAND, updating.streamMode());
    assertEquals(3, updating.openShardCount());
    KinesisException busy = assertThrows(KinesisException.class, () -> f.broker.updateStreamMode()
        .execute(CONTEXT, new UpdateStreamMode.Request(arn("p"), StreamMode.PROVISIONED)));
    assertEquals(ErrorCode.RESOURCE_IN_USE, busy.code());
    f.clock.advance(Duration.ofSeconds(1));
    assertEquals(StreamStatus.ACTIVE, summary("p").streamStatus());

    f.broker.updateStreamMode().execute(CONTEXT, new UpdateStreamMode.Request(arn("p"), StreamMode.ON_DEMAND));
    assertEquals(StreamStatus.ACTIVE, summary("p").streamStatus());
    KinesisException warmToProvisioned = assertThrows(KinesisException.class, () -> f.broker.updateStreamMode()
        .execute(CONTEXT, new UpdateStreamMode.Request(arn("p"), StreamMode.PROVISIONED, OptionalInt.of(10))));
    assertEquals(ErrorCode.INVALID_ARGUMENT, warmToProvisioned.code());
    f.broker.updateStreamMode().execute(CONTEXT, new UpdateStreamMode.Request(arn("p"), StreamMode.PROVISIONED));
    assertEquals(StreamMode.PROVISIONED, summary("p").streamMode());
  }

  @Test
  void updateStreamModeOfAMissingStreamIsNotFound() {
    KinesisException e = assertThrows(KinesisException.class, () -> f.broker.updateStreamMode()
        .execute(CONTEXT, new UpdateStreamMode.Request(arn("nope"), StreamMode.ON_DEMAND)));
    assertEquals(ErrorCode.RESOURCE_NOT_FOUND, e.code());
    assertEquals("Stream nope under account 000000000000 not found.", e.getMessage());
  }
}
