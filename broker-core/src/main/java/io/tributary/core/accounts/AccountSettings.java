package io.tributary.core.accounts;

import java.util.Objects;

/**
 * The Kinesis settings of one account in one region, as DescribeAccountSettings shows them and
 * UpdateAccountSettings changes them.
 *
 * @param minimumThroughputBillingCommitment the commitment that unlocks warm throughput
 */
public record AccountSettings(BillingCommitment minimumThroughputBillingCommitment) {

  /** The settings of an account that never changed any. */
  public static final AccountSettings DEFAULT = new AccountSettings(BillingCommitment.NEVER_ENABLED);

  public AccountSettings {
    Objects.requireNonNull(minimumThroughputBillingCommitment, "minimumThroughputBillingCommitment");
  }
}
