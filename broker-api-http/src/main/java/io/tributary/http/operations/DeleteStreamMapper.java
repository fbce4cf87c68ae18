package io.tributary.http.operations;

import com.fasterxml.jackson.core.JsonGenerator;
import io.tributary.core.operations.DeleteStream;
import io.tributary.http.wire.TimestampEncoding;
import io.tributary.http.wire.WireObject;

/** DeleteStream: the stream and {@code EnforceConsumerDeletion}; an empty answer. */
final class DeleteStreamMapper implements OperationMapper<DeleteStream.Request, DeleteStream.Response> {

  @Override
  public DeleteStream.Request readRequest(WireObject body) {
    return new DeleteStream.Request(CommonShapes.streamRef(body), body.bool("EnforceConsumerDeletion"));
  }

  @Override
  public void writeResponse(DeleteStream.Response response, JsonGenerator out, TimestampEncoding timestamps) {
    // DeleteStream has no output members: AWS answers with an empty body.
  }
}
