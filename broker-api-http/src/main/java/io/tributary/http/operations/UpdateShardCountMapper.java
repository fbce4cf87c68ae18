package io.tributary.http.operations;

import com.fasterxml.jackson.core.JsonGenerator;
import io.tributary.core.operations.UpdateShardCount;
import io.tributary.http.wire.TimestampEncoding;
import io.tributary.http.wire.WireObject;
import java.io.IOException;

/**
 * UpdateShardCount: the stream, {@code TargetShardCount} and {@code ScalingType}, whose only
 * value, UNIFORM_SCALING, is checked here; answers {@code StreamName}, {@code CurrentShardCount},
 * {@code TargetShardCount} and {@code StreamARN}.
 */
final class UpdateShardCountMapper implements OperationMapper<UpdateShardCount.Request, UpdateShardCount.Response> {
  /** The model's ScalingType enum. */
  enum ScalingType { UNIFORM_SCALING }

  @Override
  public UpdateShardCount.Request readRequest(WireObject body) {
    String scalingType = body.requiredString("ScalingType");
    CommonShapes.enumValue(body, "ScalingType", ScalingType.class, scalingType);
    return new UpdateShardCount.Request(CommonShapes.streamRef(body), body.requiredInteger("TargetShardCount"));
  }

  @Override
  public void writeResponse(UpdateShardCount.Response response, JsonGenerator out, TimestampEncoding timestamps)
      throws IOException {
    out.writeStartObject();
    out.writeStringField("StreamName", response.streamName().value());
    out.writeNumberField("CurrentShardCount", response.currentShardCount());
    out.writeNumberField("TargetShardCount", response.targetShardCount());
    out.writeStringField("StreamARN", response.streamArn().toString());
    out.writeEndObject();
  }
}
