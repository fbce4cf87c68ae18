package io.tributary.http.operations;

import com.fasterxml.jackson.core.JsonGenerator;
import io.tributary.core.operations.Consumer;
import io.tributary.core.operations.ListStreamConsumers;
import io.tributary.http.wire.TimestampEncoding;
import io.tributary.http.wire.WireObject;
import java.io.IOException;

/**
 * ListStreamConsumers: {@code StreamARN}, {@code NextToken}, {@code MaxResults} and
 * {@code StreamCreationTimestamp}; answers {@code Consumers} and a {@code NextToken} when there
 * is a next page.
 */
final class ListStreamConsumersMapper
    implements OperationMapper<ListStreamConsumers.Request, ListStreamConsumers.Response> {

  @Override
  public ListStreamConsumers.Request readRequest(WireObject body) {
    return new ListStreamConsumers.Request(CommonShapes.requiredStreamArn(body), body.string("NextToken"),
        body.integer("MaxResults"), body.timestamp("StreamCreationTimestamp"));
  }

  @Override
  public void writeResponse(ListStreamConsumers.Response response, JsonGenerator out, TimestampEncoding timestamps)
      throws IOException {
    out.writeStartObject();
    out.writeArrayFieldStart("Consumers");
    for (Consumer consumer : response.consumers()) {
      CommonShapes.writeConsumer(out, consumer, timestamps);
    }
    out.writeEndArray();
    if (response.nextToken().isPresent()) {
      out.writeStringField("NextToken", response.nextToken().get());
    }
    out.writeEndObject();
  }
}
