package io.tributary.http.operations;

import com.fasterxml.jackson.core.JsonGenerator;
import io.tributary.core.model.StreamName;
import io.tributary.core.operations.ListStreams;
import io.tributary.core.operations.StreamSummary;
import io.tributary.http.wire.TimestampEncoding;
import io.tributary.http.wire.WireObject;
import java.io.IOException;

/**
 * ListStreams: {@code Limit}, {@code ExclusiveStartStreamName}, {@code NextToken}; answers
 * {@code StreamNames}, {@code HasMoreStreams}, {@code NextToken} when there is a next page, and
 * {@code StreamSummaries}.
 */
final class ListStreamsMapper implements OperationMapper<ListStreams.Request, ListStreams.Response> {

  @Override
  public ListStreams.Request readRequest(WireObject body) {
    return new ListStreams.Request(body.integer("Limit"),
        CommonShapes.streamName(body, "ExclusiveStartStreamName"), body.string("NextToken"));
  }

  @Override
  public void writeResponse(ListStreams.Response response, JsonGenerator out, TimestampEncoding timestamps)
      throws IOException {
    out.writeStartObject();
    out.writeArrayFieldStart("StreamNames");
    for (StreamName name : response.streamNames()) {
      out.writeString(name.value());
    }
    out.writeEndArray();
    out.writeBooleanField("HasMoreStreams", response.hasMoreStreams());
    if (response.nextToken().isPresent()) {
      out.writeStringField("NextToken", response.nextToken().get());
    }
    out.writeArrayFieldStart("StreamSummaries");
    for (StreamSummary s : response.streamSummaries()) {
      out.writeStartObject();
      out.writeStringField("StreamName", s.streamName().value());
      out.writeStringField("StreamARN", s.streamArn().toString());
      out.writeStringField("StreamStatus", s.streamStatus().name());
      CommonShapes.writeStreamModeDetails(out, s.streamMode());
      timestamps.writeField(out, "StreamCreationTimestamp", s.streamCreationTimestamp());
      out.writeEndObject();
    }
    out.writeEndArray();
    out.writeEndObject();
  }
}
