package io.tributary.core.error;

/**
 * Every error Tributary returns, with its wire {@code __type}, HTTP status and retryability.
 *
 * <p>The wire type is spelled out per entry, never derived from the constant's name: AWS is not
 * consistent (compare {@code InternalFailure} with {@code ResourceNotFoundException}).
 */
public enum ErrorCode {
  ACCESS_DENIED("AccessDeniedException", 400, false),
  EXPIRED_ITERATOR("ExpiredIteratorException", 400, false),
  EXPIRED_NEXT_TOKEN("ExpiredNextTokenException", 400, false),
  INTERNAL_FAILURE("InternalFailure", 500, true),
  INVALID_ARGUMENT("InvalidArgumentException", 400, false),
  KMS_ACCESS_DENIED("KMSAccessDeniedException", 400, false),
  KMS_DISABLED("KMSDisabledException", 400, false),
  KMS_INVALID_STATE("KMSInvalidStateException", 400, false),
  KMS_NOT_FOUND("KMSNotFoundException", 400, false),
  KMS_OPT_IN_REQUIRED("KMSOptInRequired", 400, false),
  KMS_THROTTLING("KMSThrottlingException", 400, true),
  LIMIT_EXCEEDED("LimitExceededException", 400, true),
  PROVISIONED_THROUGHPUT_EXCEEDED("ProvisionedThroughputExceededException", 400, true),
  RESOURCE_IN_USE("ResourceInUseException", 400, false),
  RESOURCE_NOT_FOUND("ResourceNotFoundException", 400, false),
  VALIDATION("ValidationException", 400, false),
  /** The body could not be decoded, or a member has the wrong type. */
  SERIALIZATION("SerializationException", 400, false),
  /** The {@code X-Amz-Target} names no operation of this service. */
  UNKNOWN_OPERATION("UnknownOperationException", 400, false),
  /** The request is larger than any Kinesis request may be. */
  REQUEST_ENTITY_TOO_LARGE("RequestEntityTooLargeException", 413, false),
  /** The request did not say which operation it is, or used a method other than POST. */
  MISSING_ACTION("MissingAction", 400, false),
  /** A request with no usable credentials. */
  MISSING_AUTHENTICATION_TOKEN("MissingAuthenticationTokenException", 400, false),
  /** An Authorization header that is not a well-formed SigV4 header. */
  INCOMPLETE_SIGNATURE("IncompleteSignatureException", 400, false),
  /** A request that carries its SigV4 signature both in the query and in the headers. */
  INVALID_SIGNATURE("InvalidSignatureException", 400, false),
  /** The service is temporarily unable to handle the request (shutting down, overloaded). */
  SERVICE_UNAVAILABLE("ServiceUnavailable", 503, true);

  private final String wireType;
  private final int httpStatus;
  private final boolean retryable;

  ErrorCode(String wireType, int httpStatus, boolean retryable) {
    this.wireType = wireType;
    this.httpStatus = httpStatus;
    this.retryable = retryable;
  }

  /** The {@code __type} member clients read to pick the exception class. */
  public String wireType() {
    return wireType;
  }

  public int httpStatus() {
    return httpStatus;
  }

  public boolean retryable() {
    return retryable;
  }
}
