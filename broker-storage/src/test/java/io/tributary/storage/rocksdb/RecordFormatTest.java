package io.tributary.storage.rocksdb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.storage.ShardLogId;
import io.tributary.storage.StoredRecord;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class RecordFormatTest {

  private static final ShardLogId SHARD = new ShardLogId("shard/17/3");
  private static final long ARRIVAL = Instant.parse("2026-11-28T08:00:00Z").toEpochMilli();
  private static final long SEQUENCE = ARRIVAL << 20;

  @Test
  void documentedKeyExampleMatchesTheEncoding() {
    assertEquals(1_795_852_800_000L, ARRIVAL);
    assertEquals(1_883_088_145_612_800_000L, SEQUENCE);
    assertEquals("1a2212b100000000", RecordFormat.hex(RecordFormat.key(SEQUENCE)));
    assertEquals("1a2212b100000001", RecordFormat.hex(RecordFormat.key(SEQUENCE + 1)));
    assertEquals("1a2212b100100000", RecordFormat.hex(RecordFormat.key((ARRIVAL + 1) << 20)));
  }

  @Test
  void documentedValueExampleMatchesTheEncoding() {
    byte[] value =
        RecordFormat.encodeValue(
            ARRIVAL,
            "user-42".getBytes(StandardCharsets.UTF_8),
            "hello".getBytes(StandardCharsets.UTF_8));

    assertEquals(
        "01" + "000001a2212b1000" + "0007" + "757365722d3432" + "68656c6c6f",
        RecordFormat.hex(value));
  }

  @Test
  void documentedHighWaterMarkExampleMatchesTheEncoding() {
    assertEquals("ff", RecordFormat.hex(RecordFormat.highWaterMarkKey()));
    assertEquals(
        "01" + "1a2212b100000001" + "000001a2212b1000",
        RecordFormat.hex(RecordFormat.encodeHighWaterMark(new ShardTail(SEQUENCE + 1, ARRIVAL))));
  }

  @Test
  void keysSortInSequenceOrder() {
    long[] sequences = {1, 255, 256, 1L << 40, SEQUENCE, Long.MAX_VALUE};
    for (int i = 1; i < sequences.length; i++) {
      assertTrue(
          java.util.Arrays.compareUnsigned(
                  RecordFormat.key(sequences[i - 1]), RecordFormat.key(sequences[i]))
              < 0);
    }
    assertTrue(
        java.util.Arrays.compareUnsigned(
                RecordFormat.key(Long.MAX_VALUE), RecordFormat.highWaterMarkKey())
            < 0);
  }

  @Test
  void valueRoundTripsEveryField() {
    byte[] data = {0, (byte) 0x80, (byte) 0xFF};
    byte[] value =
        RecordFormat.encodeValue(ARRIVAL, "ключ-😀".getBytes(StandardCharsets.UTF_8), data);

    StoredRecord record = RecordFormat.decodeValue(SHARD, SEQUENCE, value);

    assertEquals(SEQUENCE, record.sequence());
    assertEquals(ARRIVAL, record.arrivalMillis());
    assertEquals("ключ-😀", record.partitionKey());
    assertArrayEquals(data, record.data());
  }

  @Test
  void valueAtTheStartOfALargerBufferIsDecodedToItsLengthOnly() {
    byte[] data = {1, 2, 3};
    byte[] value = RecordFormat.encodeValue(ARRIVAL, "k".getBytes(StandardCharsets.UTF_8), data);
    byte[] buffer = java.util.Arrays.copyOf(value, value.length + 5);
    java.util.Arrays.fill(buffer, value.length, buffer.length, (byte) 0x55);

    StoredRecord record = RecordFormat.decodeValue(SHARD, SEQUENCE, buffer, value.length);

    assertEquals("k", record.partitionKey());
    assertArrayEquals(data, record.data());
  }

  @Test
  void valueWhoseLengthIsShorterThanItsHeaderIsCorruptWhateverTheBufferHolds() {
    byte[] value = RecordFormat.encodeValue(ARRIVAL, "k".getBytes(StandardCharsets.UTF_8), new byte[8]);

    CorruptRecordException e =
        assertThrows(
            CorruptRecordException.class,
            () -> RecordFormat.decodeValue(SHARD, SEQUENCE, value, RecordFormat.VALUE_HEADER_BYTES - 1));

    assertTrue(e.getMessage().endsWith("value is 10 bytes, shorter than its header"), e.getMessage());
  }

  @Test
  void valueShorterThanItsHeaderIsCorrupt() {
    CorruptRecordException e = corrupt("01000001a2212b10");

    assertEquals(SHARD, e.shardLogId());
    assertEquals(OptionalLong.of(SEQUENCE), e.sequence());
    assertEquals(
        "corrupt record in shard log shard/17/3 at sequence 1883088145612800000 (key"
            + " 1a2212b100000000): value is 8 bytes, shorter than its header",
        e.getMessage());
  }

  @Test
  void unknownFormatVersionIsCorrupt() {
    assertTrue(
        corrupt("02000001a2212b1000000168")
            .getMessage()
            .endsWith("unknown value format version 2"));
  }

  @Test
  void partitionKeyRunningPastTheEndIsCorrupt() {
    assertTrue(
        corrupt("01000001a2212b1000" + "0009" + "757365722d3432")
            .getMessage()
            .endsWith("partition key of 9 bytes runs past the end of the value"));
  }

  @Test
  void partitionKeyThatIsNotUtf8IsCorrupt() {
    assertTrue(
        corrupt("01000001a2212b1000" + "0002" + "c328")
            .getMessage()
            .endsWith("partition key is not valid UTF-8"));
  }

  @Test
  void arrivalTimeLaterThanTheSequenceAllowsIsCorrupt() {
    assertTrue(
        corrupt("01000001a2212b1001" + "0001" + "6b")
            .getMessage()
            .endsWith("arrival time 1795852800001 ms is later than the sequence allows"));
  }

  @Test
  void keyOfTheWrongLengthIsCorrupt() {
    CorruptRecordException e =
        assertThrows(
            CorruptRecordException.class, () -> RecordFormat.sequence(SHARD, new byte[] {1, 2, 3}));

    assertEquals(OptionalLong.empty(), e.sequence());
    assertEquals("corrupt entry in shard log shard/17/3: unexpected key 010203", e.getMessage());
  }

  @Test
  void malformedHighWaterMarkIsCorrupt() {
    assertThrows(
        CorruptRecordException.class, () -> RecordFormat.decodeHighWaterMark(SHARD, new byte[3]));
  }

  @Test
  void partitionKeyLongerThanTheLengthFieldIsRejectedOnEncode() {
    assertThrows(
        IllegalArgumentException.class,
        () -> RecordFormat.encodeValue(ARRIVAL, new byte[0x10000], new byte[0]));
  }

  private static CorruptRecordException corrupt(String valueHex) {
    byte[] value = HexFormat.of().parseHex(valueHex);
    return assertThrows(
        CorruptRecordException.class, () -> RecordFormat.decodeValue(SHARD, SEQUENCE, value));
  }
}
