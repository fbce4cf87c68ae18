package io.tributary.http.operations;

import com.fasterxml.jackson.core.JsonGenerator;
import io.tributary.core.error.KinesisException;
import io.tributary.core.model.ConsumerArn;
import io.tributary.core.model.ConsumerName;
import io.tributary.core.model.HashKeyRange;
import io.tributary.core.model.MetricsName;
import io.tributary.core.model.ResourceArn;
import io.tributary.core.model.ShardId;
import io.tributary.core.model.StreamArn;
import io.tributary.core.model.StreamMode;
import io.tributary.core.model.StreamName;
import io.tributary.core.operations.ChildShard;
import io.tributary.core.operations.Consumer;
import io.tributary.core.operations.ConsumerRef;
import io.tributary.core.operations.DataRecord;
import io.tributary.core.operations.EnhancedMetrics;
import io.tributary.core.operations.ShardDescription;
import io.tributary.core.operations.StreamRef;
import io.tributary.core.operations.Tag;
import io.tributary.core.operations.WarmThroughput;
import io.tributary.http.wire.Base64Text;
import io.tributary.http.wire.TimestampEncoding;
import io.tributary.http.wire.WireObject;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reading and writing the shapes that several operations share: stream names and ARNs, consumer
 * names and ARNs, resource ARNs, shard ids, hash keys, metric names, and the {@code Shard},
 * {@code HashKeyRange}, {@code StreamModeDetails}, {@code EnhancedMonitoring}, {@code Tag},
 * {@code Consumer} and {@code WarmThroughputObject} output shapes.
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

  static StreamArn requiredStreamArn(WireObject body) {
    body.requiredString("StreamARN");
    return streamArn(body).orElseThrow();
  }

  /**
   * A {@code ResourceARN}: a stream's or a consumer's ARN. The model's pattern
   * ({@code arn:aws.*:kinesis:.*:\d{12}:.*stream/\S+}) admits text that names neither, such as
   * {@code arn:aws:kinesis:us-east-1:123456789012:stream/a b/c}; that is InvalidArgumentException,
   * worded as for a bad {@code StreamARN}.
   */
  static ResourceArn requiredResourceArn(WireObject body) {
    String text = body.requiredString("ResourceARN");
    return ResourceArn.parse(text).orElseThrow(() -> KinesisException.invalidArgument(
        "ResourceARN " + text + " is not a valid Kinesis stream or consumer ARN."));
  }

  /** A {@code ConsumerARN}; text the model's pattern admits but that names no consumer is refused. */
  static Optional<ConsumerArn> consumerArn(WireObject body) {
    return body.string("ConsumerARN").map(text -> ConsumerArn.parse(text).orElseThrow(
        () -> KinesisException.invalidArgument("ConsumerARN " + text + " is not a valid Kinesis consumer ARN.")));
  }

  static Optional<ConsumerName> consumerName(WireObject body) {
    Optional<String> text = body.string("ConsumerName");
    if (text.isEmpty()) {
      return Optional.empty();
    }
    String value = text.get();
    if (value.isEmpty()) {
      throw body.invalid("ConsumerName", value, "Member must have length greater than or equal to 1");
    }
    if (value.length() > 128) {
      throw body.invalid("ConsumerName", value, "Member must have length less than or equal to 128");
    }
    if (!ConsumerName.isValid(value)) {
      throw body.invalid("ConsumerName", value, "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
    }
    return Optional.of(new ConsumerName(value));
  }

  /** {@code StreamARN}, {@code ConsumerName} and {@code ConsumerARN}; the domain checks they agree. */
  static ConsumerRef consumerRef(WireObject body) {
    return new ConsumerRef(streamArn(body), consumerName(body), consumerArn(body));
  }

  /** {@code ShardLevelMetrics}: the model's {@code MetricsName} values, in the order sent. */
  static List<MetricsName> shardLevelMetrics(WireObject body) {
    List<String> names = body.requiredStrings("ShardLevelMetrics");
    List<MetricsName> metrics = new ArrayList<>(names.size());
    for (String name : names) {
      metrics.add(enumValue(body, "ShardLevelMetrics", MetricsName.class, name));
    }
    return metrics;
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

  /** The {@code Tag} list of ListTagsForStream and ListTagsForResource: {@code Key}, then {@code Value}. */
  static void writeTags(JsonGenerator out, List<Tag> tags) throws IOException {
    out.writeArrayFieldStart("Tags");
    for (Tag tag : tags) {
      out.writeStartObject();
      out.writeStringField("Key", tag.key());
      out.writeStringField("Value", tag.value());
      out.writeEndObject();
    }
    out.writeEndArray();
  }

  /** The {@code Consumer} shape of RegisterStreamConsumer and ListStreamConsumers. */
  static void writeConsumer(JsonGenerator out, Consumer consumer, TimestampEncoding timestamps) throws IOException {
    out.writeStartObject();
    out.writeStringField("ConsumerName", consumer.consumerName().value());
    out.writeStringField("ConsumerARN", consumer.consumerArn().toString());
    out.writeStringField("ConsumerStatus", consumer.consumerStatus().name());
    timestamps.writeField(out, "ConsumerCreationTimestamp", consumer.consumerCreationTimestamp());
    out.writeEndObject();
  }

  static void writeMetrics(JsonGenerator out, String name, List<MetricsName> metrics) throws IOException {
    out.writeArrayFieldStart(name);
    for (MetricsName metric : metrics) {
      out.writeString(metric.name());
    }
    out.writeEndArray();
  }

  /** The {@code WarmThroughputObject}: {@code TargetMiBps} and {@code CurrentMiBps}, each if known. */
  static void writeWarmThroughput(JsonGenerator out, WarmThroughput warm) throws IOException {
    out.writeObjectFieldStart("WarmThroughput");
    if (warm.targetMiBps().isPresent()) {
      out.writeNumberField("TargetMiBps", warm.targetMiBps().getAsInt());
    }
    if (warm.currentMiBps().isPresent()) {
      out.writeNumberField("CurrentMiBps", warm.currentMiBps().getAsInt());
    }
    out.writeEndObject();
  }

  /** The {@code StreamMode} of a {@code StreamModeDetails} structure. */
  static StreamMode streamMode(WireObject details) {
    String text = details.requiredString("StreamMode");
    return enumValue(details, "StreamMode", StreamMode.class, text);
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
    byte[] base64Scratch = new byte[0];
    for (DataRecord r : records) {
      out.writeStartObject();
      out.writeStringField("SequenceNumber", r.sequenceNumber().toString());
      timestamps.writeField(out, "ApproximateArrivalTimestamp", r.approximateArrivalTimestamp());
      base64Scratch = Base64Text.writeField(out, "Data", r.data(), base64Scratch);
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
