package io.tributary.core.operations;

import io.tributary.core.BrokerConfig;
import io.tributary.core.RequestContext;
import io.tributary.core.error.KinesisException;
import io.tributary.core.model.EncryptionType;
import io.tributary.core.model.StreamStatus;
import io.tributary.core.streams.StreamKey;
import io.tributary.core.streams.StreamRegistry;
import java.time.Clock;
import java.util.Optional;

/**
 * StartStreamEncryption: the stream turns UPDATING for the broker's create delay and reports
 * {@code EncryptionType} KMS and the {@code KeyId} from then on; records read back carry KMS.
 * Only an ACTIVE stream can change, and KMS is the only type this operation accepts.
 *
 * <p>Tributary holds no KMS: any key id is accepted, and the KMS errors AWS can return
 * (KMSNotFoundException and the like) never occur. Records are stored as they are either way.
 *
 * <p>Thread-safe.
 */
public final class StartStreamEncryption
    implements KinesisOperation<StartStreamEncryption.Request, StartStreamEncryption.Response> {

  public record Request(StreamRef stream, EncryptionType encryptionType, String keyId) {}

  /** StartStreamEncryption answers with an empty body. */
  public record Response() {}

  private final StreamRegistry registry;
  private final BrokerConfig config;
  private final Clock clock;

  public StartStreamEncryption(StreamRegistry registry, BrokerConfig config, Clock clock) {
    this.registry = registry;
    this.config = config;
    this.clock = clock;
  }

  @Override
  public Response execute(RequestContext context, Request request) {
    StreamKey key = request.stream().resolve(context);
    requireKms(request.encryptionType());
    registry.update(key, current -> {
      long now = clock.millis();
      StreamSnapshot.at(current, now).requireActive();
      return current.toBuilder()
          .encryption(EncryptionType.KMS, Optional.of(request.keyId()))
          .status(StreamStatus.UPDATING, now + config.createStreamDelay().toMillis())
          .build();
    });
    return new Response();
  }

  static void requireKms(EncryptionType type) {
    if (type != EncryptionType.KMS) {
      throw KinesisException.invalidArgument("Invalid EncryptionType " + type + ". The only valid value is KMS.");
    }
  }
}
