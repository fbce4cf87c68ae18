package io.tributary.storage.rocksdb;

import io.tributary.storage.StreamCatalog;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteOptions;

/**
 * The {@link StreamCatalog} in the {@code catalog} column family: each key's UTF-8 bytes map to the
 * caller's value bytes, unchanged. RocksDB's bytewise comparator gives the key order the interface
 * promises. Writes go through the write-ahead log with the store's {@link WriteOptions}, so they
 * are as durable as appends (fsynced under {@code FSYNC}) when they return.
 *
 * <p>Thread-safe: every call runs on the caller's thread under a {@link HandleGate} lease.
 */
// "try": a HandleGate lease is held for its try block and never read inside it.
@SuppressWarnings("try")
final class RocksDbCatalog implements StreamCatalog {

  private final RocksDB db;
  private final ColumnFamilyHandle handle;
  private final WriteOptions writeOptions;
  private final HandleGate gate;

  RocksDbCatalog(
      RocksDB db, ColumnFamilyHandle handle, WriteOptions writeOptions, HandleGate gate) {
    this.db = db;
    this.handle = handle;
    this.writeOptions = writeOptions;
    this.gate = gate;
  }

  @Override
  public Optional<byte[]> get(String key) {
    byte[] keyBytes = utf8(key, "key");
    try (HandleGate.Lease lease = gate.enter()) {
      return Optional.ofNullable(db.get(handle, keyBytes));
    } catch (RocksDBException e) {
      throw RocksDbErrorPolicy.wrap("read of catalog key " + key, e);
    }
  }

  @Override
  public List<CatalogEntry> scan(String prefix) {
    byte[] prefixBytes = utf8(prefix, "prefix");
    List<CatalogEntry> entries = new ArrayList<>();
    try (HandleGate.Lease lease = gate.enter();
        RocksIterator it = db.newIterator(handle)) {
      for (it.seek(prefixBytes); it.isValid(); it.next()) {
        byte[] key = it.key();
        if (!startsWith(key, prefixBytes)) {
          break;
        }
        entries.add(new CatalogEntry(new String(key, StandardCharsets.UTF_8), it.value()));
      }
      it.status();
    } catch (RocksDBException e) {
      throw RocksDbErrorPolicy.wrap("scan of catalog keys starting with " + prefix, e);
    }
    return entries;
  }

  @Override
  public void put(String key, byte[] value) {
    byte[] keyBytes = utf8(key, "key");
    Objects.requireNonNull(value, "value");
    try (HandleGate.Lease lease = gate.enter()) {
      db.put(handle, writeOptions, keyBytes, value);
    } catch (RocksDBException e) {
      throw RocksDbErrorPolicy.wrap("write of catalog key " + key, e);
    }
  }

  @Override
  public void delete(String key) {
    byte[] keyBytes = utf8(key, "key");
    try (HandleGate.Lease lease = gate.enter()) {
      db.delete(handle, writeOptions, keyBytes);
    } catch (RocksDBException e) {
      throw RocksDbErrorPolicy.wrap("delete of catalog key " + key, e);
    }
  }

  private static byte[] utf8(String s, String name) {
    return Objects.requireNonNull(s, name).getBytes(StandardCharsets.UTF_8);
  }

  private static boolean startsWith(byte[] key, byte[] prefix) {
    return key.length >= prefix.length
        && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
  }
}
