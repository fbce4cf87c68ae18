package io.tributary.http;

import java.util.Optional;

/**
 * What {@link RequestAdmission} passes on in place of a request refused because the server holds
 * as many request bytes as its {@link RequestBudget} allows: the handler answers it 503 {@code
 * ServiceUnavailable}, in turn with the connection's other requests.
 *
 * @param contentType the request's {@code Content-Type}, which picks the error's encoding
 * @param keepAlive false when the connection must close after the answer
 */
record BusyRequest(Optional<String> contentType, boolean keepAlive) {}
