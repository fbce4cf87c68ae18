package io.tributary.http.operations;

import com.fasterxml.jackson.core.JsonGenerator;
import io.tributary.core.operations.PutRecord;
import io.tributary.http.wire.TimestampEncoding;
import io.tributary.http.wire.WireObject;
import java.io.IOException;

/**
 * PutRecord: the stream, {@code Data}, {@code PartitionKey}, {@code ExplicitHashKey} and
 * {@code SequenceNumberForOrdering}; answers {@code ShardId}, {@code SequenceNumber} and
 * {@code EncryptionType}.
 */
final class PutRecordMapper implements OperationMapper<PutRecord.Request, PutRecord.Response> {

  @Override
  public PutRecord.Request readRequest(WireObject body) {
    return new PutRecord.Request(
        CommonShapes.streamRef(body),
        body.requiredBlob("Data"),
        body.requiredString("PartitionKey"),
        CommonShapes.explicitHashKey(body),
        body.string("SequenceNumberForOrdering"));
  }

  @Override
  public void writeResponse(PutRecord.Response response, JsonGenerator out, TimestampEncoding timestamps)
      throws IOException {
    out.writeStartObject();
    out.writeStringField("ShardId", response.shardId().toString());
    out.writeStringField("SequenceNumber", response.sequenceNumber().toString());
    out.writeStringField("EncryptionType", response.encryptionType().name());
    out.writeEndObject();
  }
}
