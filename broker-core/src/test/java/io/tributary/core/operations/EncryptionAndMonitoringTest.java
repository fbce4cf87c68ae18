package io.tributary.core.operations;

import static io.tributary.core.operations.BrokerFixture.CONTEXT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.KinesisException;
import io.tributary.core.model.EncryptionType;
import io.tributary.core.model.MetricsName;
import io.tributary.core.model.ShardIteratorType;
import io.tributary.core.model.StreamStatus;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class EncryptionAndMonitoringTest {
  private static final String KEY = "arn:aws:kms:us-east-1:000000000000:key/12345678-1234-1234-1234-123456789012";
  private final BrokerFixture f = new BrokerFixture();
  private final StreamRef s = f.activeStream("s", 1);

  private StreamDescriptionSummary summary() {
    return f.broker.describeStreamSummary().execute(CONTEXT, new DescribeStreamSummary.Request(s))
        .streamDescriptionSummary();
  }

  private void start() {
    f.broker.startStreamEncryption().execute(CONTEXT,
        new StartStreamEncryption.Request(s, EncryptionType.KMS, KEY));
  }

  @Test
  void startingEncryptionPassesThroughUpdatingAndRecordsReadBackCarryKms() {
    start();
    StreamDescriptionSummary updating = summary();
    assertEquals(StreamStatus.UPDATING, updating.streamStatus());
    assertEquals(EncryptionType.KMS, updating.encryptionType());
    assertEquals(Optional.of(KEY), updating.keyId());
    f.clock.advance(Duration.ofMillis(500));
    assertEquals(StreamStatus.ACTIVE, summary().streamStatus());
    StreamDescription d = f.broker.describeStream().execute(CONTEXT,
        new DescribeStream.Request(s, OptionalInt.empty(), Optional.empty())).streamDescription();
    assertEquals(EncryptionType.KMS, d.encryptionType());
    assertEquals(Optional.of(KEY), d.keyId());

    assertEquals(EncryptionType.KMS, f.put(s, "k", "secret").encryptionType());
    DataRecord r = f.get(f.iterator(s, "shardId-000000000000", ShardIteratorType.TRIM_HORIZON)).records().get(0);
    assertEquals(Optional.of(EncryptionType.KMS), r.encryptionType());
    assertEquals("secret", BrokerFixture.text(r));
  }

  @Test
  void stoppingEncryptionReportsNoneAfterUpdating() {
    start();
    f.clock.advance(Duration.ofSeconds(1));
    f.broker.stopStreamEncryption().execute(CONTEXT, new StopStreamEncryption.Request(s, EncryptionType.KMS, KEY));
    assertEquals(StreamStatus.UPDATING, summary().streamStatus());
    f.clock.advance(Duration.ofSeconds(1));
    assertEquals(EncryptionType.NONE, summary().encryptionType());
    assertEquals(Optional.empty(), summary().keyId());
    assertEquals(EncryptionType.NONE, f.put(s, "k", "plain").encryptionType());
  }

  @Test
  void encryptionOfAStreamThatIsNotActiveIsResourceInUse() {
    start();
    KinesisException e = assertThrows(KinesisException.class, this::start);
    assertEquals(ErrorCode.RESOURCE_IN_USE, e.code());
    assertEquals("Stream s under account 000000000000 not ACTIVE, instead in state UPDATING", e.getMessage());
  }

  @Test
  void onlyKmsIsAValidEncryptionType() {
    KinesisException e = assertThrows(KinesisException.class, () -> f.broker.startStreamEncryption()
        .execute(CONTEXT, new StartStreamEncryption.Request(s, EncryptionType.NONE, KEY)));
    assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
    assertEquals(StreamStatus.ACTIVE, summary().streamStatus());
  }

  @Test
  void enablingAllMetricsReportsTheSevenInAwsOrder() {
    EnhancedMonitoringOutput out = f.broker.enableEnhancedMonitoring().execute(CONTEXT,
        new EnableEnhancedMonitoring.Request(s, List.of(MetricsName.OutgoingBytes)));
    assertEquals(List.of(), out.currentShardLevelMetrics());
    assertEquals(List.of(MetricsName.OutgoingBytes), out.desiredShardLevelMetrics());
    assertEquals("s", out.streamName().value());
    assertEquals("arn:aws:kinesis:us-east-1:000000000000:stream/s", out.streamArn().toString());

    EnhancedMonitoringOutput all = f.broker.enableEnhancedMonitoring().execute(CONTEXT,
        new EnableEnhancedMonitoring.Request(s, List.of(MetricsName.ALL)));
    assertEquals(List.of(MetricsName.OutgoingBytes), all.currentShardLevelMetrics());
    List<String> seven = List.of("IncomingBytes", "IncomingRecords", "OutgoingBytes", "OutgoingRecords",
        "WriteProvisionedThroughputExceeded", "ReadProvisionedThroughputExceeded", "IteratorAgeMilliseconds");
    assertEquals(seven, all.desiredShardLevelMetrics().stream().map(Enum::name).toList());
    assertEquals(List.of(new EnhancedMetrics(seven)), summary().enhancedMonitoring());
    assertEquals(List.of(new EnhancedMetrics(seven)), f.broker.describeStream().execute(CONTEXT,
        new DescribeStream.Request(s, OptionalInt.empty(), Optional.empty())).streamDescription().enhancedMonitoring());
  }

  @Test
  void disablingRemovesMetricsAndAllRemovesEveryOne() {
    f.broker.enableEnhancedMonitoring().execute(CONTEXT, new EnableEnhancedMonitoring.Request(s,
        List.of(MetricsName.IteratorAgeMilliseconds, MetricsName.IncomingBytes, MetricsName.IncomingRecords)));
    EnhancedMonitoringOutput out = f.broker.disableEnhancedMonitoring().execute(CONTEXT,
        new DisableEnhancedMonitoring.Request(s, List.of(MetricsName.IncomingRecords)));
    assertEquals(List.of(MetricsName.IncomingBytes, MetricsName.IncomingRecords, MetricsName.IteratorAgeMilliseconds),
        out.currentShardLevelMetrics());
    assertEquals(List.of(MetricsName.IncomingBytes, MetricsName.IteratorAgeMilliseconds),
        out.desiredShardLevelMetrics());
    EnhancedMonitoringOutput none = f.broker.disableEnhancedMonitoring().execute(CONTEXT,
        new DisableEnhancedMonitoring.Request(s, List.of(MetricsName.ALL)));
    assertEquals(List.of(), none.desiredShardLevelMetrics());
    assertEquals(List.of(new EnhancedMetrics(List.of())), summary().enhancedMonitoring());
  }

  @Test
  void monitoringOfAMissingStreamIsNotFound() {
    StreamRef missing = StreamRef.ofName(new io.tributary.core.model.StreamName("nope"));
    KinesisException e = assertThrows(KinesisException.class, () -> f.broker.enableEnhancedMonitoring()
        .execute(CONTEXT, new EnableEnhancedMonitoring.Request(missing, List.of(MetricsName.ALL))));
    assertEquals("Stream nope under account 000000000000 not found.", e.getMessage());
  }
}
