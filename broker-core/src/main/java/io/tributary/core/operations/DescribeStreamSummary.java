package io.tributary.core.operations;

import io.tributary.core.RequestContext;
import io.tributary.core.model.StreamMode;
import io.tributary.core.model.StreamStatus;
import io.tributary.core.streams.StreamKey;
import io.tributary.core.streams.StreamRegistry;
import io.tributary.core.streams.StreamState;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * DescribeStreamSummary: the stream without its shard list, with its open shard count, its
 * consumer count, enhanced monitoring, encryption, warm throughput and record size limit.
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
    long now = clock.millis();
    StreamStatus status = s.statusAt(now).orElseThrow(() -> StreamRegistry.notFound(key));
    int openShards = status == StreamStatus.CREATING ? 0 : s.openShardCount();
    return new Response(new StreamDescriptionSummary(s.key().name(), s.arn(), status, s.streamMode(),
        s.retentionHours(), Instant.ofEpochMilli(s.createdMillis()), EnhancedMetrics.of(s),
        s.encryptionType(), s.keyId(), openShards, s.visibleConsumers(now).size(), warmThroughput(s, status),
        s.maxRecordSizeKiB()));
  }

  /**
   * The warm throughput of an on-demand stream that has one: the target, and the same as current
   * once the stream is no longer UPDATING (the broker does not know how far a change has got).
   */
  static Optional<WarmThroughput> warmThroughput(StreamState s, StreamStatus status) {
    if (s.streamMode() != StreamMode.ON_DEMAND || s.warmThroughputMiBps().isEmpty()) {
      return Optional.empty();
    }
    OptionalInt target = s.warmThroughputMiBps();
    return Optional.of(new WarmThroughput(target, status == StreamStatus.UPDATING ? OptionalInt.empty() : target));
  }
}
