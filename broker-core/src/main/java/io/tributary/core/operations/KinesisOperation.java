package io.tributary.core.operations;

import io.tributary.core.RequestContext;
import java.util.Optional;

/**
 * One Kinesis API operation: takes a validated request in domain types and returns its result
 * or throws {@link io.tributary.core.error.KinesisException}.
 *
 * <p>{@link #execute} may block on storage, so callers run it off any I/O event loop; {@link
 * #executeIfNonBlocking} is the exception made for operations that often need no waiting.
 *
 * @param <Q> the request
 * @param <R> the response
 */
@FunctionalInterface
public interface KinesisOperation<Q, R> {
  R execute(RequestContext context, Q request);

  /** Whether {@link #executeIfNonBlocking} may ever run the operation; false unless overridden. */
  default boolean hasNonBlockingPath() {
    return false;
  }

  /**
   * Runs the operation only if it can finish at once, without waiting for a lock, another
   * thread's write or the disk: for a caller that must not block, such as an I/O event loop.
   * Otherwise returns empty, having changed nothing, and the caller runs {@link #execute} where
   * blocking is allowed. Errors are thrown as {@link #execute} throws them. The default never runs
   * the operation.
   */
  default Optional<R> executeIfNonBlocking(RequestContext context, Q request) {
    return Optional.empty();
  }
}
