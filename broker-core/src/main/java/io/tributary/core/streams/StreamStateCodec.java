package io.tributary.core.streams;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The catalog value of a stream: a version byte, then the fields of {@link StreamState} in
 * declaration order, written with {@link DataOutputStream} (big-endian numbers, modified-UTF-8
 * strings, hash keys as length-prefixed two's-complement bytes, optionals as a presence byte).
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
      out.writeBoolean(s.keyId().isPresent());
      if (s.keyId().isPresent()) {
        out.writeUTF(s.keyId().get());
      }
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
      Optional<String> keyId = in.readBoolean() ? Optional.of(in.readUTF()) : Optional.empty();
      return new StreamState(key, uid, status, transitionAt, created, retention, shards, nextShardIndex,
          mode, encryption, keyId);
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalStateException("corrupt stream metadata", e);
    }
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
