package io.tributary.storage;

import java.util.Objects;

/**
 * The name of one shard's log on disk (for RocksDB, the column family name).
 *
 * <p>The catalog owner chooses the value; it must be unique for the life of the data directory,
 * so a stream deleted and created again under the same name never sees the old records. The
 * broker uses {@code shard/<streamUid>/<shardIndex>}, for example {@code shard/17/3}.
 *
 * @param value printable ASCII, 1 to 200 characters, not starting with {@code default} or
 *     {@code catalog}
 */
public record ShardLogId(String value) {
  public ShardLogId {
    Objects.requireNonNull(value, "value");
    if (value.isEmpty() || value.length() > 200) {
      throw new IllegalArgumentException("shard log id must be 1 to 200 characters: " + value);
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x21 || c > 0x7e) {
        throw new IllegalArgumentException("shard log id must be printable ASCII: " + value);
      }
    }
    if (value.startsWith("default") || value.startsWith("catalog")) {
      throw new IllegalArgumentException("shard log id is reserved: " + value);
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
