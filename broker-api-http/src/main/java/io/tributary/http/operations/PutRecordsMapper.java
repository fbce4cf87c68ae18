package io.tributary.http.operations;

import com.fasterxml.jackson.core.JsonGenerator;
import io.tributary.core.operations.PutRecords;
import io.tributary.http.wire.TimestampEncoding;
import io.tributary.http.wire.WireObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * PutRecords: the stream and {@code Records} ({@code Data}, {@code PartitionKey},
 * {@code ExplicitHashKey}); answers {@code FailedRecordCount}, one {@code Records} entry per
 * record in request order (a shard and sequence number, or an error code and message), and
 * {@code EncryptionType}.
 */
final class PutRecordsMapper implements OperationMapper<PutRecords.Request, PutRecords.Response> {

  @Override
  public PutRecords.Request readRequest(WireObject body) {
    List<WireObject> records = body.requiredStructures("Records");
    List<PutRecords.Entry> entries = new ArrayList<>(records.size());
    for (WireObject record : records) {
      entries.add(new PutRecords.Entry(record.requiredBlob("Data"), record.requiredString("PartitionKey"),
          CommonShapes.explicitHashKey(record)));
    }
    return new PutRecords.Request(CommonShapes.streamRef(body), entries);
  }

  @Override
  public void writeResponse(PutRecords.Response response, JsonGenerator out, TimestampEncoding timestamps)
      throws IOException {
    out.writeStartObject();
    out.writeNumberField("FailedRecordCount", response.failedRecordCount());
    out.writeArrayFieldStart("Records");
    for (PutRecords.ResultEntry entry : response.records()) {
      out.writeStartObject();
      if (entry.sequenceNumber().isPresent()) {
        out.writeStringField("SequenceNumber", entry.sequenceNumber().get().toString());
      }
      if (entry.shardId().isPresent()) {
        out.writeStringField("ShardId", entry.shardId().get().toString());
      }
      if (entry.errorCode().isPresent()) {
        out.writeStringField("ErrorCode", entry.errorCode().get());
      }
      if (entry.errorMessage().isPresent()) {
        out.writeStringField("ErrorMessage", entry.errorMessage().get());
      }
      out.writeEndObject();
    }
    out.writeEndArray();
    out.writeStringField("EncryptionType", response.encryptionType().name());
    out.writeEndObject();
  }
}
