package io.tributary.http.operations;

import com.fasterxml.jackson.core.JsonGenerator;
import io.tributary.core.operations.ListTagsForStream;
import io.tributary.http.wire.TimestampEncoding;
import io.tributary.http.wire.WireObject;
import java.io.IOException;

/**
 * ListTagsForStream: the stream, {@code ExclusiveStartTagKey} and {@code Limit}; answers
 * {@code Tags} and {@code HasMoreTags}, both always present, as the model requires.
 */
final class ListTagsForStreamMapper implements OperationMapper<ListTagsForStream.Request, ListTagsForStream.Response> {

  @Override
  public ListTagsForStream.Request readRequest(WireObject body) {
    return new ListTagsForStream.Request(CommonShapes.streamRef(body), body.string("ExclusiveStartTagKey"),
        body.integer("Limit"));
  }

  @Override
  public void writeResponse(ListTagsForStream.Response response, JsonGenerator out, TimestampEncoding timestamps)
      throws IOException {
    out.writeStartObject();
    CommonShapes.writeTags(out, response.tags());
    out.writeBooleanField("HasMoreTags", response.hasMoreTags());
    out.writeEndObject();
  }
}
