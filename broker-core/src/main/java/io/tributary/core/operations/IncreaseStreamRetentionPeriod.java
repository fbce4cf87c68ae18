package io.tributary.core.operations;

import io.tributary.core.RequestContext;
import io.tributary.core.streams.RetentionEnforcer;
import io.tributary.core.streams.StreamRegistry;
import java.time.Clock;

/**
 * IncreaseStreamRetentionPeriod: lengthens how long records stay readable, up to 8,760 hours.
 * Records already trimmed do not come back.
 *
 * <p>Thread-safe.
 */
public final class IncreaseStreamRetentionPeriod
    implements KinesisOperation<IncreaseStreamRetentionPeriod.Request, IncreaseStreamRetentionPeriod.Response> {

  public record Request(StreamRef stream, int retentionPeriodHours) {}

  /** IncreaseStreamRetentionPeriod answers with an empty body. */
  public record Response() {}

  private final RetentionChange change;

  public IncreaseStreamRetentionPeriod(StreamRegistry registry, RetentionEnforcer retention, Clock clock) {
    this.change = new RetentionChange(registry, retention, clock);
  }

  @Override
  public Response execute(RequestContext context, Request request) {
    change.apply(context, request.stream(), request.retentionPeriodHours(), true);
    return new Response();
  }
}
