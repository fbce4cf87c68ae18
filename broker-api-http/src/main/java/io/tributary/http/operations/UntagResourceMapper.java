package io.tributary.http.operations;

import com.fasterxml.jackson.core.JsonGenerator;
import io.tributary.core.operations.UntagResource;
import io.tributary.http.wire.TimestampEncoding;
import io.tributary.http.wire.WireObject;

/** UntagResource: {@code ResourceARN} (a stream or a consumer) and {@code TagKeys}; an empty answer. */
final class UntagResourceMapper implements OperationMapper<UntagResource.Request, UntagResource.Response> {

  @Override
  public UntagResource.Request readRequest(WireObject body) {
    return new UntagResource.Request(CommonShapes.requiredResourceArn(body), body.requiredStrings("TagKeys"));
  }

  @Override
  public void writeResponse(UntagResource.Response response, JsonGenerator out, TimestampEncoding timestamps) {
    // UntagResource has no output members: AWS answers with an empty body.
  }
}
