package io.tributary.http.operations;

import com.fasterxml.jackson.core.JsonGenerator;
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
    CommonShapes.writeRecords(out, timestamps, response.records());
    if (response.nextShardIterator().isPresent()) {
      out.writeStringField("NextShardIterator", response.nextShardIterator().get());
    }
    out.writeNumberField("MillisBehindLatest", response.millisBehindLatest());
    CommonShapes.writeChildShards(out, response.childShards());
    out.writeEndObject();
  }
}
