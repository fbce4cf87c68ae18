package io.tributary.cli.bench;

/**
 * A Kinesis request that did not succeed: either the server answered with an error, named by the
 * {@code __type} of its body (for example {@code ResourceNotFoundException}), or the request never
 * got an answer (a connection or timeout failure, named by the Java exception).
 *
 * <p>Benchmarks count failures by {@link #errorType()}, so the type is short and stable.
 */
final class RequestFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String errorType;
    private final int httpStatus;

    RequestFailedException(String errorType, int httpStatus, String message, Throwable cause) {
        super(errorType + (httpStatus > 0 ? " (HTTP " + httpStatus + ")" : "")
                + (message == null || message.isEmpty() ? "" : ": " + message), cause);
        this.errorType = errorType;
        this.httpStatus = httpStatus;
    }

    /** The server's {@code __type}, or the transport exception's simple class name. */
    String errorType() {
        return errorType;
    }

    /** The HTTP status the server sent, or 0 when there was no response. */
    int httpStatus() {
        return httpStatus;
    }
}
