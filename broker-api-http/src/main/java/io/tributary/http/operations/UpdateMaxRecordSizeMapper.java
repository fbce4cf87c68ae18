package io.tributary.http.operations;

import com.fasterxml.jackson.core.JsonGenerator;
import io.tributary.core.operations.UpdateMaxRecordSize;
import io.tributary.http.wire.TimestampEncoding;
import io.tributary.http.wire.WireObject;

/**
 * UpdateMaxRecordSize: {@code StreamARN} and {@code MaxRecordSizeInKiB} (1024 to 10240, which the
 * validator has checked against the model); an empty answer.
 */
final class UpdateMaxRecordSizeMapper
    implements OperationMapper<UpdateMaxRecordSize.Request, UpdateMaxRecordSize.Response> {

  @Override
  public UpdateMaxRecordSize.Request readRequest(WireObject body) {
    return new UpdateMaxRecordSize.Request(CommonShapes.streamArn(body), body.requiredInteger("MaxRecordSizeInKiB"));
  }

  @Override
  public void writeResponse(UpdateMaxRecordSize.Response response, JsonGenerator out, TimestampEncoding timestamps) {
    // UpdateMaxRecordSize has no output members: AWS answers with an empty body.
  }
}
