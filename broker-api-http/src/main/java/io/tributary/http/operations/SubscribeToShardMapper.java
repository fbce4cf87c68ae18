package io.tributary.http.operations;

import com.fasterxml.jackson.core.JsonGenerator;
import io.tributary.core.model.ConsumerArn;
import io.tributary.core.model.ShardIteratorType;
import io.tributary.core.operations.ShardSubscription;
import io.tributary.core.operations.SubscribeToShard;
import io.tributary.http.wire.TimestampEncoding;
import io.tributary.http.wire.WireObject;
import java.io.IOException;

/**
 * SubscribeToShard: reads {@code ConsumerARN}, {@code ShardId} and {@code StartingPosition}
 * ({@code Type}, {@code SequenceNumber}, {@code Timestamp}); writes each {@code
 * SubscribeToShardEvent} payload: {@code Records} (as GetRecords writes them), {@code
 * ContinuationSequenceNumber} (absent in a closed shard's last event), {@code MillisBehindLatest}
 * and, in the last event, {@code ChildShards}.
 *
 * <p>Stateless; thread-safe.
 */
public final class SubscribeToShardMapper {
  /** The consumer ARN pattern of the Kinesis model, for ARNs it lets through that name no consumer form. */
  private static final String ARN_PATTERN =
      "^(arn):aws.*:kinesis:.*:\\d{12}:.*stream\\/[a-zA-Z0-9_.-]+\\/consumer\\/[a-zA-Z0-9_.-]+:[0-9]+";

  SubscribeToShardMapper() {}

  public SubscribeToShard.Request readRequest(WireObject body) {
    String arnText = body.requiredString("ConsumerARN");
    ConsumerArn arn = ConsumerArn.parse(arnText).orElseThrow(() -> body.invalid("ConsumerARN", arnText,
        "Member must satisfy regular expression pattern: " + ARN_PATTERN));
    String shardId = body.requiredString("ShardId");
    WireObject position = body.structure("StartingPosition").orElseThrow(() -> body.invalid("StartingPosition",
        "null", "Member must not be null"));
    String type = position.requiredString("Type");
    return new SubscribeToShard.Request(arn, shardId, new SubscribeToShard.StartingPosition(
        CommonShapes.enumValue(position, "Type", ShardIteratorType.class, type),
        position.string("SequenceNumber"),
        position.timestamp("Timestamp")));
  }

  /** One event's payload: the {@code SubscribeToShardEvent} shape's members. */
  public void writeEvent(ShardSubscription.Event event, JsonGenerator out, TimestampEncoding timestamps)
      throws IOException {
    out.writeStartObject();
    CommonShapes.writeRecords(out, timestamps, event.records());
    if (event.continuationSequenceNumber().isPresent()) {
      out.writeStringField("ContinuationSequenceNumber", event.continuationSequenceNumber().get().toString());
    }
    out.writeNumberField("MillisBehindLatest", event.millisBehindLatest());
    CommonShapes.writeChildShards(out, event.childShards());
    out.writeEndObject();
  }
}
