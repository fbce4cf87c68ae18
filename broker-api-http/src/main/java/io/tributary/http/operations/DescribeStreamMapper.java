package io.tributary.http.operations;

import com.fasterxml.jackson.core.JsonGenerator;
import io.tributary.core.operations.DescribeStream;
import io.tributary.core.operations.StreamDescription;
import io.tributary.http.wire.TimestampEncoding;
import io.tributary.http.wire.WireObject;
import java.io.IOException;

/**
 * DescribeStream: the stream, {@code Limit} and {@code ExclusiveStartShardId}; answers
 * {@code {"StreamDescription":{...}}} with the members in the model's order.
 */
final class DescribeStreamMapper implements OperationMapper<DescribeStream.Request, DescribeStream.Response> {

  @Override
  public DescribeStream.Request readRequest(WireObject body) {
    return new DescribeStream.Request(CommonShapes.streamRef(body), body.integer("Limit"),
        CommonShapes.exclusiveStartShardId(body, "ExclusiveStartShardId"));
  }

  @Override
  public void writeResponse(DescribeStream.Response response, JsonGenerator out, TimestampEncoding timestamps)
      throws IOException {
    StreamDescription d = response.streamDescription();
    out.writeStartObject();
    out.writeObjectFieldStart("StreamDescription");
    out.writeStringField("StreamName", d.streamName().value());
    out.writeStringField("StreamARN", d.streamArn().toString());
    out.writeStringField("StreamStatus", d.streamStatus().name());
    CommonShapes.writeStreamModeDetails(out, d.streamMode());
    CommonShapes.writeShards(out, d.shards());
    out.writeBooleanField("HasMoreShards", d.hasMoreShards());
    out.writeNumberField("RetentionPeriodHours", d.retentionPeriodHours());
    timestamps.writeField(out, "StreamCreationTimestamp", d.streamCreationTimestamp());
    CommonShapes.writeEnhancedMonitoring(out, d.enhancedMonitoring());
    out.writeStringField("EncryptionType", d.encryptionType().name());
    if (d.keyId().isPresent()) {
      out.writeStringField("KeyId", d.keyId().get());
    }
    out.writeEndObject();
    out.writeEndObject();
  }
}
