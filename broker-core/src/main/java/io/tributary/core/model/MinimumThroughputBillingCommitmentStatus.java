package io.tributary.core.model;

/**
 * The state of an account's minimum throughput billing commitment, spelled as on the wire.
 * Requests may ask only for {@link #ENABLED} or {@link #DISABLED};
 * {@link #ENABLED_UNTIL_EARLIEST_ALLOWED_END} is what a disable asked for inside the 24-hour
 * minimum commitment reads as until that window ends.
 */
public enum MinimumThroughputBillingCommitmentStatus {
  ENABLED, DISABLED, ENABLED_UNTIL_EARLIEST_ALLOWED_END
}
