package io.tributary.core.operations;

import io.tributary.core.RequestContext;
import io.tributary.core.accounts.AccountSettingsRegistry;
import java.time.Clock;

/**
 * DescribeAccountSettings: the caller's minimum throughput billing commitment in the request's
 * region. An account that never enabled one reads as DISABLED with no times.
 *
 * <p>Thread-safe.
 */
public final class DescribeAccountSettings
    implements KinesisOperation<DescribeAccountSettings.Request, DescribeAccountSettings.Response> {

  /** DescribeAccountSettings takes no members. */
  public record Request() {}

  public record Response(MinimumThroughputBillingCommitment minimumThroughputBillingCommitment) {}

  private final AccountSettingsRegistry accounts;
  private final Clock clock;

  public DescribeAccountSettings(AccountSettingsRegistry accounts, Clock clock) {
    this.accounts = accounts;
    this.clock = clock;
  }

  @Override
  public Response execute(RequestContext context, Request request) {
    return new Response(MinimumThroughputBillingCommitment.of(
        accounts.get(context.accountId(), context.region()).minimumThroughputBillingCommitment(), clock.millis()));
  }
}
