package io.tributary.http.operations;

import com.fasterxml.jackson.core.JsonGenerator;
import io.tributary.core.operations.DeregisterStreamConsumer;
import io.tributary.http.wire.TimestampEncoding;
import io.tributary.http.wire.WireObject;

/**
 * DeregisterStreamConsumer: the consumer, by {@code ConsumerARN} or by {@code StreamARN} and
 * {@code ConsumerName}; an empty answer.
 */
final class DeregisterStreamConsumerMapper
    implements OperationMapper<DeregisterStreamConsumer.Request, DeregisterStreamConsumer.Response> {

  @Override
  public DeregisterStreamConsumer.Request readRequest(WireObject body) {
    return new DeregisterStreamConsumer.Request(CommonShapes.consumerRef(body));
  }

  @Override
  public void writeResponse(
      DeregisterStreamConsumer.Response response, JsonGenerator out, TimestampEncoding timestamps) {
    // DeregisterStreamConsumer has no output members: AWS answers with an empty body.
  }
}
