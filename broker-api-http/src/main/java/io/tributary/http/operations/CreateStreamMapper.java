package io.tributary.http.operations;

import com.fasterxml.jackson.core.JsonGenerator;
import io.tributary.core.operations.CreateStream;
import io.tributary.http.wire.TimestampEncoding;
import io.tributary.http.wire.WireObject;

/**
 * CreateStream: {@code StreamName}, {@code ShardCount}, {@code StreamModeDetails}, {@code Tags},
 * {@code WarmThroughputMiBps} and {@code MaxRecordSizeInKiB}; an empty answer.
 */
final class CreateStreamMapper implements OperationMapper<CreateStream.Request, CreateStream.Response> {

  @Override
  public CreateStream.Request readRequest(WireObject body) {
    return new CreateStream.Request(
        CommonShapes.requiredStreamName(body, "StreamName"),
        body.integer("ShardCount"),
        body.structure("StreamModeDetails").map(CommonShapes::streamMode),
        body.stringMap("Tags"),
        body.integer("WarmThroughputMiBps"),
        body.integer("MaxRecordSizeInKiB"));
  }

  @Override
  public void writeResponse(CreateStream.Response response, JsonGenerator out, TimestampEncoding timestamps) {
    // CreateStream has no output members: AWS answers with an empty body.
  }
}
