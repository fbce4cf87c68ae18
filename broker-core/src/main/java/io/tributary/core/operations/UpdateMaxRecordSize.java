package io.tributary.core.operations;

import io.tributary.core.RequestContext;
import io.tributary.core.error.KinesisException;
import io.tributary.core.model.StreamArn;
import io.tributary.core.streams.StreamKey;
import io.tributary.core.streams.StreamRegistry;
import java.time.Clock;
import java.util.Optional;

/**
 * UpdateMaxRecordSize: the largest record (data plus partition key) the stream accepts, from
 * 1024 to 10240 KiB (the wire layer checks the range). PutRecord and PutRecords enforce it from
 * the moment this answers; DescribeStreamSummary reports it. Only an ACTIVE stream can change.
 * The model names the stream by {@code StreamARN} only.
 *
 * <p>Thread-safe.
 */
public final class UpdateMaxRecordSize
    implements KinesisOperation<UpdateMaxRecordSize.Request, UpdateMaxRecordSize.Response> {

  public record Request(Optional<StreamArn> streamArn, int maxRecordSizeInKiB) {}

  /** UpdateMaxRecordSize answers with an empty body. */
  public record Response() {}

  private final StreamRegistry registry;
  private final Clock clock;

  public UpdateMaxRecordSize(StreamRegistry registry, Clock clock) {
    this.registry = registry;
    this.clock = clock;
  }

  @Override
  public Response execute(RequestContext context, Request request) {
    StreamKey key = StreamKey.of(request.streamArn()
        .orElseThrow(() -> KinesisException.invalidArgument("StreamARN must be provided.")));
    registry.update(key, current -> {
      StreamSnapshot.at(current, clock.millis()).requireActive();
      return current.maxRecordSizeKiB() == request.maxRecordSizeInKiB() ? current
          : current.toBuilder().maxRecordSizeKiB(request.maxRecordSizeInKiB()).build();
    });
    return new Response();
  }
}
