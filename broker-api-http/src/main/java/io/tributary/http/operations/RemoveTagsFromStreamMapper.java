package io.tributary.http.operations;

import com.fasterxml.jackson.core.JsonGenerator;
import io.tributary.core.operations.RemoveTagsFromStream;
import io.tributary.http.wire.TimestampEncoding;
import io.tributary.http.wire.WireObject;

/** RemoveTagsFromStream: the stream and {@code TagKeys}; an empty answer. */
final class RemoveTagsFromStreamMapper
    implements OperationMapper<RemoveTagsFromStream.Request, RemoveTagsFromStream.Response> {

  @Override
  public RemoveTagsFromStream.Request readRequest(WireObject body) {
    return new RemoveTagsFromStream.Request(CommonShapes.streamRef(body), body.requiredStrings("TagKeys"));
  }

  @Override
  public void writeResponse(RemoveTagsFromStream.Response response, JsonGenerator out, TimestampEncoding timestamps) {
    // RemoveTagsFromStream has no output members: AWS answers with an empty body.
  }
}
