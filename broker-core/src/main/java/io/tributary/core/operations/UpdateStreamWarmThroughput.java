package io.tributary.core.operations;

import io.tributary.core.BrokerConfig;
import io.tributary.core.RequestContext;
import io.tributary.core.accounts.AccountSettingsRegistry;
import io.tributary.core.error.KinesisException;
import io.tributary.core.model.StreamArn;
import io.tributary.core.model.StreamMode;
import io.tributary.core.model.StreamName;
import io.tributary.core.model.StreamStatus;
import io.tributary.core.streams.StreamKey;
import io.tributary.core.streams.StreamRegistry;
import io.tributary.core.streams.StreamState;
import java.time.Clock;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;

/**
 * UpdateStreamWarmThroughput: the write throughput an on-demand stream is kept ready for. The
 * stream turns UPDATING for the broker's create delay; the answer reports the new target and the
 * throughput held before. AWS's rules, from the operation's documentation: on-demand streams
 * only, in accounts whose MinimumThroughputBillingCommitment is in force, at most 10 GiBps.
 *
 * <p>Tributary does not throttle writes, so the setting changes no shard; it is kept and
 * reported by DescribeStreamSummary.
 *
 * <p>Thread-safe.
 */
public final class UpdateStreamWarmThroughput
    implements KinesisOperation<UpdateStreamWarmThroughput.Request, UpdateStreamWarmThroughput.Response> {
  /** "Scale to more than 10 GiBps for an on-demand stream" is beyond AWS's default limit. */
  static final int MAX_WARM_THROUGHPUT_MIBPS = 10 * 1024;

  public record Request(StreamRef stream, int warmThroughputMiBps) {}

  public record Response(StreamArn streamArn, StreamName streamName, WarmThroughput warmThroughput) {}

  private final StreamRegistry registry;
  private final AccountSettingsRegistry accounts;
  private final BrokerConfig config;
  private final Clock clock;

  public UpdateStreamWarmThroughput(StreamRegistry registry, AccountSettingsRegistry accounts, BrokerConfig config,
      Clock clock) {
    this.registry = registry;
    this.accounts = accounts;
    this.config = config;
    this.clock = clock;
  }

  @Override
  public Response execute(RequestContext context, Request request) {
    StreamKey key = request.stream().resolve(context);
    AtomicReference<OptionalInt> before = new AtomicReference<>();
    StreamState after = registry.update(key, current -> {
      long now = clock.millis();
      StreamSnapshot.at(current, now).requireActive();
      if (current.streamMode() != StreamMode.ON_DEMAND) {
        throw KinesisException.validation("Request is invalid. Stream " + key.name() + " under account "
            + key.accountId() + " is in Provisioned mode. Warm throughput is only supported for On-Demand streams.");
      }
      requireWarmThroughputAllowed(accounts, key, request.warmThroughputMiBps(), now);
      before.set(current.warmThroughputMiBps());
      return current.toBuilder()
          .warmThroughputMiBps(OptionalInt.of(request.warmThroughputMiBps()))
          .status(StreamStatus.UPDATING, now + config.createStreamDelay().toMillis())
          .build();
    });
    return new Response(after.arn(), key.name(),
        new WarmThroughput(OptionalInt.of(request.warmThroughputMiBps()), before.get()));
  }

  /** Refuses warm throughput without the account's billing commitment, or above 10 GiBps. */
  static void requireWarmThroughputAllowed(AccountSettingsRegistry accounts, StreamKey key, int mibps,
      long nowMillis) {
    if (!accounts.get(key.accountId(), key.region()).minimumThroughputBillingCommitment().inForceAt(nowMillis)) {
      throw KinesisException.invalidArgument("Warm throughput requires MinimumThroughputBillingCommitment to be "
          + "enabled for account " + key.accountId() + " in " + key.region() + ".");
    }
    if (mibps > MAX_WARM_THROUGHPUT_MIBPS) {
      throw KinesisException.limitExceeded("Requested warm throughput of " + mibps + " MiBps for stream "
          + key.name() + " under account " + key.accountId() + " exceeds the limit of "
          + MAX_WARM_THROUGHPUT_MIBPS + " MiBps.");
    }
  }
}
