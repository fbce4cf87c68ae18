package io.tributary.http.operations;

import com.fasterxml.jackson.core.JsonGenerator;
import io.tributary.core.error.KinesisException;
import io.tributary.core.model.HashKeyRange;
import io.tributary.core.model.ShardId;
import io.tributary.core.model.StreamArn;
import io.tributary.core.model.StreamMode;
import io.tributary.core.model.StreamName;
import io.tributary.core.operations.ChildShard;
import io.tributary.core.operations.DataRecord;
import io.tributary.core.operations.EnhancedMetrics;
import io.tributary.core.operations.ShardDescription;
import io.tributary.core.operations.StreamRef;
import io.tributary.http.wire.TimestampEncoding;
import io.tributary.http.wire.WireObject;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reading and writing the shapes that several operations share: stream names and ARNs, shard
 * ids, hash keys, and the {@code Shard}, {@code HashKeyRange}, {@code StreamModeDetails} and
 * {@code EnhancedMonitoring} output shapes.
 *
 * <p>The member checks repeat the model's constraints only where a domain type would otherwise
 * refuse a value with a Java exception; the validator has normally refused such requests first.
 */
final class CommonShapes {
  private static final Pattern HASH_KEY = Pattern.compile("0|([1-9]\\d{0,38})");

  private CommonShapes() {}

  /** {@code StreamName} and {@code StreamARN}, either or both; the domain checks they agree. */
  static StreamRef streamRef(WireObject body) {
    return new StreamRef(streamName(body, "StreamName"), streamArn(body));
  }

  static Optional<StreamName> streamName(WireObject body, String member) {
    Optional<String> text = body.string(member);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    String value = text.get();
    if (value.isEmpty()) {
      throw body.invalid(member, value, "Member must have length greater than or equal to 1");
    }
    if (value.length() > 128) {
      throw body.invalid(member, value, "Member must have length less than or equal to 128");
    }
    if (!StreamName.isValid(value)) {
      throw body.invalid(member, value, "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
    }
    return Optional.of(new StreamName(value));
  }

  static StreamName requiredStreamName(WireObject body, String member) {
    body.requiredString(member);
    return streamName(body, member).orElseThrow();
  }

  static Optional<StreamArn> streamArn(WireObject body) {
    return body.string("StreamARN").map(text -> StreamArn.parse(text).orElseThrow(
        () -> KinesisException.invalidArgument("StreamARN " + text + " is not a valid Kinesis stream ARN.")));
  }

  /**
   * An {@code ExclusiveStartShardId}. AWS compares it with shard ids as a string; Tributary's ids
   * sort as their indexes do, so an id it did not make is placed where it would sort: before
   * every shard, or after all of them.
   */
  static Optional<ShardId> exclusiveStartShardId(WireObject body, String member) {
    Optional<String> text = body.string(member);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    Optional<ShardId> parsed = ShardId.parse(text.get());
    if (parsed.isPresent()) {
      return parsed;
    }
    return text.get().compareTo(new ShardId(0).toString()) < 0
        ? Optional.empty()
        : Optional.of(new ShardId(Integer.MAX_VALUE));
  }

  static Optional<BigInteger> explicitHashKey(WireObject body) {
    return hashKey(body, "ExplicitHashKey");
  }

  /** A {@code HashKey} member: a decimal of at most 39 digits, as the model's pattern says. */
  static Optional<BigInteger> hashKey(WireObject body, String member) {
    return body.string(member).map(text -> {
      if (!HASH_KEY.matcher(text).matches()) {
        throw body.invalid(member, text, "Member must satisfy regular expression pattern: " + HASH_KEY.pattern());
      }
      return new BigInteger(text);
    });
  }

  /** An enum member, spelled as its constant; the model's enum text otherwise. */
  static <E extends Enum<E>> E enumValue(WireObject body, String member, Class<E> type, String text) {
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(text)) {
        return constant;
      }
    }
    String values = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    throw body.invalid(member, text, "Member must satisfy enum value set: [" + values + "]");
  }

  static void writeStreamModeDetails(JsonGenerator out, StreamMode mode) throws IOException {
    out.writeObjectFieldStart("StreamModeDetails");
    out.writeStringField("StreamMode", mode.name());
    out.writeEndObject();
  }

  static void writeEnhancedMonitoring(JsonGenerator out, List<EnhancedMetrics> monitoring) throws IOException {
    out.writeArrayFieldStart("EnhancedMonitoring");
    for (EnhancedMetrics metrics : monitoring) {
      out.writeStartObject();
      out.writeArrayFieldStart("ShardLevelMetrics");
      for (String metric : metrics.shardLevelMetrics()) {
        out.writeString(metric);
      }
      out.writeEndArray();
      out.writeEndObject();
    }
    out.writeEndArray();
  }

  static void writeHashKeyRange(JsonGenerator out, HashKeyRange range) throws IOException {
    out.writeObjectFieldStart("HashKeyRange");
    out.writeStringField("StartingHashKey", range.startingHashKey().toString());
    out.writeStringField("EndingHashKey", range.endingHashKey().toString());
    out.writeEndObject();
  }

  /** The {@code Shard} shape, as DescribeStream and ListShards list it. */
  static void writeShard(JsonGenerator out, ShardDescription shard) throws IOException {
    out.writeStartObject();
    out.writeStringField("ShardId", shard.shardId().toString());
    if (shard.parentShardId().isPresent()) {
      out.writeStringField("ParentShardId", shard.parentShardId().get().toString());
    }
    if (shard.adjacentParentShardId().isPresent()) {
      out.writeStringField("AdjacentParentShardId", shard.adjacentParentShardId().get().toString());
    }
    writeHashKeyRange(out, shard.hashKeyRange());
    out.writeObjectFieldStart("SequenceNumberRange");
    out.writeStringField("StartingSequenceNumber", shard.startingSequenceNumber().toString());
    if (shard.endingSequenceNumber().isPresent()) {
      out.writeStringField("EndingSequenceNumber", shard.endingSequenceNumber().get().toString());
    }
    out.writeEndObject();
    out.writeEndObject();
  }

  static void writeShards(JsonGenerator out, List<ShardDescription> shards) throws IOException {
    out.writeArrayFieldStart("Shards");
    for (ShardDescription shard : shards) {
      writeShard(out, shard);
    }
    out.writeEndArray();
  }

  /** {@code Records}, as GetRecords and SubscribeToShard's events carry them. */
  static void writeRecords(JsonGenerator out, TimestampEncoding timestamps, List<DataRecord> records)
      throws IOException {
    out.writeArrayFieldStart("Records");
    for (DataRecord r : records) {
      out.writeStartObject();
      out.writeStringField("SequenceNumber", r.sequenceNumber().toString());
      timestamps.writeField(out, "ApproximateArrivalTimestamp", r.approximateArrivalTimestamp());
      out.writeBinaryField("Data", r.data());
      out.writeStringField("PartitionKey", r.partitionKey());
      if (r.encryptionType().isPresent()) {
        out.writeStringField("EncryptionType", r.encryptionType().get().name());
      }
      out.writeEndObject();
    }
    out.writeEndArray();
  }

  /** {@code ChildShards}, left out when there are none. */
  static void writeChildShards(JsonGenerator out, List<ChildShard> children) throws IOException {
    if (children.isEmpty()) {
      return;
    }
    out.writeArrayFieldStart("ChildShards");
    for (ChildShard child : children) {
      out.writeStartObject();
      out.writeStringField("ShardId", child.shardId().toString());
      out.writeArrayFieldStart("ParentShards");
      for (ShardId parent : child.parentShards()) {
        out.writeString(parent.toString());
      }
      out.writeEndArray();
      writeHashKeyRange(out, child.hashKeyRange());
      out.writeEndObject();
    }
    out.writeEndArray();
  }
}
