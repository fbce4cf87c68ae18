package io.tributary.core.streams;

import io.tributary.core.model.ConsumerStatus;
import io.tributary.core.model.EncryptionType;
import io.tributary.core.model.HashKey;
import io.tributary.core.model.HashKeyRange;
import io.tributary.core.model.ShardId;
import io.tributary.core.model.StreamMode;
import io.tributary.core.model.StreamName;
import io.tributary.core.model.StreamStatus;
import io.tributary.storage.ShardLogId;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The catalog value of a stream: a version byte, then the fields of {@link StreamState} in
 * declaration order, written with {@link DataOutputStream} (big-endian numbers, modified-UTF-8
 * strings, hash keys as length-prefixed two's-complement bytes, optionals as a presence byte,
 * optional strings as an int length and UTF-8 bytes, maps and lists as an int count and entries).
 *
 * <p>Version 1 is the only one so far. A later version appends fields; its reader keeps
 * reading version 1 values with defaults for the new fields.
 *
 * <p>Stateless and thread-safe.
 */
final class StreamStateCodec {
  private static final int VERSION = 1;

  private StreamStateCodec() {}

  static byte[] encode(StreamState s) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      out.writeUTF(s.key().accountId());
      out.writeUTF(s.key().region());
      out.writeUTF(s.key().name().value());
      out.writeLong(s.uid());
      out.writeUTF(s.storedStatus().name());
      out.writeLong(s.transitionAtMillis());
      out.writeLong(s.createdMillis());
      out.writeInt(s.retentionHours());
      out.writeInt(s.shards().size());
      for (ShardState shard : s.shards()) {
        out.writeInt(shard.shardId().index());
        writeBig(out, shard.hashKeyRange().startingHashKey().value());
        writeBig(out, shard.hashKeyRange().endingHashKey().value());
        writeShardId(out, shard.parent());
        writeShardId(out, shard.adjacentParent());
        out.writeLong(shard.startingSequence());
        out.writeBoolean(shard.endingSequence().isPresent());
        if (shard.endingSequence().isPresent()) {
          out.writeLong(shard.endingSequence().getAsLong());
        }
        out.writeUTF(shard.logId().value());
      }
      out.writeInt(s.nextShardIndex());
      out.writeUTF(s.streamMode().name());
      out.writeUTF(s.encryptionType().name());
      writeOptional(out, s.keyId());
      writeTags(out, s.tags());
      out.writeInt(s.shardLevelMetrics().size());
      for (String metric : s.shardLevelMetrics()) {
        out.writeUTF(metric);
      }
      out.writeInt(s.maxRecordSizeKiB());
      out.writeBoolean(s.warmThroughputMiBps().isPresent());
      if (s.warmThroughputMiBps().isPresent()) {
        out.writeInt(s.warmThroughputMiBps().getAsInt());
      }
      out.writeInt(s.consumers().size());
      for (ConsumerState c : s.consumers()) {
        out.writeUTF(c.name());
        out.writeLong(c.createdMillis());
        out.writeUTF(c.storedStatus().name());
        out.writeLong(c.transitionAtMillis());
        writeTags(out, c.tags());
        writeOptional(out, c.resourcePolicy());
      }
      writeOptional(out, s.resourcePolicy());
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return bytes.toByteArray();
  }

  static StreamState decode(byte[] value) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(value))) {
      int version = in.readUnsignedByte();
      if (version != VERSION) {
        throw new IllegalStateException("unknown stream metadata version " + version);
      }
      StreamKey key = new StreamKey(in.readUTF(), in.readUTF(), new StreamName(in.readUTF()));
      long uid = in.readLong();
      StreamStatus status = StreamStatus.valueOf(in.readUTF());
      long transitionAt = in.readLong();
      long created = in.readLong();
      int retention = in.readInt();
      int shardCount = in.readInt();
      List<ShardState> shards = new ArrayList<>(shardCount);
      for (int i = 0; i < shardCount; i++) {
        ShardId id = new ShardId(in.readInt());
        HashKeyRange range = new HashKeyRange(new HashKey(readBig(in)), new HashKey(readBig(in)));
        Optional<ShardId> parent = readShardId(in);
        Optional<ShardId> adjacent = readShardId(in);
        long starting = in.readLong();
        OptionalLong ending = in.readBoolean() ? OptionalLong.of(in.readLong()) : OptionalLong.empty();
        shards.add(new ShardState(id, range, parent, adjacent, starting, ending, new ShardLogId(in.readUTF())));
      }
      int nextShardIndex = in.readInt();
      StreamMode mode = StreamMode.valueOf(in.readUTF());
      EncryptionType encryption = EncryptionType.valueOf(in.readUTF());
      Optional<String> keyId = readOptional(in);
      SortedMap<String, String> tags = readTags(in);
      int metricCount = in.readInt();
      List<String> metrics = new ArrayList<>(metricCount);
      for (int i = 0; i < metricCount; i++) {
        metrics.add(in.readUTF());
      }
      int maxRecordSizeKiB = in.readInt();
      OptionalInt warm = in.readBoolean() ? OptionalInt.of(in.readInt()) : OptionalInt.empty();
      int consumerCount = in.readInt();
      List<ConsumerState> consumers = new ArrayList<>(consumerCount);
      for (int i = 0; i < consumerCount; i++) {
        consumers.add(new ConsumerState(in.readUTF(), in.readLong(), ConsumerStatus.valueOf(in.readUTF()),
            in.readLong(), readTags(in), readOptional(in)));
      }
      Optional<String> policy = readOptional(in);
      return new StreamState(key, uid, status, transitionAt, created, retention, shards, nextShardIndex,
          mode, encryption, keyId, tags, metrics, maxRecordSizeKiB, warm, consumers, policy);
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalStateException("corrupt stream metadata", e);
    }
  }

  /** Strings that may pass the 64 KiB of writeUTF (policies) go as an int length and UTF-8 bytes. */
  private static void writeOptional(DataOutputStream out, Optional<String> value) throws IOException {
    out.writeBoolean(value.isPresent());
    if (value.isPresent()) {
      byte[] b = value.get().getBytes(StandardCharsets.UTF_8);
      out.writeInt(b.length);
      out.write(b);
    }
  }

  private static Optional<String> readOptional(DataInputStream in) throws IOException {
    if (!in.readBoolean()) {
      return Optional.empty();
    }
    byte[] b = new byte[in.readInt()];
    in.readFully(b);
    return Optional.of(new String(b, StandardCharsets.UTF_8));
  }

  private static void writeTags(DataOutputStream out, Map<String, String> tags) throws IOException {
    out.writeInt(tags.size());
    for (Map.Entry<String, String> e : tags.entrySet()) {
      out.writeUTF(e.getKey());
      out.writeUTF(e.getValue());
    }
  }

  private static SortedMap<String, String> readTags(DataInputStream in) throws IOException {
    int count = in.readInt();
    SortedMap<String, String> tags = new TreeMap<>();
    for (int i = 0; i < count; i++) {
      tags.put(in.readUTF(), in.readUTF());
    }
    return tags;
  }

  private static void writeBig(DataOutputStream out, BigInteger value) throws IOException {
    byte[] b = value.toByteArray();
    out.writeByte(b.length);
    out.write(b);
  }

  private static BigInteger readBig(DataInputStream in) throws IOException {
    byte[] b = new byte[in.readUnsignedByte()];
    in.readFully(b);
    return new BigInteger(b);
  }

  private static void writeShardId(DataOutputStream out, Optional<ShardId> id) throws IOException {
    out.writeInt(id.map(ShardId::index).orElse(-1));
  }

  private static Optional<ShardId> readShardId(DataInputStream in) throws IOException {
    int index = in.readInt();
    return index < 0 ? Optional.empty() : Optional.of(new ShardId(index));
  }
}
