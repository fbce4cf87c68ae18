package io.tributary.http.protocol;

import io.tributary.http.wire.WireCodec;
import io.tributary.http.wire.WireError;
import io.tributary.http.wire.WireFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * The protocol's answer to one request, before the transport adds its headers (request id,
 * date, length, connection).
 *
 * @param status the HTTP status
 * @param contentType the {@code Content-Type} of the body
 * @param errorType for errors, the {@code __type}, also sent as {@code x-amzn-ErrorType}
 * @param body the encoded body, possibly empty; owned by this response, never changed
 */
public record KinesisResponse(int status, String contentType, Optional<String> errorType, byte[] body)
    implements ProtocolAnswer {
  public KinesisResponse {
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(errorType, "errorType");
    Objects.requireNonNull(body, "body");
  }

  /** An error in the Kinesis error shape of {@code format}. */
  public static KinesisResponse error(WireCodec codec, WireFormat format, WireError error) {
    return new KinesisResponse(error.httpStatus(), format.contentType(), Optional.of(error.type()),
        codec.writeError(format, error));
  }
}
