package io.tributary.http.operations;

import io.tributary.core.RequestContext;
import io.tributary.core.operations.KinesisOperation;
import io.tributary.core.operations.ShardSubscription;
import io.tributary.core.operations.SubscribeToShard;
import io.tributary.http.wire.WireCodec;
import io.tributary.http.wire.WireFormat;
import io.tributary.http.wire.WireObject;
import java.util.Objects;

/**
 * The dispatch-table row of SubscribeToShard, the one operation answered with an event stream
 * rather than one body: its mapper and its domain operation.
 *
 * <p>Thread-safe.
 */
public record SubscriptionBinding(
    SubscribeToShardMapper mapper, KinesisOperation<SubscribeToShard.Request, ShardSubscription> operation) {
  public static final String NAME = "SubscribeToShard";

  public SubscriptionBinding {
    Objects.requireNonNull(mapper, "mapper");
    Objects.requireNonNull(operation, "operation");
  }

  /** The binding to the broker's operation. */
  public static SubscriptionBinding of(KinesisOperation<SubscribeToShard.Request, ShardSubscription> operation) {
    return new SubscriptionBinding(new SubscribeToShardMapper(), operation);
  }

  /** Maps the request and opens the subscription (blocking, on the calling thread). */
  public ShardSubscription open(RequestContext context, WireObject body) {
    return operation.execute(context, mapper.readRequest(body));
  }

  /** One event's payload in {@code format}. */
  public byte[] eventPayload(WireCodec codec, WireFormat format, ShardSubscription.Event event) {
    return codec.write(format, (out, timestamps) -> mapper.writeEvent(event, out, timestamps));
  }
}
