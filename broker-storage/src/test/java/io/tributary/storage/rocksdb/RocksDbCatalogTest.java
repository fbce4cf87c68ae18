package io.tributary.storage.rocksdb;

import static io.tributary.storage.rocksdb.TestRecords.config;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.storage.Durability;
import io.tributary.storage.StreamCatalog;
import io.tributary.storage.StreamCatalog.CatalogEntry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RocksDbCatalogTest {

  @TempDir Path dir;

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T08:00:00Z"));

  @Test
  void putThenGetReturnsTheValueByteExactAndPutReplaces() {
    try (RocksDbStreamStore store = RocksDbStreamStore.open(config(dir, clock))) {
      StreamCatalog catalog = store.catalog();
      catalog.put("stream/orders", new byte[] {0, 1, (byte) 0xFF});
      assertArrayEquals(new byte[] {0, 1, (byte) 0xFF}, catalog.get("stream/orders").orElseThrow());

      catalog.put("stream/orders", new byte[] {7});
      assertArrayEquals(new byte[] {7}, catalog.get("stream/orders").orElseThrow());
      assertTrue(catalog.get("stream/missing").isEmpty());
    }
  }

  @Test
  void scanReturnsEntriesWithThePrefixInUtf8KeyOrder() {
    try (RocksDbStreamStore store = RocksDbStreamStore.open(config(dir, clock))) {
      StreamCatalog catalog = store.catalog();
      for (String key :
          List.of("stream/b", "streamz", "stream/é", "stream/a", "strea", "shard/1")) {
        catalog.put(key, key.getBytes(StandardCharsets.UTF_8));
      }

      List<CatalogEntry> entries = catalog.scan("stream/");

      assertEquals(
          List.of("stream/a", "stream/b", "stream/é"),
          entries.stream().map(CatalogEntry::key).toList());
      for (CatalogEntry entry : entries) {
        assertEquals(entry.key(), new String(entry.value(), StandardCharsets.UTF_8));
      }
      assertEquals(6, catalog.scan("").size());
      assertEquals(List.of(), catalog.scan("x"));
    }
  }

  @Test
  void deleteRemovesTheKeyAndIgnoresAMissingOne() {
    try (RocksDbStreamStore store = RocksDbStreamStore.open(config(dir, clock))) {
      StreamCatalog catalog = store.catalog();
      catalog.put("stream/orders", new byte[] {1});

      catalog.delete("stream/orders");
      catalog.delete("stream/never-there");

      assertTrue(catalog.get("stream/orders").isEmpty());
      assertEquals(List.of(), catalog.scan("stream/"));
    }
  }

  @Test
  void entriesSurviveReopenUnderBothDurabilities() {
    for (Durability durability : Durability.values()) {
      Path storeDir = dir.resolve(durability.name());
      RocksDbStoreConfig storeConfig = config(storeDir, clock).withDurability(durability);
      try (RocksDbStreamStore store = RocksDbStreamStore.open(storeConfig)) {
        store.catalog().put("stream/kept", new byte[] {1, 2, 3});
        store.catalog().put("stream/deleted", new byte[] {4});
        store.catalog().delete("stream/deleted");
      }
      try (RocksDbStreamStore store = RocksDbStreamStore.open(storeConfig)) {
        assertEquals(
            List.of("stream/kept"),
            store.catalog().scan("stream/").stream().map(CatalogEntry::key).toList());
        assertArrayEquals(new byte[] {1, 2, 3}, store.catalog().get("stream/kept").orElseThrow());
      }
    }
  }
}
