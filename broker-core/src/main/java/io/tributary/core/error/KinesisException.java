package io.tributary.core.error;

import java.util.Objects;

/**
 * The one exception type for every error a client may see. Only the protocol layer turns it
 * into bytes: {@link #code()} gives the {@code __type} and status, {@link #getMessage()} the
 * {@code message} member, exactly as AWS words it.
 */
public final class KinesisException extends RuntimeException {
  private final ErrorCode code;

  public KinesisException(ErrorCode code, String message) {
    super(Objects.requireNonNull(message, "message"), null, false, false);
    this.code = Objects.requireNonNull(code, "code");
  }

  public KinesisException(ErrorCode code, String message, Throwable cause) {
    super(Objects.requireNonNull(message, "message"), cause, false, false);
    this.code = Objects.requireNonNull(code, "code");
  }

  public ErrorCode code() {
    return code;
  }

  public static KinesisException invalidArgument(String message) {
    return new KinesisException(ErrorCode.INVALID_ARGUMENT, message);
  }

  public static KinesisException resourceNotFound(String message) {
    return new KinesisException(ErrorCode.RESOURCE_NOT_FOUND, message);
  }

  public static KinesisException resourceInUse(String message) {
    return new KinesisException(ErrorCode.RESOURCE_IN_USE, message);
  }

  public static KinesisException limitExceeded(String message) {
    return new KinesisException(ErrorCode.LIMIT_EXCEEDED, message);
  }

  public static KinesisException validation(String message) {
    return new KinesisException(ErrorCode.VALIDATION, message);
  }

  public static KinesisException serialization(String message) {
    return new KinesisException(ErrorCode.SERIALIZATION, message);
  }
}
