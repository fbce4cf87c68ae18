package io.tributary.core.operations;

import io.tributary.core.BrokerConfig;
import io.tributary.core.RequestContext;
import io.tributary.core.error.KinesisException;
import io.tributary.core.model.ConsumerStatus;
import io.tributary.core.model.StreamStatus;
import io.tributary.core.streams.ConsumerState;
import io.tributary.core.streams.StreamKey;
import io.tributary.core.streams.StreamRegistry;
import io.tributary.core.streams.StreamState;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * DeleteStream: the stream turns DELETING for the configured delay and then disappears; its
 * records are dropped at once and it refuses reads and writes while DELETING. A stream with
 * registered consumers is refused (ResourceInUseException) unless {@code EnforceConsumerDeletion}
 * is true, when its consumers turn DELETING with it.
 *
 * <p>Thread-safe.
 */
public final class DeleteStream implements KinesisOperation<DeleteStream.Request, DeleteStream.Response> {

  /**
   * @param enforceConsumerDeletion delete even if consumers are registered; they are deleted
   *     with the stream
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
    long goneAt = now + config.deleteStreamDelay().toMillis();
    boolean enforce = request.enforceConsumerDeletion().orElse(false);
    registry.delete(key, goneAt, current -> {
      List<ConsumerState> consumers = current.visibleConsumers(clock.millis());
      if (consumers.isEmpty()) {
        return current;
      }
      if (!enforce) {
        // AWS's text (hashicorp/terraform-provider-aws#8420; rebuy-de/aws-nuke#497), with its
        // typographic apostrophe (shown as "?" by clients that mangle it, aws/aws-cli#3580).
        throw KinesisException.resourceInUse("DeleteStream can\u2019t delete " + key.accountId() + ":" + key.name()
            + " because there are consumers associated with this data stream. To delete " + key.name()
            + " anyway, set the EnforceConsumerDeletion parameter to true to force the deletion of all the "
            + "consumers that are associated with it.");
      }
      List<ConsumerState> deleting = new ArrayList<>(consumers.size());
      consumers.forEach(c -> deleting.add(c.withStatus(ConsumerStatus.DELETING, goneAt)));
      return current.toBuilder().consumers(deleting).build();
    });
    return new Response();
  }
}
