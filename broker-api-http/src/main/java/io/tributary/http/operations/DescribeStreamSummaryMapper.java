package io.tributary.http.operations;

import com.fasterxml.jackson.core.JsonGenerator;
import io.tributary.core.operations.DescribeStreamSummary;
import io.tributary.core.operations.StreamDescriptionSummary;
import io.tributary.http.wire.TimestampEncoding;
import io.tributary.http.wire.WireObject;
import java.io.IOException;

/**
 * DescribeStreamSummary: the stream; answers {@code {"StreamDescriptionSummary":{...}}} with the
 * members in the model's order. {@code WarmThroughput} appears only for a stream that has one (an
 * on-demand stream in an account with the billing commitment, as the model documents);
 * {@code MaxRecordSizeInKiB} always, every stream having a limit (1024 unless raised).
 */
final class DescribeStreamSummaryMapper
    implements OperationMapper<DescribeStreamSummary.Request, DescribeStreamSummary.Response> {

  @Override
  public DescribeStreamSummary.Request readRequest(WireObject body) {
    return new DescribeStreamSummary.Request(CommonShapes.streamRef(body));
  }

  @Override
  public void writeResponse(
      DescribeStreamSummary.Response response, JsonGenerator out, TimestampEncoding timestamps) throws IOException {
    StreamDescriptionSummary s = response.streamDescriptionSummary();
    out.writeStartObject();
    out.writeObjectFieldStart("StreamDescriptionSummary");
    out.writeStringField("StreamName", s.streamName().value());
    out.writeStringField("StreamARN", s.streamArn().toString());
    out.writeStringField("StreamStatus", s.streamStatus().name());
    CommonShapes.writeStreamModeDetails(out, s.streamMode());
    out.writeNumberField("RetentionPeriodHours", s.retentionPeriodHours());
    timestamps.writeField(out, "StreamCreationTimestamp", s.streamCreationTimestamp());
    CommonShapes.writeEnhancedMonitoring(out, s.enhancedMonitoring());
    out.writeStringField("EncryptionType", s.encryptionType().name());
    if (s.keyId().isPresent()) {
      out.writeStringField("KeyId", s.keyId().get());
    }
    out.writeNumberField("OpenShardCount", s.openShardCount());
    out.writeNumberField("ConsumerCount", s.consumerCount());
    if (s.warmThroughput().isPresent()) {
      CommonShapes.writeWarmThroughput(out, s.warmThroughput().get());
    }
    out.writeNumberField("MaxRecordSizeInKiB", s.maxRecordSizeInKiB());
    out.writeEndObject();
    out.writeEndObject();
  }
}
