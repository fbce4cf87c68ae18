package io.tributary.http.operations;

import com.fasterxml.jackson.core.JsonGenerator;
import io.tributary.core.operations.DecreaseStreamRetentionPeriod;
import io.tributary.core.operations.IncreaseStreamRetentionPeriod;
import io.tributary.http.wire.TimestampEncoding;
import io.tributary.http.wire.WireObject;

/**
 * IncreaseStreamRetentionPeriod and DecreaseStreamRetentionPeriod, which share their input (the
 * stream and {@code RetentionPeriodHours}) and their empty answer.
 */
final class RetentionPeriodMappers {
  private RetentionPeriodMappers() {}

  static final class Increase
      implements OperationMapper<IncreaseStreamRetentionPeriod.Request, IncreaseStreamRetentionPeriod.Response> {

    @Override
    public IncreaseStreamRetentionPeriod.Request readRequest(WireObject body) {
      return new IncreaseStreamRetentionPeriod.Request(CommonShapes.streamRef(body),
          body.requiredInteger("RetentionPeriodHours"));
    }

    @Override
    public void writeResponse(
        IncreaseStreamRetentionPeriod.Response response, JsonGenerator out, TimestampEncoding timestamps) {
      // No output members: AWS answers with an empty body.
    }
  }

  static final class Decrease
      implements OperationMapper<DecreaseStreamRetentionPeriod.Request, DecreaseStreamRetentionPeriod.Response> {

    @Override
    public DecreaseStreamRetentionPeriod.Request readRequest(WireObject body) {
      return new DecreaseStreamRetentionPeriod.Request(CommonShapes.streamRef(body),
          body.requiredInteger("RetentionPeriodHours"));
    }

    @Override
    public void writeResponse(
        DecreaseStreamRetentionPeriod.Response response, JsonGenerator out, TimestampEncoding timestamps) {
      // No output members: AWS answers with an empty body.
    }
  }
}
