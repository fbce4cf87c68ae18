package io.tributary.core.operations;

import io.tributary.core.BrokerConfig;
import io.tributary.core.RequestContext;
import io.tributary.core.model.StreamStatus;
import io.tributary.core.streams.StreamKey;
import io.tributary.core.streams.StreamRegistry;
import io.tributary.core.streams.StreamState;
import java.time.Clock;
import java.util.Optional;

/**
 * DeleteStream: the stream turns DELETING for the configured delay and then disappears; its
 * records are dropped at once and it refuses reads and writes while DELETING.
 *
 * <p>Thread-safe.
 */
public final class DeleteStream implements KinesisOperation<DeleteStream.Request, DeleteStream.Response> {

  /**
   * @param enforceConsumerDeletion delete even if consumers are registered (consumers arrive
   *     with the next issue; today no stream has any)
   */
  public record Request(StreamRef stream, Optional<Boolean> enforceConsumerDeletion) {}

  /** DeleteStream answers with an empty body. */
  public record Response() {}

  private final StreamRegistry registry;
  private final BrokerConfig config;
  private final Clock clock;

  public DeleteStream(StreamRegistry registry, BrokerConfig config, Clock clock) {
    this.registry = registry;
    this.config = config;
    this.clock = clock;
  }

  @Override
  public Response execute(RequestContext context, Request request) {
    StreamKey key = request.stream().resolve(context);
    long now = clock.millis();
    StreamState state = registry.find(key).orElseThrow(() -> StreamRegistry.notFound(key));
    if (state.statusAt(now).orElseThrow() == StreamStatus.DELETING) {
      throw StreamRegistry.notFound(key);
    }
    registry.delete(key, now + config.deleteStreamDelay().toMillis());
    return new Response();
  }
}
