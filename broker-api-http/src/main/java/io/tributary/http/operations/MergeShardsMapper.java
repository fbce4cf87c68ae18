package io.tributary.http.operations;

import com.fasterxml.jackson.core.JsonGenerator;
import io.tributary.core.operations.MergeShards;
import io.tributary.http.wire.TimestampEncoding;
import io.tributary.http.wire.WireObject;

/**
 * MergeShards: the stream, {@code ShardToMerge} and {@code AdjacentShardToMerge} (passed on as
 * sent, for the domain's error texts); an empty answer.
 */
final class MergeShardsMapper implements OperationMapper<MergeShards.Request, MergeShards.Response> {

  @Override
  public MergeShards.Request readRequest(WireObject body) {
    return new MergeShards.Request(CommonShapes.streamRef(body), body.requiredString("ShardToMerge"),
        body.requiredString("AdjacentShardToMerge"));
  }

  @Override
  public void writeResponse(MergeShards.Response response, JsonGenerator out, TimestampEncoding timestamps) {
    // MergeShards has no output members: AWS answers with an empty body.
  }
}
