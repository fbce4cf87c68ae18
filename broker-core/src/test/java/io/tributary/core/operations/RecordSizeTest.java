package io.tributary.core.operations;

import static io.tributary.core.operations.BrokerFixture.CONTEXT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.KinesisException;
import io.tributary.core.model.ShardIteratorType;
import io.tributary.core.model.StreamArn;
import io.tributary.core.model.StreamName;
import io.tributary.core.model.StreamStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class RecordSizeTest {
  private static final int MIB = 1024 * 1024;
  private final BrokerFixture f = new BrokerFixture();
  private final StreamRef s = f.activeStream("s", 1);
  private final StreamArn arn = StreamArn.parse("arn:aws:kinesis:us-east-1:000000000000:stream/s").orElseThrow();

  private PutRecord.Response put(byte[] data, String partitionKey) {
    return f.broker.putRecord().execute(CONTEXT,
        new PutRecord.Request(s, data, partitionKey, Optional.empty(), Optional.empty()));
  }

  private int maxRecordSize() {
    return f.broker.describeStreamSummary().execute(CONTEXT, new DescribeStreamSummary.Request(s))
        .streamDescriptionSummary().maxRecordSizeInKiB();
  }

  @Test
  void aNewStreamTakesRecordsOfOneMebibyteIncludingThePartitionKey() {
    assertEquals(1024, maxRecordSize());
    put(new byte[MIB - 1], "k");
    KinesisException e = assertThrows(KinesisException.class, () -> put(new byte[MIB - 1], "kk"));
    assertEquals(ErrorCode.VALIDATION, e.code());
    assertEquals("1 validation error detected: Value 'java.nio.HeapByteBuffer[pos=0 lim=1048575 cap=1048575]' at "
        + "'data' failed to satisfy constraint: Member must have length less than or equal to 1048576", e.getMessage());
  }

  @Test
  void updateMaxRecordSizeRaisesTheLimitPutRecordEnforces() {
    f.broker.updateMaxRecordSize().execute(CONTEXT, new UpdateMaxRecordSize.Request(Optional.of(arn), 2048));
    assertEquals(2048, maxRecordSize());
    assertEquals(StreamStatus.ACTIVE, f.broker.describeStreamSummary().execute(CONTEXT,
        new DescribeStreamSummary.Request(s)).streamDescriptionSummary().streamStatus());
    put(new byte[2 * MIB - 1], "k");
    KinesisException e = assertThrows(KinesisException.class, () -> put(new byte[2 * MIB], "k"));
    assertEquals("1 validation error detected: Value 'java.nio.HeapByteBuffer[pos=0 lim=2097152 cap=2097152]' at "
        + "'data' failed to satisfy constraint: Member must have length less than or equal to 2097152", e.getMessage());
    assertEquals(1, f.get(f.iterator(s, "shardId-000000000000", ShardIteratorType.TRIM_HORIZON)).records().size());
  }

  @Test
  void putRecordsNamesEveryOversizedRecordCountingFromOne() {
    List<PutRecords.Entry> entries = List.of(
        new PutRecords.Entry(new byte[10], "a", Optional.empty()),
        new PutRecords.Entry(new byte[MIB], "b", Optional.empty()),
        new PutRecords.Entry(new byte[MIB], "c", Optional.empty()));
    KinesisException e = assertThrows(KinesisException.class,
        () -> f.broker.putRecords().execute(CONTEXT, new PutRecords.Request(s, entries)));
    assertEquals(ErrorCode.VALIDATION, e.code());
    assertEquals("2 validation errors detected: "
        + "Value 'java.nio.HeapByteBuffer[pos=0 lim=1048576 cap=1048576]' at 'records.2.member.data' failed to "
        + "satisfy constraint: Member must have length less than or equal to 1048576; "
        + "Value 'java.nio.HeapByteBuffer[pos=0 lim=1048576 cap=1048576]' at 'records.3.member.data' failed to "
        + "satisfy constraint: Member must have length less than or equal to 1048576", e.getMessage());
    assertEquals(List.of(), f.get(f.iterator(s, "shardId-000000000000", ShardIteratorType.TRIM_HORIZON)).records());
  }

  @Test
  void createStreamTakesAMaxRecordSize() {
    f.broker.createStream().execute(CONTEXT, new CreateStream.Request(new StreamName("big"), OptionalInt.of(1),
        Optional.empty(), Map.of(), OptionalInt.empty(), OptionalInt.of(10240)));
    assertEquals(10240, f.broker.describeStreamSummary().execute(CONTEXT,
        new DescribeStreamSummary.Request(StreamRef.ofName(new StreamName("big")))).streamDescriptionSummary()
        .maxRecordSizeInKiB());
  }

  @Test
  void updateMaxRecordSizeNeedsAnActiveStreamNamedByArn() {
    KinesisException noArn = assertThrows(KinesisException.class, () -> f.broker.updateMaxRecordSize()
        .execute(CONTEXT, new UpdateMaxRecordSize.Request(Optional.empty(), 2048)));
    assertEquals(ErrorCode.INVALID_ARGUMENT, noArn.code());
    f.broker.createStream().execute(CONTEXT, new CreateStream.Request(new StreamName("new"), OptionalInt.of(1),
        Optional.empty()));
    StreamArn creating = StreamArn.parse("arn:aws:kinesis:us-east-1:000000000000:stream/new").orElseThrow();
    KinesisException e = assertThrows(KinesisException.class, () -> f.broker.updateMaxRecordSize()
        .execute(CONTEXT, new UpdateMaxRecordSize.Request(Optional.of(creating), 2048)));
    assertEquals(ErrorCode.RESOURCE_IN_USE, e.code());
    assertEquals("Stream new under account 000000000000 not ACTIVE, instead in state CREATING", e.getMessage());
  }
}
