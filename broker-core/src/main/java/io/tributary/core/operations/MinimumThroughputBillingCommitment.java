package io.tributary.core.operations;

import io.tributary.core.accounts.BillingCommitment;
import io.tributary.core.model.MinimumThroughputBillingCommitmentStatus;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An account's billing commitment as the account-settings operations show it (the API's
 * {@code MinimumThroughputBillingCommitmentOutput}).
 */
public record MinimumThroughputBillingCommitment(
    MinimumThroughputBillingCommitmentStatus status,
    Optional<Instant> startedAt,
    Optional<Instant> endedAt,
    Optional<Instant> earliestAllowedEndAt) {

  /** The commitment as it reads at {@code nowMillis}; a pending end is reported as its EndedAt. */
  static MinimumThroughputBillingCommitment of(BillingCommitment commitment, long nowMillis) {
    return new MinimumThroughputBillingCommitment(commitment.statusAt(nowMillis),
        instant(commitment.startedAtMillis()), instant(commitment.endedAtMillis()),
        instant(commitment.earliestAllowedEndMillis()));
  }

  private static Optional<Instant> instant(OptionalLong millis) {
    return millis.isPresent() ? Optional.of(Instant.ofEpochMilli(millis.getAsLong())) : Optional.empty();
  }
}
