package io.tributary.http.operations;

import com.fasterxml.jackson.core.JsonGenerator;
import io.tributary.core.operations.DisableEnhancedMonitoring;
import io.tributary.core.operations.EnableEnhancedMonitoring;
import io.tributary.core.operations.EnhancedMonitoringOutput;
import io.tributary.http.wire.TimestampEncoding;
import io.tributary.http.wire.WireObject;
import java.io.IOException;

/**
 * EnableEnhancedMonitoring and DisableEnhancedMonitoring, which share their input (the stream and
 * {@code ShardLevelMetrics}) and their answer, {@code EnhancedMonitoringOutput}: the stream's name,
 * its metrics before and after, and its ARN, in the model's order.
 */
final class EnhancedMonitoringMappers {
  private EnhancedMonitoringMappers() {}

  static void write(EnhancedMonitoringOutput output, JsonGenerator out) throws IOException {
    out.writeStartObject();
    out.writeStringField("StreamName", output.streamName().value());
    CommonShapes.writeMetrics(out, "CurrentShardLevelMetrics", output.currentShardLevelMetrics());
    CommonShapes.writeMetrics(out, "DesiredShardLevelMetrics", output.desiredShardLevelMetrics());
    out.writeStringField("StreamARN", output.streamArn().toString());
    out.writeEndObject();
  }

  static final class Enable implements OperationMapper<EnableEnhancedMonitoring.Request, EnhancedMonitoringOutput> {

    @Override
    public EnableEnhancedMonitoring.Request readRequest(WireObject body) {
      return new EnableEnhancedMonitoring.Request(CommonShapes.streamRef(body), CommonShapes.shardLevelMetrics(body));
    }

    @Override
    public void writeResponse(EnhancedMonitoringOutput response, JsonGenerator out, TimestampEncoding timestamps)
        throws IOException {
      write(response, out);
    }
  }

  static final class Disable implements OperationMapper<DisableEnhancedMonitoring.Request, EnhancedMonitoringOutput> {

    @Override
    public DisableEnhancedMonitoring.Request readRequest(WireObject body) {
      return new DisableEnhancedMonitoring.Request(CommonShapes.streamRef(body), CommonShapes.shardLevelMetrics(body));
    }

    @Override
    public void writeResponse(EnhancedMonitoringOutput response, JsonGenerator out, TimestampEncoding timestamps)
        throws IOException {
      write(response, out);
    }
  }
}
