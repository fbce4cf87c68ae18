package io.tributary.http.eventstream;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One message of an {@code application/vnd.amazon.eventstream} body: typed headers, in order, and
 * a payload. The headers a Kinesis event carries are {@code :message-type} ({@code event} or
 * {@code exception}), {@code :event-type} or {@code :exception-type}, and {@code :content-type}.
 *
 * @param headers header names to values, in wire order; names are at most 255 bytes of UTF-8
 * @param payload the body; owned by this message, never changed
 */
public record EventStreamMessage(Map<String, HeaderValue> headers, byte[] payload) {
  public static final String MESSAGE_TYPE = ":message-type";
  public static final String EVENT_TYPE = ":event-type";
  public static final String EXCEPTION_TYPE = ":exception-type";
  public static final String CONTENT_TYPE = ":content-type";

  public EventStreamMessage {
    headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    Objects.requireNonNull(payload, "payload");
  }

  /** An {@code event} message of type {@code eventType}. */
  public static EventStreamMessage event(String eventType, String contentType, byte[] payload) {
    Map<String, HeaderValue> headers = new LinkedHashMap<>();
    headers.put(EVENT_TYPE, HeaderValue.of(eventType));
    headers.put(CONTENT_TYPE, HeaderValue.of(contentType));
    headers.put(MESSAGE_TYPE, HeaderValue.of("event"));
    return new EventStreamMessage(headers, payload);
  }

  /** An {@code exception} message: a modeled error such as ResourceNotFoundException. */
  public static EventStreamMessage exception(String exceptionType, String contentType, byte[] payload) {
    Map<String, HeaderValue> headers = new LinkedHashMap<>();
    headers.put(EXCEPTION_TYPE, HeaderValue.of(exceptionType));
    headers.put(CONTENT_TYPE, HeaderValue.of(contentType));
    headers.put(MESSAGE_TYPE, HeaderValue.of("exception"));
    return new EventStreamMessage(headers, payload);
  }

  /** A string header's value. */
  public Optional<String> stringHeader(String name) {
    return headers.get(name) instanceof HeaderValue.StringValue s ? Optional.of(s.value()) : Optional.empty();
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
