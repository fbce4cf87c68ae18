package io.tributary.core.operations;

import io.tributary.core.BrokerConfig;
import io.tributary.core.RequestContext;
import io.tributary.core.model.EncryptionType;
import io.tributary.core.model.StreamStatus;
import io.tributary.core.streams.StreamKey;
import io.tributary.core.streams.StreamRegistry;
import java.time.Clock;
import java.util.Optional;

/**
 * StopStreamEncryption: the stream turns UPDATING for the broker's create delay and reports
 * {@code EncryptionType} NONE and no {@code KeyId} from then on. Only an ACTIVE stream can
 * change; {@code EncryptionType} must be KMS, as the model documents.
 *
 * <p>Thread-safe.
 */
public final class StopStreamEncryption
    implements KinesisOperation<StopStreamEncryption.Request, StopStreamEncryption.Response> {

  public record Request(StreamRef stream, EncryptionType encryptionType, String keyId) {}

  /** StopStreamEncryption answers with an empty body. */
  public record Response() {}

  private final StreamRegistry registry;
  private final BrokerConfig config;
  private final Clock clock;

  public StopStreamEncryption(StreamRegistry registry, BrokerConfig config, Clock clock) {
    this.registry = registry;
    this.config = config;
    this.clock = clock;
  }

  @Override
  public Response execute(RequestContext context, Request request) {
    StreamKey key = request.stream().resolve(context);
    StartStreamEncryption.requireKms(request.encryptionType());
    registry.update(key, current -> {
      long now = clock.millis();
      StreamSnapshot.at(current, now).requireActive();
      return current.toBuilder()
          .encryption(EncryptionType.NONE, Optional.empty())
          .status(StreamStatus.UPDATING, now + config.createStreamDelay().toMillis())
          .build();
    });
    return new Response();
  }
}
