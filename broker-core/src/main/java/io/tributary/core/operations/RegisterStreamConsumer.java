package io.tributary.core.operations;

import io.tributary.core.BrokerConfig;
import io.tributary.core.RequestContext;
import io.tributary.core.error.KinesisException;
import io.tributary.core.model.ConsumerName;
import io.tributary.core.model.ConsumerStatus;
import io.tributary.core.model.StreamArn;
import io.tributary.core.streams.ConsumerState;
import io.tributary.core.streams.StreamKey;
import io.tributary.core.streams.StreamRegistry;
import io.tributary.core.streams.StreamState;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * RegisterStreamConsumer: a new enhanced fan-out consumer, CREATING for the broker's create delay
 * and then ACTIVE, with an ARN ending in its registration time in epoch seconds.
 *
 * <p>AWS's limits, from the operation's documentation: at most {@link
 * BrokerConfig#maxConsumersPerStream()} consumers per stream (20 on AWS) and at most 5 CREATING
 * at once; both are LimitExceededException. A name already registered on the stream is
 * ResourceInUseException. {@code Tags} apply from CREATING on.
 *
 * <p>Thread-safe.
 */
public final class RegisterStreamConsumer
    implements KinesisOperation<RegisterStreamConsumer.Request, RegisterStreamConsumer.Response> {
  /** Consumers a stream may have in CREATING at once, as AWS documents. */
  static final int MAX_CREATING = 5;

  public record Request(StreamArn streamArn, ConsumerName consumerName, Map<String, String> tags) {
    public Request {
      tags = Map.copyOf(tags);
    }

    public Request(StreamArn streamArn, ConsumerName consumerName) {
      this(streamArn, consumerName, Map.of());
    }
  }

  public record Response(Consumer consumer) {}

  private final StreamRegistry registry;
  private final BrokerConfig config;
  private final Clock clock;

  public RegisterStreamConsumer(StreamRegistry registry, BrokerConfig config, Clock clock) {
    this.registry = registry;
    this.config = config;
    this.clock = clock;
  }

  @Override
  public Response execute(RequestContext context, Request request) {
    StreamKey key = StreamKey.of(request.streamArn());
    String name = request.consumerName().value();
    AtomicReference<ConsumerState> registered = new AtomicReference<>();
    StreamState after = registry.update(key, current -> {
      long now = clock.millis();
      StreamSnapshot.at(current, now).requireSettled();
      List<ConsumerState> visible = current.visibleConsumers(now);
      if (current.consumer(name, now).isPresent()) {
        throw KinesisException.resourceInUse("Consumer " + name + " under stream " + key.name() + " and account "
            + key.accountId() + " already exists.");
      }
      if (visible.size() >= config.maxConsumersPerStream()) {
        throw KinesisException.limitExceeded("Consumer limit of " + config.maxConsumersPerStream()
            + " exceeded for stream " + key.name() + " under account " + key.accountId() + ".");
      }
      long creating = visible.stream().filter(c -> c.statusAt(now).orElseThrow() == ConsumerStatus.CREATING).count();
      if (creating >= MAX_CREATING) {
        throw KinesisException.limitExceeded("Only " + MAX_CREATING + " consumers can be in CREATING status at "
            + "once on stream " + key.name() + " under account " + key.accountId() + ".");
      }
      if (!request.tags().isEmpty()) {
        TagRules rules = TagRules.forConsumer(name, key.accountId());
        rules.checkAdded(request.tags());
        rules.merged(Map.of(), request.tags());
      }
      ConsumerState consumer = new ConsumerState(name, now, ConsumerStatus.CREATING,
          now + config.createStreamDelay().toMillis(), request.tags(), Optional.empty());
      registered.set(consumer);
      // Deregistered consumers whose DELETING time is over are dropped here, so the list stays short.
      List<ConsumerState> next = new ArrayList<>(visible);
      next.add(consumer);
      return current.toBuilder().consumers(next).build();
    });
    ConsumerState c = registered.get();
    return new Response(new Consumer(request.consumerName(), Consumers.arnOf(after, c), ConsumerStatus.CREATING,
        Instant.ofEpochMilli(c.createdMillis())));
  }
}
