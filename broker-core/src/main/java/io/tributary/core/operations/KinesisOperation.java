package io.tributary.core.operations;

import io.tributary.core.RequestContext;

/**
 * One Kinesis API operation: takes a validated request in domain types and returns its result
 * or throws {@link io.tributary.core.error.KinesisException}.
 *
 * <p>Implementations may block on storage, so callers run them off any I/O event loop.
 *
 * @param <Q> the request
 * @param <R> the response
 */
@FunctionalInterface
public interface KinesisOperation<Q, R> {
  R execute(RequestContext context, Q request);
}
