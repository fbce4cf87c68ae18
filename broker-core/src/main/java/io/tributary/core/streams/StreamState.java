package io.tributary.core.streams;

import io.tributary.core.model.EncryptionType;
import io.tributary.core.model.HashKey;
import io.tributary.core.model.ShardId;
import io.tributary.core.model.StreamArn;
import io.tributary.core.model.StreamMode;
import io.tributary.core.model.StreamStatus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An immutable snapshot of one stream's metadata. Changes make a new snapshot (see {@link
 * #toBuilder()}), which the {@link StreamRegistry} persists before publishing.
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
 * @param tags the stream's tags, in key order
 * @param shardLevelMetrics the enhanced monitoring metrics enabled, in AWS's order
 * @param maxRecordSizeKiB the largest record (data plus partition key) the stream accepts
 * @param warmThroughputMiBps the warm throughput asked for an on-demand stream, if any
 * @param consumers the registered consumers, in registration order
 * @param resourcePolicy the stream's resource policy document, if one was put
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
    Optional<String> keyId,
    Map<String, String> tags,
    List<String> shardLevelMetrics,
    int maxRecordSizeKiB,
    OptionalInt warmThroughputMiBps,
    List<ConsumerState> consumers,
    Optional<String> resourcePolicy) {

  /** The record size limit of a new stream: 1 MiB, as in AWS. */
  public static final int DEFAULT_MAX_RECORD_SIZE_KIB = 1024;

  public StreamState {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(storedStatus, "storedStatus");
    shards = List.copyOf(shards);
    Objects.requireNonNull(streamMode, "streamMode");
    Objects.requireNonNull(encryptionType, "encryptionType");
    Objects.requireNonNull(keyId, "keyId");
    tags = Collections.unmodifiableSortedMap(new TreeMap<>(tags));
    shardLevelMetrics = List.copyOf(shardLevelMetrics);
    Objects.requireNonNull(warmThroughputMiBps, "warmThroughputMiBps");
    consumers = List.copyOf(consumers);
    Objects.requireNonNull(resourcePolicy, "resourcePolicy");
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

  public List<ShardState> openShards() {
    List<ShardState> open = new ArrayList<>();
    for (ShardState shard : shards) {
      if (shard.isOpen()) {
        open.add(shard);
      }
    }
    return open;
  }

  public int openShardCount() {
    return openShards().size();
  }

  /** The consumers a client can see at {@code nowMillis} (deregistration not yet complete). */
  public List<ConsumerState> visibleConsumers(long nowMillis) {
    List<ConsumerState> visible = new ArrayList<>();
    for (ConsumerState c : consumers) {
      if (c.statusAt(nowMillis).isPresent()) {
        visible.add(c);
      }
    }
    return visible;
  }

  public Optional<ConsumerState> consumer(String name, long nowMillis) {
    for (ConsumerState c : visibleConsumers(nowMillis)) {
      if (c.name().equals(name)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  public StreamState withStatus(StreamStatus status, long transitionAt) {
    return toBuilder().status(status, transitionAt).build();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Makes a changed copy of a {@link StreamState}. Confined to one thread. */
  public static final class Builder {
    private final StreamKey key;
    private final long uid;
    private final long createdMillis;
    private StreamStatus status;
    private long transitionAtMillis;
    private int retentionHours;
    private List<ShardState> shards;
    private int nextShardIndex;
    private StreamMode streamMode;
    private EncryptionType encryptionType;
    private Optional<String> keyId;
    private Map<String, String> tags;
    private List<String> shardLevelMetrics;
    private int maxRecordSizeKiB;
    private OptionalInt warmThroughputMiBps;
    private List<ConsumerState> consumers;
    private Optional<String> resourcePolicy;

    private Builder(StreamState s) {
      key = s.key;
      uid = s.uid;
      createdMillis = s.createdMillis;
      status = s.storedStatus;
      transitionAtMillis = s.transitionAtMillis;
      retentionHours = s.retentionHours;
      shards = s.shards;
      nextShardIndex = s.nextShardIndex;
      streamMode = s.streamMode;
      encryptionType = s.encryptionType;
      keyId = s.keyId;
      tags = s.tags;
      shardLevelMetrics = s.shardLevelMetrics;
      maxRecordSizeKiB = s.maxRecordSizeKiB;
      warmThroughputMiBps = s.warmThroughputMiBps;
      consumers = s.consumers;
      resourcePolicy = s.resourcePolicy;
    }

    public Builder status(StreamStatus newStatus, long transitionAt) {
      this.status = newStatus;
      this.transitionAtMillis = transitionAt;
      return this;
    }

    public Builder retentionHours(int hours) {
      this.retentionHours = hours;
      return this;
    }

    /** Replaces the shard list and the next free shard index. */
    public Builder shards(List<ShardState> newShards, int nextIndex) {
      this.shards = newShards;
      this.nextShardIndex = nextIndex;
      return this;
    }

    public Builder streamMode(StreamMode mode) {
      this.streamMode = mode;
      return this;
    }

    public Builder encryption(EncryptionType type, Optional<String> key) {
      this.encryptionType = type;
      this.keyId = key;
      return this;
    }

    public Builder tags(Map<String, String> newTags) {
      this.tags = new TreeMap<>(newTags);
      return this;
    }

    public Builder shardLevelMetrics(List<String> metrics) {
      this.shardLevelMetrics = metrics;
      return this;
    }

    public Builder maxRecordSizeKiB(int kib) {
      this.maxRecordSizeKiB = kib;
      return this;
    }

    public Builder warmThroughputMiBps(OptionalInt mibps) {
      this.warmThroughputMiBps = mibps;
      return this;
    }

    public Builder consumers(List<ConsumerState> newConsumers) {
      this.consumers = newConsumers;
      return this;
    }

    public Builder resourcePolicy(Optional<String> policy) {
      this.resourcePolicy = policy;
      return this;
    }

    public StreamState build() {
      return new StreamState(key, uid, status, transitionAtMillis, createdMillis, retentionHours, shards,
          nextShardIndex, streamMode, encryptionType, keyId, tags, shardLevelMetrics, maxRecordSizeKiB,
          warmThroughputMiBps, consumers, resourcePolicy);
    }
  }
}
