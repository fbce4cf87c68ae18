package io.tributary.http.operations;

import com.fasterxml.jackson.core.JsonGenerator;
import io.tributary.core.operations.DescribeLimits;
import io.tributary.http.wire.TimestampEncoding;
import io.tributary.http.wire.WireObject;
import java.io.IOException;

/**
 * DescribeLimits: no input members; answers {@code ShardLimit}, {@code OpenShardCount},
 * {@code OnDemandStreamCount} and {@code OnDemandStreamCountLimit}, all required.
 */
final class DescribeLimitsMapper implements OperationMapper<DescribeLimits.Request, DescribeLimits.Response> {

  @Override
  public DescribeLimits.Request readRequest(WireObject body) {
    return new DescribeLimits.Request();
  }

  @Override
  public void writeResponse(DescribeLimits.Response response, JsonGenerator out, TimestampEncoding timestamps)
      throws IOException {
    out.writeStartObject();
    out.writeNumberField("ShardLimit", response.shardLimit());
    out.writeNumberField("OpenShardCount", response.openShardCount());
    out.writeNumberField("OnDemandStreamCount", response.onDemandStreamCount());
    out.writeNumberField("OnDemandStreamCountLimit", response.onDemandStreamCountLimit());
    out.writeEndObject();
  }
}
