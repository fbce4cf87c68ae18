package io.tributary.http.operations;

import com.fasterxml.jackson.core.JsonGenerator;
import io.tributary.core.operations.UpdateStreamMode;
import io.tributary.http.wire.TimestampEncoding;
import io.tributary.http.wire.WireObject;

/**
 * UpdateStreamMode: {@code StreamARN}, {@code StreamModeDetails} and
 * {@code WarmThroughputMiBps}; an empty answer.
 */
final class UpdateStreamModeMapper implements OperationMapper<UpdateStreamMode.Request, UpdateStreamMode.Response> {

  @Override
  public UpdateStreamMode.Request readRequest(WireObject body) {
    return new UpdateStreamMode.Request(CommonShapes.requiredStreamArn(body),
        CommonShapes.streamMode(body.requiredStructure("StreamModeDetails")), body.integer("WarmThroughputMiBps"));
  }

  @Override
  public void writeResponse(UpdateStreamMode.Response response, JsonGenerator out, TimestampEncoding timestamps) {
    // UpdateStreamMode has no output members: AWS answers with an empty body.
  }
}
