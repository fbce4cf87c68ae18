package io.tributary.http.operations;

import com.fasterxml.jackson.core.JsonGenerator;
import io.tributary.core.operations.AddTagsToStream;
import io.tributary.http.wire.TimestampEncoding;
import io.tributary.http.wire.WireObject;

/** AddTagsToStream: the stream and {@code Tags}, a map of key to value; an empty answer. */
final class AddTagsToStreamMapper implements OperationMapper<AddTagsToStream.Request, AddTagsToStream.Response> {

  @Override
  public AddTagsToStream.Request readRequest(WireObject body) {
    return new AddTagsToStream.Request(CommonShapes.streamRef(body), body.requiredStringMap("Tags"));
  }

  @Override
  public void writeResponse(AddTagsToStream.Response response, JsonGenerator out, TimestampEncoding timestamps) {
    // AddTagsToStream has no output members: AWS answers with an empty body.
  }
}
