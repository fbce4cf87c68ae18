package io.tributary.storage.rocksdb;

import io.tributary.storage.ShardLogId;
import io.tributary.storage.StorageException;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A key or value in a shard log's column family that does not decode under the layout in {@link
 * io.tributary.storage.rocksdb}: truncated, of an unknown format version, or contradicting the
 * sequence it is stored under.
 *
 * <p>RocksDB checksums its blocks, so this means a bug or a foreign writer rather than a flipped
 * bit on disk. The record is never skipped silently: the read that meets it fails.
 */
public final class CorruptRecordException extends StorageException {

  private final ShardLogId shardLogId;
  private final OptionalLong sequence;

  /** A record stored under {@code sequence} whose value is malformed. */
  public CorruptRecordException(ShardLogId shardLogId, long sequence, String problem) {
    super(
        "corrupt record in shard log "
            + shardLogId
            + " at sequence "
            + sequence
            + " (key "
            + RecordFormat.hex(RecordFormat.key(sequence))
            + "): "
            + problem);
    this.shardLogId = Objects.requireNonNull(shardLogId, "shardLogId");
    this.sequence = OptionalLong.of(sequence);
  }

  /** A malformed entry that is not tied to one sequence, such as a key of the wrong length. */
  public CorruptRecordException(ShardLogId shardLogId, String problem) {
    super("corrupt entry in shard log " + shardLogId + ": " + problem);
    this.shardLogId = Objects.requireNonNull(shardLogId, "shardLogId");
    this.sequence = OptionalLong.empty();
  }

  /** The shard log holding the malformed entry. */
  public ShardLogId shardLogId() {
    return shardLogId;
  }

  /** The sequence the malformed value is stored under, if the key itself was readable. */
  public OptionalLong sequence() {
    return sequence;
  }
}
