package io.tributary.storage.rocksdb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.DBOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

/** The batches built as bytes are the very bytes RocksDB's own WriteBatch makes. */
class WriteBatchBuilderTest {

  @TempDir Path dir;

  @Test
  void putsAndRangeDeletesAreTheBytesRocksDbWrites() throws RocksDBException {
    RocksDB.loadLibrary();
    List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
    descriptors.add(new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY));
    for (int i = 0; i < 200; i++) {
      descriptors.add(new ColumnFamilyDescriptor(("shard/1/" + i).getBytes(StandardCharsets.US_ASCII)));
    }
    List<ColumnFamilyHandle> handles = new ArrayList<>();
    try (DBOptions options = new DBOptions().setCreateIfMissing(true).setCreateMissingColumnFamilies(true);
        RocksDB db = RocksDB.open(options, dir.toString(), descriptors, handles)) {
      ColumnFamilyHandle low = handles.get(3);
      ColumnFamilyHandle high = handles.get(199);
      byte[] longValue = new byte[300];
      for (int i = 0; i < longValue.length; i++) {
        longValue[i] = (byte) i;
      }
      WriteBatchBuilder builder = new WriteBatchBuilder();
      try (WriteBatch expected = new WriteBatch()) {
        expected.put(low, RecordFormat.key(1), new byte[] {1, 2, 3});
        builder.put(low.getID(), RecordFormat.key(1), new byte[] {1, 2, 3});
        expected.put(high, RecordFormat.key(Long.MAX_VALUE), longValue);
        builder.put(high.getID(), RecordFormat.key(Long.MAX_VALUE), longValue);
        expected.put(low, RecordFormat.key(2), new byte[0]);
        builder.put(low.getID(), RecordFormat.key(2), new byte[0]);
        expected.deleteRange(high, RecordFormat.key(0), RecordFormat.key(1 << 20));
        builder.deleteRange(high.getID(), RecordFormat.key(0), RecordFormat.key(1 << 20));
        byte[] key = new byte[] {'k', 'e', 'y'};
        expected.put(low, RecordFormat.key(3), RecordFormat.encodeValue(1_795_852_800_000L, key, longValue));
        builder.put(low.getID(), RecordFormat.key(3), RecordFormat.valueWriter(1_795_852_800_000L, key, longValue));
        try (WriteBatch built = builder.build()) {
          assertEquals(expected.count(), built.count());
          assertArrayEquals(expected.data(), built.data());
        }
      }
      try (WriteBatch empty = builder.build(); WriteBatch none = new WriteBatch()) {
        assertArrayEquals(none.data(), empty.data(), "a built batch leaves the builder empty");
      }
    } finally {
      handles.forEach(ColumnFamilyHandle::close);
    }
  }

  @Test
  void theDefaultColumnFamilyIsRefused() {
    WriteBatchBuilder builder = new WriteBatchBuilder();
    assertThrows(IllegalArgumentException.class, () -> builder.put(0, new byte[] {1}, new byte[] {2}));
  }

  @Test
  void aRecordValueWrittenInPlaceIsTheEncodedValue() {
    byte[] key = "partition".getBytes(StandardCharsets.UTF_8);
    byte[] data = {9, 8, 7};
    WriteBatchBuilder.ValueWriter writer = RecordFormat.valueWriter(42L, key, data);
    byte[] dest = new byte[writer.length() + 4];
    assertEquals(2 + writer.length(), writer.writeTo(dest, 2));
    byte[] written = Arrays.copyOfRange(dest, 2, 2 + writer.length());
    assertArrayEquals(RecordFormat.encodeValue(42L, key, data), written);
  }
}
