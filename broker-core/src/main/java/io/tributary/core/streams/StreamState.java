package io.tributary.core.streams;

import io.tributary.core.model.EncryptionType;
import io.tributary.core.model.HashKey;
import io.tributary.core.model.ShardId;
import io.tributary.core.model.StreamArn;
import io.tributary.core.model.StreamMode;
import io.tributary.core.model.StreamStatus;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable snapshot of one stream's metadata. Changes make a new snapshot, which the {@link
 * StreamRegistry} persists before publishing.
 *
 * <p>Timed transitions are data, not timers: a stream created at {@code t} is stored as
 * CREATING with {@code transitionAtMillis = t + delay} and reads as ACTIVE from then on
 * ({@link #statusAt(long)}); a deleted stream is stored as DELETING and is gone from
 * {@code transitionAtMillis} on. So a restart, or an injected clock, sees exactly what a
 * running broker would.
 *
 * @param key account, region and name
 * @param uid unique for the life of the data directory; names the shards' logs
 * @param storedStatus the status last written; see {@link #statusAt(long)}
 * @param transitionAtMillis when CREATING or UPDATING turns ACTIVE, or DELETING turns gone
 * @param createdMillis the stream's creation time, epoch millis
 * @param retentionHours how long records stay readable
 * @param shards every shard not yet expired, in index order
 * @param nextShardIndex the index the next new shard gets
 * @param streamMode PROVISIONED or ON_DEMAND
 * @param encryptionType NONE or KMS
 * @param keyId the KMS key of a KMS-encrypted stream
 */
public record StreamState(
    StreamKey key,
    long uid,
    StreamStatus storedStatus,
    long transitionAtMillis,
    long createdMillis,
    int retentionHours,
    List<ShardState> shards,
    int nextShardIndex,
    StreamMode streamMode,
    EncryptionType encryptionType,
    Optional<String> keyId) {

  public StreamState {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(storedStatus, "storedStatus");
    shards = List.copyOf(shards);
    Objects.requireNonNull(streamMode, "streamMode");
    Objects.requireNonNull(encryptionType, "encryptionType");
    Objects.requireNonNull(keyId, "keyId");
  }

  /** The status a client sees at {@code nowMillis}; empty once a deleted stream is gone. */
  public Optional<StreamStatus> statusAt(long nowMillis) {
    boolean due = nowMillis >= transitionAtMillis;
    return switch (storedStatus) {
      case CREATING, UPDATING -> Optional.of(due ? StreamStatus.ACTIVE : storedStatus);
      case DELETING -> due ? Optional.empty() : Optional.of(StreamStatus.DELETING);
      case ACTIVE -> Optional.of(StreamStatus.ACTIVE);
    };
  }

  public StreamArn arn() {
    return key.arn();
  }

  public Optional<ShardState> shard(ShardId shardId) {
    for (ShardState shard : shards) {
      if (shard.shardId().equals(shardId)) {
        return Optional.of(shard);
      }
    }
    return Optional.empty();
  }

  /** The open shard whose range holds {@code hashKey}; open shards cover the whole key space. */
  public ShardState openShardFor(HashKey hashKey) {
    for (ShardState shard : shards) {
      if (shard.isOpen() && shard.hashKeyRange().contains(hashKey)) {
        return shard;
      }
    }
    throw new IllegalStateException("no open shard of " + key + " holds hash key " + hashKey);
  }

  public int openShardCount() {
    int open = 0;
    for (ShardState shard : shards) {
      if (shard.isOpen()) {
        open++;
      }
    }
    return open;
  }

  public StreamState withStatus(StreamStatus status, long transitionAt) {
    return new StreamState(key, uid, status, transitionAt, createdMillis, retentionHours, shards,
        nextShardIndex, streamMode, encryptionType, keyId);
  }
}
