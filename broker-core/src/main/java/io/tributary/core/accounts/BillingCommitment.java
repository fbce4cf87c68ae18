package io.tributary.core.accounts;

import io.tributary.core.model.MinimumThroughputBillingCommitmentStatus;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * An account's minimum throughput billing commitment, as stored: when it started, the earliest
 * time it may end, and when it ends or ended. Its status is derived from those times, so a
 * disable that waits for the end of the minimum commitment window needs no timer.
 *
 * <p>The rules are AWS's, from the API reference of {@code MinimumThroughputBillingCommitmentInput}:
 * a commitment lasts at least 24 hours; a disable asked for before then is scheduled for the
 * earliest allowed end (the status reads {@code ENABLED_UNTIL_EARLIEST_ALLOWED_END} until then);
 * enabling again before that time cancels the pending disable.
 *
 * @param startedAtMillis when the current (or last) commitment started; empty if never enabled
 * @param earliestAllowedEndMillis {@code startedAtMillis} plus the 24-hour minimum
 * @param endedAtMillis when the commitment ends (a scheduled disable) or ended
 */
public record BillingCommitment(
    OptionalLong startedAtMillis, OptionalLong earliestAllowedEndMillis, OptionalLong endedAtMillis) {

  /** The shortest a commitment may last. */
  public static final Duration MINIMUM_DURATION = Duration.ofHours(24);

  /** The commitment of an account that never enabled one. */
  public static final BillingCommitment NEVER_ENABLED =
      new BillingCommitment(OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty());

  public BillingCommitment {
    if (startedAtMillis.isEmpty() && (earliestAllowedEndMillis.isPresent() || endedAtMillis.isPresent())) {
      throw new IllegalArgumentException("a commitment that never started cannot end");
    }
  }

  /** The status a client sees at {@code nowMillis}. */
  public MinimumThroughputBillingCommitmentStatus statusAt(long nowMillis) {
    if (startedAtMillis.isEmpty()) {
      return MinimumThroughputBillingCommitmentStatus.DISABLED;
    }
    if (endedAtMillis.isEmpty()) {
      return MinimumThroughputBillingCommitmentStatus.ENABLED;
    }
    return nowMillis < endedAtMillis.getAsLong()
        ? MinimumThroughputBillingCommitmentStatus.ENABLED_UNTIL_EARLIEST_ALLOWED_END
        : MinimumThroughputBillingCommitmentStatus.DISABLED;
  }

  /** Whether features that need the commitment (warm throughput) may be used at {@code nowMillis}. */
  public boolean inForceAt(long nowMillis) {
    return statusAt(nowMillis) != MinimumThroughputBillingCommitmentStatus.DISABLED;
  }

  /** The commitment after an enable at {@code nowMillis}. */
  public BillingCommitment enable(long nowMillis) {
    return switch (statusAt(nowMillis)) {
      case ENABLED -> this;
      case ENABLED_UNTIL_EARLIEST_ALLOWED_END ->
          new BillingCommitment(startedAtMillis, earliestAllowedEndMillis, OptionalLong.empty());
      case DISABLED -> new BillingCommitment(OptionalLong.of(nowMillis),
          OptionalLong.of(nowMillis + MINIMUM_DURATION.toMillis()), OptionalLong.empty());
    };
  }

  /** The commitment after a disable at {@code nowMillis}. */
  public BillingCommitment disable(long nowMillis) {
    if (statusAt(nowMillis) != MinimumThroughputBillingCommitmentStatus.ENABLED) {
      return this;
    }
    long end = Math.max(nowMillis, earliestAllowedEndMillis.getAsLong());
    return new BillingCommitment(startedAtMillis, earliestAllowedEndMillis, OptionalLong.of(end));
  }
}
