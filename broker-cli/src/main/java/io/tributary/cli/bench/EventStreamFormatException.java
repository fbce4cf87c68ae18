package io.tributary.cli.bench;

import java.io.IOException;

/**
 * Bytes that are not a well-formed event-stream message: a CRC that does not match, lengths that
 * contradict each other, a header of unknown type, or a stream that ends inside a message. The
 * rest of the stream cannot be trusted, since its message boundaries are lost.
 */
final class EventStreamFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    EventStreamFormatException(String message) {
        super(message);
    }

    EventStreamFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
