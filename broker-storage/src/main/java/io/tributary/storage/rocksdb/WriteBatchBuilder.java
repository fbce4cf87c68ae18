package io.tributary.storage.rocksdb;

import java.util.Arrays;
import org.rocksdb.WriteBatch;

/**
 * A RocksDB write batch built as its bytes, in Java, and handed to RocksDB in one piece.
 *
 * <p>Why: {@link WriteBatch#put} is one JNI call per record, and each call copies the key and the
 * value out of the Java heap before copying them again into the batch; for a batch of a few
 * thousand small records that was a third of the writer thread's time. Here each record is
 * written once into one array, and {@link #build} makes the batch with a single JNI copy.
 *
 * <p>The bytes are RocksDB's own {@code WriteBatch} representation ({@code db/write_batch.cc}),
 * stable since its first release and what the write-ahead log stores:
 *
 * <pre>
 * batch  = sequence (8, little-endian, 0 until written) | count (4, little-endian) | entry*
 * entry  = 0x05 | columnFamily (varint32) | key (varstring) | value (varstring)    a put
 *        | 0x0E | columnFamily (varint32) | begin (varstring) | end (varstring)   a range delete
 * varstring = length (varint32) | bytes
 * </pre>
 *
 * For example a put of key {@code 01} and value {@code 02 03} into column family 5 is {@code 05
 * 05 01 01 02 02 03}. Only column families other than the default are written this way (the
 * default one has other tags); every shard log has its own.
 *
 * <p>Confined to the holder of {@link ShardLogWriter}'s write turn. Reusable: {@link #build} leaves it empty.
 */
final class WriteBatchBuilder {
  static final int HEADER_BYTES = 12;
  private static final byte COLUMN_FAMILY_PUT = 0x05;
  private static final byte COLUMN_FAMILY_RANGE_DELETE = 0x0E;

  private byte[] bytes = new byte[64 * 1024];
  private int size = HEADER_BYTES;
  private int count;

  /** Whether nothing was added since the last {@link #build}. */
  boolean isEmpty() {
    return count == 0;
  }

  /** Adds a put of {@code key} to a value that {@code value} writes. */
  void put(int columnFamilyId, byte[] key, ValueWriter value) {
    int valueBytes = value.length();
    ensure(1 + 5 + 5 + key.length + 5 + valueBytes);
    bytes[size++] = COLUMN_FAMILY_PUT;
    writeVarint(checkedColumnFamily(columnFamilyId));
    writeBytes(key);
    writeVarint(valueBytes);
    int end = value.writeTo(bytes, size);
    if (end != size + valueBytes) {
      throw new IllegalStateException("value wrote " + (end - size) + " bytes, not " + valueBytes);
    }
    size = end;
    count++;
  }

  /** Adds a put of {@code key} to {@code value}. */
  void put(int columnFamilyId, byte[] key, byte[] value) {
    put(columnFamilyId, key, new ValueWriter() {
      @Override
      public int length() {
        return value.length;
      }

      @Override
      public int writeTo(byte[] dest, int offset) {
        System.arraycopy(value, 0, dest, offset, value.length);
        return offset + value.length;
      }
    });
  }

  /** Adds a delete of every key in {@code [begin, end)}. */
  void deleteRange(int columnFamilyId, byte[] begin, byte[] end) {
    ensure(1 + 5 + 5 + begin.length + 5 + end.length);
    bytes[size++] = COLUMN_FAMILY_RANGE_DELETE;
    writeVarint(checkedColumnFamily(columnFamilyId));
    writeBytes(begin);
    writeBytes(end);
    count++;
  }

  /**
   * The batch of everything added since the last call, which the caller must close; this builder
   * is empty again.
   */
  WriteBatch build() {
    Arrays.fill(bytes, 0, 8, (byte) 0);
    bytes[8] = (byte) count;
    bytes[9] = (byte) (count >>> 8);
    bytes[10] = (byte) (count >>> 16);
    bytes[11] = (byte) (count >>> 24);
    WriteBatch batch = new WriteBatch(Arrays.copyOf(bytes, size));
    size = HEADER_BYTES;
    count = 0;
    return batch;
  }

  /** A value written straight into the batch. */
  interface ValueWriter {
    int length();

    /** Writes {@link #length()} bytes at {@code offset}; returns the offset after them. */
    int writeTo(byte[] dest, int offset);
  }

  private static int checkedColumnFamily(int id) {
    if (id <= 0) {
      throw new IllegalArgumentException("not a shard log's column family: " + id);
    }
    return id;
  }

  private void writeBytes(byte[] value) {
    writeVarint(value.length);
    System.arraycopy(value, 0, bytes, size, value.length);
    size += value.length;
  }

  private void writeVarint(int value) {
    int v = value;
    while ((v & ~0x7F) != 0) {
      bytes[size++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    bytes[size++] = (byte) v;
  }

  private void ensure(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }
}
