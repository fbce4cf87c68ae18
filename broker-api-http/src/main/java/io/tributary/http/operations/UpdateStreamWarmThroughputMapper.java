package io.tributary.http.operations;

import com.fasterxml.jackson.core.JsonGenerator;
import io.tributary.core.operations.UpdateStreamWarmThroughput;
import io.tributary.http.wire.TimestampEncoding;
import io.tributary.http.wire.WireObject;
import java.io.IOException;

/**
 * UpdateStreamWarmThroughput: the stream and {@code WarmThroughputMiBps}; answers
 * {@code StreamARN}, {@code StreamName} and {@code WarmThroughput}, in the model's order.
 */
final class UpdateStreamWarmThroughputMapper
    implements OperationMapper<UpdateStreamWarmThroughput.Request, UpdateStreamWarmThroughput.Response> {

  @Override
  public UpdateStreamWarmThroughput.Request readRequest(WireObject body) {
    return new UpdateStreamWarmThroughput.Request(CommonShapes.streamRef(body),
        body.requiredInteger("WarmThroughputMiBps"));
  }

  @Override
  public void writeResponse(
      UpdateStreamWarmThroughput.Response response, JsonGenerator out, TimestampEncoding timestamps)
      throws IOException {
    out.writeStartObject();
    out.writeStringField("StreamARN", response.streamArn().toString());
    out.writeStringField("StreamName", response.streamName().value());
    CommonShapes.writeWarmThroughput(out, response.warmThroughput());
    out.writeEndObject();
  }
}
