package io.tributary.http.operations;

import com.fasterxml.jackson.core.JsonGenerator;
import io.tributary.core.model.StreamMode;
import io.tributary.core.operations.CreateStream;
import io.tributary.http.wire.TimestampEncoding;
import io.tributary.http.wire.WireObject;
import java.util.Optional;

/**
 * CreateStream: {@code StreamName}, {@code ShardCount}, {@code StreamModeDetails}; an empty
 * answer. {@code Tags}, {@code WarmThroughputMiBps} and {@code MaxRecordSizeInKiB} are accepted
 * and ignored until the domain supports them.
 */
final class CreateStreamMapper implements OperationMapper<CreateStream.Request, CreateStream.Response> {

  @Override
  public CreateStream.Request readRequest(WireObject body) {
    Optional<StreamMode> mode = Optional.empty();
    Optional<WireObject> details = body.structure("StreamModeDetails");
    if (details.isPresent()) {
      String text = details.get().requiredString("StreamMode");
      mode = Optional.of(CommonShapes.enumValue(details.get(), "StreamMode", StreamMode.class, text));
    }
    return new CreateStream.Request(
        CommonShapes.requiredStreamName(body, "StreamName"), body.integer("ShardCount"), mode);
  }

  @Override
  public void writeResponse(CreateStream.Response response, JsonGenerator out, TimestampEncoding timestamps) {
    // CreateStream has no output members: AWS answers with an empty body.
  }
}
