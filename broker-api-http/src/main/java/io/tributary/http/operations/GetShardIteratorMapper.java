package io.tributary.http.operations;

import com.fasterxml.jackson.core.JsonGenerator;
import io.tributary.core.model.ShardIteratorType;
import io.tributary.core.operations.GetShardIterator;
import io.tributary.http.wire.TimestampEncoding;
import io.tributary.http.wire.WireObject;
import java.io.IOException;

/**
 * GetShardIterator: the stream, {@code ShardId}, {@code ShardIteratorType},
 * {@code StartingSequenceNumber} and {@code Timestamp}; answers {@code ShardIterator}. The shard
 * id and sequence number go to the domain as sent, because its errors name them as sent.
 */
final class GetShardIteratorMapper implements OperationMapper<GetShardIterator.Request, GetShardIterator.Response> {

  @Override
  public GetShardIterator.Request readRequest(WireObject body) {
    String shardId = body.requiredString("ShardId");
    String type = body.requiredString("ShardIteratorType");
    return new GetShardIterator.Request(
        CommonShapes.streamRef(body),
        shardId,
        CommonShapes.enumValue(body, "ShardIteratorType", ShardIteratorType.class, type),
        body.string("StartingSequenceNumber"),
        body.timestamp("Timestamp"));
  }

  @Override
  public void writeResponse(GetShardIterator.Response response, JsonGenerator out, TimestampEncoding timestamps)
      throws IOException {
    out.writeStartObject();
    out.writeStringField("ShardIterator", response.shardIterator());
    out.writeEndObject();
  }
}
