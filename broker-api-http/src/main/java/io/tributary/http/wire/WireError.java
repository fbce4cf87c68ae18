package io.tributary.http.wire;

import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.KinesisException;
import java.util.Objects;
import java.util.Optional;

/**
 * An error as the client will see it, before it is encoded: the HTTP status, the {@code __type}
 * and the message, if AWS sends one.
 *
 * <p>Errors from the domain arrive as {@link KinesisException} and keep their code's status.
 * The framework's own errors (unknown target, undecodable body, ...) are made here directly,
 * because AWS answers some of them without a message, and some with a status other than their
 * code's usual one (AccessDeniedException is 403 when the operation cannot be determined).
 *
 * @param httpStatus the response status
 * @param type the {@code __type} member and {@code x-amzn-ErrorType} header
 * @param message the {@code message} member; AWS omits it on several framework errors
 */
public record WireError(int httpStatus, String type, Optional<String> message) {
  public WireError {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(message, "message");
  }

  public static WireError of(KinesisException e) {
    return new WireError(e.code().httpStatus(), e.code().wireType(), Optional.of(e.getMessage()));
  }

  public static WireError of(ErrorCode code, String message) {
    return new WireError(code.httpStatus(), code.wireType(), Optional.of(message));
  }

  public static WireError withoutMessage(ErrorCode code) {
    return new WireError(code.httpStatus(), code.wireType(), Optional.empty());
  }

  public WireError withStatus(int status) {
    return new WireError(status, type, message);
  }
}
