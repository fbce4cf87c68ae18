package io.tributary.http.operations;

import com.fasterxml.jackson.core.JsonGenerator;
import io.tributary.core.operations.RegisterStreamConsumer;
import io.tributary.http.wire.TimestampEncoding;
import io.tributary.http.wire.WireObject;
import java.io.IOException;

/**
 * RegisterStreamConsumer: {@code StreamARN}, {@code ConsumerName} and {@code Tags}; answers
 * {@code {"Consumer":{...}}} with the new consumer's ARN, status and creation time.
 */
final class RegisterStreamConsumerMapper
    implements OperationMapper<RegisterStreamConsumer.Request, RegisterStreamConsumer.Response> {

  @Override
  public RegisterStreamConsumer.Request readRequest(WireObject body) {
    body.requiredString("ConsumerName");
    return new RegisterStreamConsumer.Request(CommonShapes.requiredStreamArn(body),
        CommonShapes.consumerName(body).orElseThrow(), body.stringMap("Tags"));
  }

  @Override
  public void writeResponse(
      RegisterStreamConsumer.Response response, JsonGenerator out, TimestampEncoding timestamps) throws IOException {
    out.writeStartObject();
    out.writeFieldName("Consumer");
    CommonShapes.writeConsumer(out, response.consumer(), timestamps);
    out.writeEndObject();
  }
}
