package io.tributary.http.operations;

import com.fasterxml.jackson.core.JsonGenerator;
import io.tributary.core.operations.SplitShard;
import io.tributary.http.wire.TimestampEncoding;
import io.tributary.http.wire.WireObject;
import java.math.BigInteger;

/**
 * SplitShard: the stream, {@code ShardToSplit} (passed on as sent, for the domain's error texts)
 * and {@code NewStartingHashKey}; an empty answer.
 */
final class SplitShardMapper implements OperationMapper<SplitShard.Request, SplitShard.Response> {

  @Override
  public SplitShard.Request readRequest(WireObject body) {
    String shard = body.requiredString("ShardToSplit");
    body.requiredString("NewStartingHashKey");
    BigInteger newStartingHashKey = CommonShapes.hashKey(body, "NewStartingHashKey").orElseThrow();
    return new SplitShard.Request(CommonShapes.streamRef(body), shard, newStartingHashKey);
  }

  @Override
  public void writeResponse(SplitShard.Response response, JsonGenerator out, TimestampEncoding timestamps) {
    // SplitShard has no output members: AWS answers with an empty body.
  }
}
