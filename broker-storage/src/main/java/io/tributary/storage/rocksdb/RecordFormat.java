package io.tributary.storage.rocksdb;

import io.tributary.storage.ShardLogId;
import io.tributary.storage.StoredRecord;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The bytes of a shard log column family: sequence keys, record values and the high-water mark. The
 * layout, with worked examples, is in {@link io.tributary.storage.rocksdb the package
 * documentation}; this class is its only reader and writer.
 *
 * <pre>
 * key    = sequence: 8 bytes, big-endian, positive (first byte 0x00..0x7f)
 * value  = 0x01 | arrivalMillis (8, big-endian) | keyLength (2, big-endian, unsigned)
 *               | partitionKey (keyLength bytes, UTF-8) | data (the rest)
 * mark   = key 0xff, value 0x01 | lastSequence (8) | lastArrivalMillis (8)
 * </pre>
 *
 * <p>Stateless and thread-safe. Decoding checks every length against the bytes present and throws
 * {@link CorruptRecordException}, never an index exception.
 */
final class RecordFormat {

  /** The only value format so far; a new layout gets a new first byte. */
  static final byte FORMAT_V1 = 0x01;

  /** Length of a sequence key. */
  static final int KEY_BYTES = Long.BYTES;

  /** Version, arrival time and partition key length. */
  static final int VALUE_HEADER_BYTES = 1 + Long.BYTES + Short.BYTES;

  /** The longest partition key the two length bytes can describe, in UTF-8 bytes. */
  static final int MAX_PARTITION_KEY_BYTES = 0xFFFF;

  private static final byte HIGH_WATER_MARK_FIRST_BYTE = (byte) 0xFF;
  private static final int HIGH_WATER_MARK_VALUE_BYTES = 1 + 2 * Long.BYTES;

  private static final VarHandle LONG_BIG_ENDIAN =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle SHORT_BIG_ENDIAN =
      MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);

  private RecordFormat() {}

  /** The key of {@code sequence}; negative sequences are clamped to 0 so they sort first. */
  static byte[] key(long sequence) {
    return ByteBuffer.allocate(KEY_BYTES).putLong(Math.max(sequence, 0)).array();
  }

  /** The key under which a trim records the tail; it sorts after every sequence key. */
  static byte[] highWaterMarkKey() {
    return new byte[] {HIGH_WATER_MARK_FIRST_BYTE};
  }

  /** Whether {@code key} is the high-water mark's; every other key must be a sequence. */
  static boolean isHighWaterMarkKey(byte[] key) {
    return isHighWaterMarkKey(key, key.length);
  }

  /** Whether the first {@code length} bytes of {@code key} are the high-water mark's key. */
  static boolean isHighWaterMarkKey(byte[] key, int length) {
    return length == 1 && key[0] == HIGH_WATER_MARK_FIRST_BYTE;
  }

  /**
   * The sequence stored in {@code key}.
   *
   * @throws CorruptRecordException if {@code key} is not 8 bytes encoding a positive long
   */
  static long sequence(ShardLogId shard, byte[] key) {
    return sequence(shard, key, key.length);
  }

  /**
   * The sequence stored in a key of {@code length} bytes, read into the start of {@code key}
   * (which may be shorter: a longer key is corrupt whatever its bytes).
   *
   * @throws CorruptRecordException if the key is not 8 bytes encoding a positive long
   */
  static long sequence(ShardLogId shard, byte[] key, int length) {
    if (length != KEY_BYTES || key.length < KEY_BYTES || key[0] < 0) {
      throw new CorruptRecordException(
          shard, "unexpected key " + hex(Arrays.copyOf(key, Math.min(length, key.length))));
    }
    return (long) LONG_BIG_ENDIAN.get(key, 0);
  }

  /** The value of one record; {@code partitionKeyUtf8} is at most 65,535 bytes. */
  static byte[] encodeValue(long arrivalMillis, byte[] partitionKeyUtf8, byte[] data) {
    if (partitionKeyUtf8.length > MAX_PARTITION_KEY_BYTES) {
      throw new IllegalArgumentException(
          "partition key is " + partitionKeyUtf8.length + " UTF-8 bytes, at most 65535 fit");
    }
    return ByteBuffer.allocate(VALUE_HEADER_BYTES + partitionKeyUtf8.length + data.length)
        .put(FORMAT_V1)
        .putLong(arrivalMillis)
        .putShort((short) partitionKeyUtf8.length)
        .put(partitionKeyUtf8)
        .put(data)
        .array();
  }

  /** The value of one record, as {@link #encodeValue} makes it, written straight into a batch. */
  static WriteBatchBuilder.ValueWriter valueWriter(long arrivalMillis, byte[] partitionKeyUtf8, byte[] data) {
    if (partitionKeyUtf8.length > MAX_PARTITION_KEY_BYTES) {
      throw new IllegalArgumentException(
          "partition key is " + partitionKeyUtf8.length + " UTF-8 bytes, at most 65535 fit");
    }
    return new WriteBatchBuilder.ValueWriter() {
      @Override
      public int length() {
        return VALUE_HEADER_BYTES + partitionKeyUtf8.length + data.length;
      }

      @Override
      public int writeTo(byte[] dest, int offset) {
        ByteBuffer.wrap(dest, offset, length())
            .put(FORMAT_V1)
            .putLong(arrivalMillis)
            .putShort((short) partitionKeyUtf8.length)
            .put(partitionKeyUtf8)
            .put(data);
        return offset + length();
      }
    };
  }

  /**
   * The record stored under {@code sequence}.
   *
   * @throws CorruptRecordException if the value is not a well-formed version 1 value, or claims an
   *     arrival time later than its sequence allows
   */
  static StoredRecord decodeValue(ShardLogId shard, long sequence, byte[] value) {
    return decodeValue(shard, sequence, value, value.length);
  }

  /**
   * The record stored under {@code sequence}, whose value is the first {@code length} bytes of
   * {@code value} (a reader's reused buffer); the record's data is copied out of it.
   *
   * @throws CorruptRecordException as {@link #decodeValue(ShardLogId, long, byte[])}
   */
  static StoredRecord decodeValue(ShardLogId shard, long sequence, byte[] value, int length) {
    long arrivalMillis = decodeArrivalMillis(shard, sequence, value, length);
    int partitionKeyOffset = VALUE_HEADER_BYTES;
    int partitionKeyBytes = Short.toUnsignedInt((short) SHORT_BIG_ENDIAN.get(value, 1 + Long.BYTES));
    if (partitionKeyBytes > length - partitionKeyOffset) {
      throw new CorruptRecordException(
          shard,
          sequence,
          "partition key of " + partitionKeyBytes + " bytes runs past the end of the value");
    }
    String partitionKey;
    if (isAscii(value, partitionKeyOffset, partitionKeyBytes)) {
      // The common case, without a decoder per record: ASCII is valid UTF-8 as it stands.
      partitionKey = new String(value, partitionKeyOffset, partitionKeyBytes, StandardCharsets.US_ASCII);
    } else {
      try {
        partitionKey =
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(value, partitionKeyOffset, partitionKeyBytes))
                .toString();
      } catch (CharacterCodingException e) {
        throw new CorruptRecordException(shard, sequence, "partition key is not valid UTF-8");
      }
    }
    int dataOffset = partitionKeyOffset + partitionKeyBytes;
    byte[] data = Arrays.copyOfRange(value, dataOffset, length);
    return new StoredRecord(sequence, arrivalMillis, partitionKey, data);
  }

  private static boolean isAscii(byte[] bytes, int offset, int length) {
    for (int i = offset; i < offset + length; i++) {
      if (bytes[i] < 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * The arrival time in the value stored under {@code sequence}, checking only the header.
   *
   * @throws CorruptRecordException if the header is short, of an unknown version, or claims an
   *     arrival time later than the sequence allows
   */
  static long decodeArrivalMillis(ShardLogId shard, long sequence, byte[] value) {
    return decodeArrivalMillis(shard, sequence, value, value.length);
  }

  private static long decodeArrivalMillis(
      ShardLogId shard, long sequence, byte[] value, int length) {
    if (length < VALUE_HEADER_BYTES) {
      throw new CorruptRecordException(
          shard, sequence, "value is " + length + " bytes, shorter than its header");
    }
    if (value[0] != FORMAT_V1) {
      throw new CorruptRecordException(
          shard, sequence, "unknown value format version " + (value[0] & 0xFF));
    }
    long arrivalMillis = (long) LONG_BIG_ENDIAN.get(value, 1);
    if (arrivalMillis < 0 || arrivalMillis > sequence >>> ShardTail.MILLIS_SHIFT) {
      throw new CorruptRecordException(
          shard,
          sequence,
          "arrival time " + arrivalMillis + " ms is later than the sequence allows");
    }
    return arrivalMillis;
  }

  /** The value of the high-water mark. */
  static byte[] encodeHighWaterMark(ShardTail tail) {
    return ByteBuffer.allocate(HIGH_WATER_MARK_VALUE_BYTES)
        .put(FORMAT_V1)
        .putLong(tail.lastSequence())
        .putLong(tail.lastArrivalMillis())
        .array();
  }

  /** The tail a trim recorded. */
  static ShardTail decodeHighWaterMark(ShardLogId shard, byte[] value) {
    if (value.length != HIGH_WATER_MARK_VALUE_BYTES || value[0] != FORMAT_V1) {
      throw new CorruptRecordException(shard, "malformed high-water mark " + hex(value));
    }
    ByteBuffer in = ByteBuffer.wrap(value, 1, 2 * Long.BYTES);
    long lastSequence = in.getLong();
    long lastArrivalMillis = in.getLong();
    if (lastSequence < 0 || lastArrivalMillis < 0) {
      throw new CorruptRecordException(shard, "negative high-water mark " + hex(value));
    }
    return new ShardTail(lastSequence, lastArrivalMillis);
  }

  /** Lower-case hex, for messages and the documented examples. */
  static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
