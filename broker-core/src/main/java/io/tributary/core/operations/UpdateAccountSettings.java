package io.tributary.core.operations;

import io.tributary.core.RequestContext;
import io.tributary.core.accounts.AccountSettings;
import io.tributary.core.accounts.AccountSettingsRegistry;
import io.tributary.core.accounts.BillingCommitment;
import io.tributary.core.error.KinesisException;
import io.tributary.core.model.MinimumThroughputBillingCommitmentStatus;
import java.time.Clock;

/**
 * UpdateAccountSettings: enables or disables the caller's minimum throughput billing commitment
 * in the request's region, at once, and answers with the commitment as it now reads.
 *
 * <p>AWS's rules ({@code MinimumThroughputBillingCommitmentInput}): a commitment lasts at least
 * 24 hours ({@code EarliestAllowedEndAt}); a disable before then is scheduled for that time and
 * reads ENABLED_UNTIL_EARLIEST_ALLOWED_END meanwhile; enabling again before then cancels it.
 * Enabling an enabled commitment, or disabling a disabled one, changes nothing.
 *
 * <p>Thread-safe.
 */
public final class UpdateAccountSettings
    implements KinesisOperation<UpdateAccountSettings.Request, UpdateAccountSettings.Response> {

  /** @param minimumThroughputBillingCommitment ENABLED or DISABLED, the input enum's two values */
  public record Request(MinimumThroughputBillingCommitmentStatus minimumThroughputBillingCommitment) {}

  public record Response(MinimumThroughputBillingCommitment minimumThroughputBillingCommitment) {}

  private final AccountSettingsRegistry accounts;
  private final Clock clock;

  public UpdateAccountSettings(AccountSettingsRegistry accounts, Clock clock) {
    this.accounts = accounts;
    this.clock = clock;
  }

  @Override
  public Response execute(RequestContext context, Request request) {
    MinimumThroughputBillingCommitmentStatus wanted = request.minimumThroughputBillingCommitment();
    if (wanted == MinimumThroughputBillingCommitmentStatus.ENABLED_UNTIL_EARLIEST_ALLOWED_END) {
      throw KinesisException.invalidArgument("Invalid MinimumThroughputBillingCommitment status " + wanted
          + ". Valid values are ENABLED and DISABLED.");
    }
    long now = clock.millis();
    AccountSettings after = accounts.update(context.accountId(), context.region(), current -> {
      BillingCommitment c = current.minimumThroughputBillingCommitment();
      BillingCommitment next =
          wanted == MinimumThroughputBillingCommitmentStatus.ENABLED ? c.enable(now) : c.disable(now);
      return next.equals(c) ? current : new AccountSettings(next);
    });
    return new Response(MinimumThroughputBillingCommitment.of(after.minimumThroughputBillingCommitment(), now));
  }
}
