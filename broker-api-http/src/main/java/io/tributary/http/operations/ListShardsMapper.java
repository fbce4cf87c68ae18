package io.tributary.http.operations;

import com.fasterxml.jackson.core.JsonGenerator;
import io.tributary.core.operations.ListShards;
import io.tributary.core.operations.ShardFilter;
import io.tributary.http.wire.TimestampEncoding;
import io.tributary.http.wire.WireObject;
import java.io.IOException;
import java.util.Optional;

/**
 * ListShards: the stream, {@code NextToken}, {@code ExclusiveStartShardId}, {@code MaxResults},
 * {@code StreamCreationTimestamp} and {@code ShardFilter}; answers {@code Shards} and a
 * {@code NextToken} when there is a next page.
 */
final class ListShardsMapper implements OperationMapper<ListShards.Request, ListShards.Response> {

  @Override
  public ListShards.Request readRequest(WireObject body) {
    return new ListShards.Request(
        CommonShapes.streamRef(body),
        body.string("NextToken"),
        CommonShapes.exclusiveStartShardId(body, "ExclusiveStartShardId"),
        body.integer("MaxResults"),
        body.timestamp("StreamCreationTimestamp"),
        body.structure("ShardFilter").map(ListShardsMapper::shardFilter));
  }

  private static ShardFilter shardFilter(WireObject filter) {
    String type = filter.requiredString("Type");
    return new ShardFilter(CommonShapes.enumValue(filter, "Type", ShardFilter.Type.class, type),
        filter.string("ShardId"), filter.timestamp("Timestamp"));
  }

  @Override
  public void writeResponse(ListShards.Response response, JsonGenerator out, TimestampEncoding timestamps)
      throws IOException {
    out.writeStartObject();
    CommonShapes.writeShards(out, response.shards());
    Optional<String> next = response.nextToken();
    if (next.isPresent()) {
      out.writeStringField("NextToken", next.get());
    }
    out.writeEndObject();
  }
}
