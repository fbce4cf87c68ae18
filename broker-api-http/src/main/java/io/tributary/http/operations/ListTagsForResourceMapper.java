package io.tributary.http.operations;

import com.fasterxml.jackson.core.JsonGenerator;
import io.tributary.core.operations.ListTagsForResource;
import io.tributary.http.wire.TimestampEncoding;
import io.tributary.http.wire.WireObject;
import java.io.IOException;

/** ListTagsForResource: {@code ResourceARN}; answers {@code Tags}, every tag in one page. */
final class ListTagsForResourceMapper
    implements OperationMapper<ListTagsForResource.Request, ListTagsForResource.Response> {

  @Override
  public ListTagsForResource.Request readRequest(WireObject body) {
    return new ListTagsForResource.Request(CommonShapes.requiredResourceArn(body));
  }

  @Override
  public void writeResponse(ListTagsForResource.Response response, JsonGenerator out, TimestampEncoding timestamps)
      throws IOException {
    out.writeStartObject();
    CommonShapes.writeTags(out, response.tags());
    out.writeEndObject();
  }
}
