package io.tributary.http;

import java.util.Optional;

/**
 * What {@link KinesisObjectAggregator} passes on in place of a request whose body is over the
 * limit, so that the handler answers it in turn with the other requests of the connection.
 *
 * @param contentType the request's {@code Content-Type}, which picks the error's encoding
 * @param keepAlive false when the rest of the request cannot be skipped, so the connection
 *     must close after the answer
 */
record OversizedRequest(Optional<String> contentType, boolean keepAlive) {}
