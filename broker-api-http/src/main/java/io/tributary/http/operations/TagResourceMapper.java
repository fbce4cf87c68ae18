package io.tributary.http.operations;

import com.fasterxml.jackson.core.JsonGenerator;
import io.tributary.core.operations.TagResource;
import io.tributary.http.wire.TimestampEncoding;
import io.tributary.http.wire.WireObject;

/** TagResource: {@code ResourceARN} (a stream or a consumer) and {@code Tags}; an empty answer. */
final class TagResourceMapper implements OperationMapper<TagResource.Request, TagResource.Response> {

  @Override
  public TagResource.Request readRequest(WireObject body) {
    return new TagResource.Request(CommonShapes.requiredResourceArn(body), body.requiredStringMap("Tags"));
  }

  @Override
  public void writeResponse(TagResource.Response response, JsonGenerator out, TimestampEncoding timestamps) {
    // TagResource has no output members: AWS answers with an empty body.
  }
}
