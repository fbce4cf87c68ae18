package io.tributary.http.protocol;

import io.tributary.core.error.KinesisException;
import io.tributary.core.operations.ShardSubscription;
import io.tributary.core.operations.SubscribeToShard;
import io.tributary.http.operations.SubscriptionBinding;
import io.tributary.http.wire.WireCodec;
import io.tributary.http.wire.WireFormat;
import java.time.Duration;
import java.util.Objects;

/**
 * SubscribeToShard's answer: an open subscription whose events the transport sends as an
 * {@code application/vnd.amazon.eventstream} body, and the payloads of those events in the
 * request's encoding (JSON or CBOR, named by each message's {@code :content-type}).
 *
 * <p>The transport owns it once it is returned and must {@link #close()} it (which frees the
 * consumer's slot on the shard) when the stream ends or the client goes away.
 *
 * <p>Thread-safe.
 */
public final class SubscriptionAnswer implements ProtocolAnswer, AutoCloseable {
  /** The event type of the first message, whose payload is the (memberless) response. */
  public static final String INITIAL_RESPONSE = "initial-response";
  /** The event type of every other event. */
  public static final String EVENT = "SubscribeToShardEvent";

  private final ShardSubscription subscription;
  private final SubscriptionBinding binding;
  private final WireCodec codec;
  private final WireFormat format;
  private final Duration lifetime;
  private final Duration heartbeat;

  /**
   * @param lifetime when the stream ends normally ({@link SubscribeToShard#LIFETIME})
   * @param heartbeat how long the stream may stay without an event ({@link SubscribeToShard#HEARTBEAT})
   */
  public SubscriptionAnswer(
      ShardSubscription subscription, SubscriptionBinding binding, WireCodec codec, WireFormat format,
      Duration lifetime, Duration heartbeat) {
    this.subscription = Objects.requireNonNull(subscription, "subscription");
    this.binding = Objects.requireNonNull(binding, "binding");
    this.codec = Objects.requireNonNull(codec, "codec");
    this.format = Objects.requireNonNull(format, "format");
    this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
    this.heartbeat = Objects.requireNonNull(heartbeat, "heartbeat");
  }

  public ShardSubscription subscription() {
    return subscription;
  }

  public WireFormat format() {
    return format;
  }

  public Duration lifetime() {
    return lifetime;
  }

  public Duration heartbeat() {
    return heartbeat;
  }

  /** The {@code initial-response} payload: an empty object, as SubscribeToShard's output has no members. */
  public byte[] initialResponse() {
    return codec.write(format, (out, timestamps) -> {
      out.writeStartObject();
      out.writeEndObject();
    });
  }

  /** A {@code SubscribeToShardEvent} payload. */
  public byte[] eventPayload(ShardSubscription.Event event) {
    return binding.eventPayload(codec, format, event);
  }

  /** An exception message's payload: the error shape's one member, {@code message}. */
  public byte[] exceptionPayload(KinesisException error) {
    return codec.write(format, (out, timestamps) -> {
      out.writeStartObject();
      out.writeStringField("message", error.getMessage());
      out.writeEndObject();
    });
  }

  @Override
  public void close() {
    subscription.close();
  }
}
