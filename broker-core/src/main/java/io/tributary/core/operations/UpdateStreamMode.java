package io.tributary.core.operations;

import io.tributary.core.BrokerConfig;
import io.tributary.core.RequestContext;
import io.tributary.core.accounts.AccountSettingsRegistry;
import io.tributary.core.error.KinesisException;
import io.tributary.core.model.StreamArn;
import io.tributary.core.model.StreamMode;
import io.tributary.core.model.StreamStatus;
import io.tributary.core.streams.StreamKey;
import io.tributary.core.streams.StreamRegistry;
import java.time.Clock;
import java.util.OptionalInt;

/**
 * UpdateStreamMode: switches a stream between PROVISIONED and ON_DEMAND, keeping its shards. The
 * stream turns UPDATING for the broker's create delay and reports the new mode at once. Switching
 * to ON_DEMAND counts against the account's on-demand stream limit (LimitExceededException, as
 * CreateStream). {@code WarmThroughputMiBps} is "only valid when the stream mode is being updated
 * to on-demand" and needs the account's billing commitment; switching to PROVISIONED drops any.
 * Asking for the mode the stream already has changes nothing. Only an ACTIVE stream can change.
 *
 * <p>Thread-safe.
 */
public final class UpdateStreamMode implements KinesisOperation<UpdateStreamMode.Request, UpdateStreamMode.Response> {

  /** @param streamMode the {@code StreamMode} of the request's {@code StreamModeDetails} */
  public record Request(StreamArn streamArn, StreamMode streamMode, OptionalInt warmThroughputMiBps) {
    public Request(StreamArn streamArn, StreamMode streamMode) {
      this(streamArn, streamMode, OptionalInt.empty());
    }
  }

  /** UpdateStreamMode answers with an empty body. */
  public record Response() {}

  private final StreamRegistry registry;
  private final AccountSettingsRegistry accounts;
  private final BrokerConfig config;
  private final Clock clock;

  public UpdateStreamMode(StreamRegistry registry, AccountSettingsRegistry accounts, BrokerConfig config,
      Clock clock) {
    this.registry = registry;
    this.accounts = accounts;
    this.config = config;
    this.clock = clock;
  }

  @Override
  public Response execute(RequestContext context, Request request) {
    StreamKey key = StreamKey.of(request.streamArn());
    StreamMode mode = request.streamMode();
    if (request.warmThroughputMiBps().isPresent() && mode != StreamMode.ON_DEMAND) {
      throw KinesisException.invalidArgument(
          "WarmThroughputMiBps is only valid when the stream mode is being updated to ON_DEMAND.");
    }
    registry.update(key, current -> {
      long now = clock.millis();
      StreamSnapshot.at(current, now).requireActive();
      if (current.streamMode() == mode) {
        return current;
      }
      if (mode == StreamMode.ON_DEMAND) {
        CreateStream.checkOnDemandLimit(registry, config, key.accountId(), key.region());
      }
      if (request.warmThroughputMiBps().isPresent()) {
        UpdateStreamWarmThroughput.requireWarmThroughputAllowed(accounts, key,
            request.warmThroughputMiBps().getAsInt(), now);
      }
      return current.toBuilder()
          .streamMode(mode)
          .warmThroughputMiBps(mode == StreamMode.ON_DEMAND ? request.warmThroughputMiBps() : OptionalInt.empty())
          .status(StreamStatus.UPDATING, now + config.createStreamDelay().toMillis())
          .build();
    });
    return new Response();
  }
}
