package io.tributary.http.operations;

import com.fasterxml.jackson.core.JsonGenerator;
import io.tributary.core.operations.ConsumerDescription;
import io.tributary.core.operations.DescribeStreamConsumer;
import io.tributary.http.wire.TimestampEncoding;
import io.tributary.http.wire.WireObject;
import java.io.IOException;

/**
 * DescribeStreamConsumer: the consumer, by {@code ConsumerARN} or by {@code StreamARN} and
 * {@code ConsumerName}; answers {@code {"ConsumerDescription":{...}}}, which adds the stream's
 * ARN to the {@code Consumer} members.
 */
final class DescribeStreamConsumerMapper
    implements OperationMapper<DescribeStreamConsumer.Request, DescribeStreamConsumer.Response> {

  @Override
  public DescribeStreamConsumer.Request readRequest(WireObject body) {
    return new DescribeStreamConsumer.Request(CommonShapes.consumerRef(body));
  }

  @Override
  public void writeResponse(
      DescribeStreamConsumer.Response response, JsonGenerator out, TimestampEncoding timestamps) throws IOException {
    ConsumerDescription c = response.consumerDescription();
    out.writeStartObject();
    out.writeObjectFieldStart("ConsumerDescription");
    out.writeStringField("ConsumerName", c.consumerName().value());
    out.writeStringField("ConsumerARN", c.consumerArn().toString());
    out.writeStringField("ConsumerStatus", c.consumerStatus().name());
    timestamps.writeField(out, "ConsumerCreationTimestamp", c.consumerCreationTimestamp());
    out.writeStringField("StreamARN", c.streamArn().toString());
    out.writeEndObject();
    out.writeEndObject();
  }
}
