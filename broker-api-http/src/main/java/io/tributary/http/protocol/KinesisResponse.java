package io.tributary.http.protocol;

import io.tributary.http.wire.WireCodec;
import io.tributary.http.wire.WireError;
import io.tributary.http.wire.WireFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The protocol's answer to one request, before the transport adds its headers (request id,
 * date, length, connection).
 *
 * <p>The body is kept as the arrays the codec wrote it in, which the transport sends one after
 * the other: joining a 10 MiB GetRecords answer into one array would copy it whole and, while it
 * is copied, hold it twice.
 *
 * @param status the HTTP status
 * @param contentType the {@code Content-Type} of the body
 * @param errorType for errors, the {@code __type}, also sent as {@code x-amzn-ErrorType}
 * @param bodySegments the encoded body, in order, possibly all empty; owned by this response,
 *     never changed
 */
public record KinesisResponse(int status, String contentType, Optional<String> errorType, List<byte[]> bodySegments)
    implements ProtocolAnswer {
  public KinesisResponse {
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(errorType, "errorType");
    bodySegments = List.copyOf(bodySegments);
  }

  /** A response whose body is one array. */
  public KinesisResponse(int status, String contentType, Optional<String> errorType, byte[] body) {
    this(status, contentType, errorType, List.of(Objects.requireNonNull(body, "body")));
  }

  /** An error in the Kinesis error shape of {@code format}. */
  public static KinesisResponse error(WireCodec codec, WireFormat format, WireError error) {
    return new KinesisResponse(error.httpStatus(), format.contentType(), Optional.of(error.type()),
        codec.writeError(format, error));
  }

  /** The body's length in bytes. */
  public int bodyLength() {
    int length = 0;
    for (byte[] segment : bodySegments) {
      length += segment.length;
    }
    return length;
  }

  /** The body in one array (a copy when it is in several). */
  public byte[] body() {
    if (bodySegments.size() == 1) {
      return bodySegments.get(0);
    }
    byte[] body = new byte[bodyLength()];
    int at = 0;
    for (byte[] segment : bodySegments) {
      System.arraycopy(segment, 0, body, at, segment.length);
      at += segment.length;
    }
    return body;
  }
}
