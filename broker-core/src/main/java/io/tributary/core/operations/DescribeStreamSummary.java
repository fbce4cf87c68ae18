package io.tributary.core.operations;

import io.tributary.core.RequestContext;
import io.tributary.core.model.StreamStatus;
import io.tributary.core.streams.StreamKey;
import io.tributary.core.streams.StreamRegistry;
import io.tributary.core.streams.StreamState;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * DescribeStreamSummary: the stream without its shard list, with its open shard count.
 *
 * <p>Thread-safe.
 */
public final class DescribeStreamSummary
    implements KinesisOperation<DescribeStreamSummary.Request, DescribeStreamSummary.Response> {

  public record Request(StreamRef stream) {}

  public record Response(StreamDescriptionSummary streamDescriptionSummary) {}

  private final StreamRegistry registry;
  private final Clock clock;

  public DescribeStreamSummary(StreamRegistry registry, Clock clock) {
    this.registry = registry;
    this.clock = clock;
  }

  @Override
  public Response execute(RequestContext context, Request request) {
    StreamKey key = request.stream().resolve(context);
    StreamState s = registry.find(key).orElseThrow(() -> StreamRegistry.notFound(key));
    StreamStatus status = s.statusAt(clock.millis()).orElseThrow(() -> StreamRegistry.notFound(key));
    int openShards = status == StreamStatus.CREATING ? 0 : s.openShardCount();
    return new Response(new StreamDescriptionSummary(s.key().name(), s.arn(), status, s.streamMode(),
        s.retentionHours(), Instant.ofEpochMilli(s.createdMillis()), List.of(new EnhancedMetrics(List.of())),
        s.encryptionType(), s.keyId(), openShards, 0));
  }
}
