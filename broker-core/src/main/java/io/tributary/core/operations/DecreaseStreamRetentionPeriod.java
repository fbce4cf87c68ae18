package io.tributary.core.operations;

import io.tributary.core.RequestContext;
import io.tributary.core.streams.RetentionEnforcer;
import io.tributary.core.streams.StreamRegistry;
import java.time.Clock;

/**
 * DecreaseStreamRetentionPeriod: shortens how long records stay readable, down to 24 hours.
 * Records older than the new period stop being returned at once and are deleted from disk by
 * the background trim.
 *
 * <p>Thread-safe.
 */
public final class DecreaseStreamRetentionPeriod
    implements KinesisOperation<DecreaseStreamRetentionPeriod.Request, DecreaseStreamRetentionPeriod.Response> {

  public record Request(StreamRef stream, int retentionPeriodHours) {}

  /** DecreaseStreamRetentionPeriod answers with an empty body. */
  public record Response() {}

  private final RetentionChange change;

  public DecreaseStreamRetentionPeriod(StreamRegistry registry, RetentionEnforcer retention, Clock clock) {
    this.change = new RetentionChange(registry, retention, clock);
  }

  @Override
  public Response execute(RequestContext context, Request request) {
    change.apply(context, request.stream(), request.retentionPeriodHours(), false);
    return new Response();
  }
}
