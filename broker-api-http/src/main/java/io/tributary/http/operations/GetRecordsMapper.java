package io.tributary.http.operations;

import com.fasterxml.jackson.core.JsonGenerator;
import io.tributary.core.model.ShardId;
import io.tributary.core.operations.ChildShard;
import io.tributary.core.operations.DataRecord;
import io.tributary.core.operations.GetRecords;
import io.tributary.core.operations.StreamRef;
import io.tributary.http.wire.TimestampEncoding;
import io.tributary.http.wire.WireObject;
import java.io.IOException;
import java.util.Optional;

/**
 * GetRecords: {@code ShardIterator}, {@code Limit} and {@code StreamARN}; answers
 * {@code Records}, {@code NextShardIterator} (absent once a closed shard is read to its end),
 * {@code MillisBehindLatest}, and {@code ChildShards} when the reader reached the end of a
 * closed shard.
 */
final class GetRecordsMapper implements OperationMapper<GetRecords.Request, GetRecords.Response> {

  @Override
  public GetRecords.Request readRequest(WireObject body) {
    String iterator = body.requiredString("ShardIterator");
    Optional<StreamRef> stream = CommonShapes.streamArn(body).map(StreamRef::ofArn);
    return new GetRecords.Request(iterator, body.integer("Limit"), stream);
  }

  @Override
  public void writeResponse(GetRecords.Response response, JsonGenerator out, TimestampEncoding timestamps)
      throws IOException {
    out.writeStartObject();
    out.writeArrayFieldStart("Records");
    for (DataRecord r : response.records()) {
      out.writeStartObject();
      out.writeStringField("SequenceNumber", r.sequenceNumber().toString());
      timestamps.writeField(out, "ApproximateArrivalTimestamp", r.approximateArrivalTimestamp());
      out.writeBinaryField("Data", r.data());
      out.writeStringField("PartitionKey", r.partitionKey());
      if (r.encryptionType().isPresent()) {
        out.writeStringField("EncryptionType", r.encryptionType().get().name());
      }
      out.writeEndObject();
    }
    out.writeEndArray();
    if (response.nextShardIterator().isPresent()) {
      out.writeStringField("NextShardIterator", response.nextShardIterator().get());
    }
    out.writeNumberField("MillisBehindLatest", response.millisBehindLatest());
    if (!response.childShards().isEmpty()) {
      out.writeArrayFieldStart("ChildShards");
      for (ChildShard child : response.childShards()) {
        out.writeStartObject();
        out.writeStringField("ShardId", child.shardId().toString());
        out.writeArrayFieldStart("ParentShards");
        for (ShardId parent : child.parentShards()) {
          out.writeString(parent.toString());
        }
        out.writeEndArray();
        CommonShapes.writeHashKeyRange(out, child.hashKeyRange());
        out.writeEndObject();
      }
      out.writeEndArray();
    }
    out.writeEndObject();
  }
}
