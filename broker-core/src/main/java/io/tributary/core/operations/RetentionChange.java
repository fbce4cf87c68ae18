package io.tributary.core.operations;

import io.tributary.core.RequestContext;
import io.tributary.core.error.KinesisException;
import io.tributary.core.streams.StreamKey;
import io.tributary.core.streams.RetentionEnforcer;
import io.tributary.core.streams.StreamRegistry;
import java.time.Clock;

/**
 * What Increase- and DecreaseStreamRetentionPeriod share: AWS's range of 24 to 8,760 hours, the
 * direction check, and AWS's texts for both. An increase first trims what the old period had
 * already expired, so it never makes those records readable again.
 *
 * <p>Thread-safe.
 */
final class RetentionChange {
  static final int MIN_HOURS = 24;
  static final int MAX_HOURS = 8760;

  private final StreamRegistry registry;
  private final RetentionEnforcer retention;
  private final Clock clock;

  RetentionChange(StreamRegistry registry, RetentionEnforcer retention, Clock clock) {
    this.registry = registry;
    this.retention = retention;
    this.clock = clock;
  }

  void apply(RequestContext context, StreamRef ref, int hours, boolean increase) {
    if (hours < MIN_HOURS) {
      throw KinesisException.invalidArgument("Minimum allowed retention period is " + MIN_HOURS
          + " hours. Requested retention period (" + hours + " hours) is too short.");
    }
    if (hours > MAX_HOURS) {
      throw KinesisException.invalidArgument("Maximum allowed retention period is " + MAX_HOURS
          + " hours. Requested retention period (" + hours + " hours) is too long.");
    }
    StreamKey key = ref.resolve(context);
    registry.update(key, current -> {
      Resharding.activeStream(registry, key, clock.millis());
      int existing = current.retentionHours();
      if (increase && hours < existing) {
        throw KinesisException.invalidArgument("Requested retention period (" + hours + " hours) for stream "
            + key.name() + " can not be shorter than existing retention period (" + existing
            + " hours). Use DecreaseRetentionPeriod API.");
      }
      if (!increase && hours > existing) {
        throw KinesisException.invalidArgument("Requested retention period (" + hours + " hours) for stream "
            + key.name() + " can not be longer than existing retention period (" + existing
            + " hours). Use IncreaseRetentionPeriod API.");
      }
      if (hours > existing) {
        // Records already past the old period stay gone (AWS: an increase "does not make
        // previous, expired data ... accessible"): trim them before the longer period applies.
        retention.trimNow(current, clock.millis() - existing * 3_600_000L);
      }
      return current.toBuilder().retentionHours(hours).build();
    });
  }
}
