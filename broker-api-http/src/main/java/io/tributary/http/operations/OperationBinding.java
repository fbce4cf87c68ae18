package io.tributary.http.operations;

import io.tributary.core.RequestContext;
import io.tributary.core.operations.KinesisOperation;
import io.tributary.http.wire.WireCodec;
import io.tributary.http.wire.WireObject;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of the dispatch table: an operation's wire name, its mapper and its domain operation.
 *
 * <p>Thread-safe.
 *
 * @param name the operation as it appears after {@code Kinesis_20131202.} in {@code X-Amz-Target}
 */
public record OperationBinding<Q, R>(String name, OperationMapper<Q, R> mapper, KinesisOperation<Q, R> operation) {
  public OperationBinding {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(mapper, "mapper");
    Objects.requireNonNull(operation, "operation");
  }

  /**
   * Maps the request, runs the operation (blocking, on the calling thread) and returns the
   * writer of its response.
   */
  public WireCodec.BodyWriter invoke(RequestContext context, WireObject body) {
    Q request = mapper.readRequest(body);
    R response = operation.execute(context, request);
    return (out, timestamps) -> mapper.writeResponse(response, out, timestamps);
  }

  /** Whether {@link #invokeIfNonBlocking} may ever run the operation. */
  public boolean hasNonBlockingPath() {
    return operation.hasNonBlockingPath();
  }

  /**
   * As {@link #invoke}, but only if the operation can finish without blocking (see {@link
   * KinesisOperation#executeIfNonBlocking}); empty, having changed nothing, if it cannot.
   */
  public Optional<WireCodec.BodyWriter> invokeIfNonBlocking(RequestContext context, WireObject body) {
    Q request = mapper.readRequest(body);
    return operation.executeIfNonBlocking(context, request)
        .map(response -> (out, timestamps) -> mapper.writeResponse(response, out, timestamps));
  }
}
