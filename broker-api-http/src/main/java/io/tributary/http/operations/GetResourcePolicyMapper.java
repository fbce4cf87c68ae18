package io.tributary.http.operations;

import com.fasterxml.jackson.core.JsonGenerator;
import io.tributary.core.operations.GetResourcePolicy;
import io.tributary.http.wire.TimestampEncoding;
import io.tributary.http.wire.WireObject;
import java.io.IOException;

/** GetResourcePolicy: {@code ResourceARN}; answers {@code Policy}, the text as it was put. */
final class GetResourcePolicyMapper implements OperationMapper<GetResourcePolicy.Request, GetResourcePolicy.Response> {

  @Override
  public GetResourcePolicy.Request readRequest(WireObject body) {
    return new GetResourcePolicy.Request(CommonShapes.requiredResourceArn(body));
  }

  @Override
  public void writeResponse(GetResourcePolicy.Response response, JsonGenerator out, TimestampEncoding timestamps)
      throws IOException {
    out.writeStartObject();
    out.writeStringField("Policy", response.policy());
    out.writeEndObject();
  }
}
