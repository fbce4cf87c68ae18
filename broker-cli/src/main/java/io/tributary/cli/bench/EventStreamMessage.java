package io.tributary.cli.bench;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One message of an {@code application/vnd.amazon.eventstream} body, as {@link EventStreamDecoder}
 * read it: its headers in wire order and its payload. Kinesis sets three string headers on every
 * message: {@code :message-type} ({@code event} or {@code exception}), {@code :event-type} or
 * {@code :exception-type}, and {@code :content-type}.
 *
 * <p>Header values are Java objects by wire type: Boolean (types 0, 1), Byte (2), Short (3),
 * Integer (4), Long (5), byte[] (6), String (7), Instant (8), UUID (9).
 *
 * <p>Immutable, except that {@link #payload()} hands out the array itself.
 */
record EventStreamMessage(Map<String, Object> headers, byte[] payload) {

    static final String MESSAGE_TYPE = ":message-type";
    static final String EVENT_TYPE = ":event-type";
    static final String EXCEPTION_TYPE = ":exception-type";
    static final String CONTENT_TYPE = ":content-type";

    EventStreamMessage {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** The value of a string header, or null if the header is absent or of another type. */
    String stringHeader(String name) {
        return headers.get(name) instanceof String value ? value : null;
    }

    /** True for an {@code exception} message, which carries an error instead of an event. */
    boolean isException() {
        return "exception".equals(stringHeader(MESSAGE_TYPE));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EventStreamMessage other && headers.equals(other.headers)
                && Arrays.equals(payload, other.payload);
    }

    @Override
    public int hashCode() {
        return 31 * headers.hashCode() + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "EventStreamMessage" + headers + " (" + payload.length + " payload bytes)";
    }
}
