package io.tributary.storage;

import java.util.List;
import java.util.Optional;

/**
 * A small durable key-value map for stream, shard and consumer metadata.
 *
 * <p>Keys are strings compared by their UTF-8 bytes; values are opaque bytes whose format
 * belongs to the caller. Every write is durable (as {@link Durability} says) when it returns.
 *
 * <p>Thread-safe.
 */
public interface StreamCatalog {

  /** The value stored under {@code key}. */
  Optional<byte[]> get(String key);

  /** Every entry whose key starts with {@code prefix}, in key order. */
  List<CatalogEntry> scan(String prefix);

  /** Stores, replacing any earlier value. */
  void put(String key, byte[] value);

  /** Removes the key if present. */
  void delete(String key);

  /** One key and its value. */
  record CatalogEntry(String key, byte[] value) {}
}
