package io.tributary.http.operations;

import com.fasterxml.jackson.core.JsonGenerator;
import io.tributary.core.operations.DeleteResourcePolicy;
import io.tributary.http.wire.TimestampEncoding;
import io.tributary.http.wire.WireObject;

/** DeleteResourcePolicy: {@code ResourceARN}; an empty answer. */
final class DeleteResourcePolicyMapper
    implements OperationMapper<DeleteResourcePolicy.Request, DeleteResourcePolicy.Response> {

  @Override
  public DeleteResourcePolicy.Request readRequest(WireObject body) {
    return new DeleteResourcePolicy.Request(CommonShapes.requiredResourceArn(body));
  }

  @Override
  public void writeResponse(DeleteResourcePolicy.Response response, JsonGenerator out, TimestampEncoding timestamps) {
    // DeleteResourcePolicy has no output members: AWS answers with an empty body.
  }
}
