package io.tributary.http.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.http.wire.BlobPaths;
import io.tributary.http.wire.WireFormat;

/**
 * Checks a decoded request body against the operation's input shape in the Kinesis model
 * before any mapper reads it. {@code io.tributary.http.validation.ModelValidator::validate}
 * is the implementation.
 *
 * <p>Implementations must be thread-safe.
 */
@FunctionalInterface
public interface RequestValidator {

  /**
   * @param operationName the operation, e.g. {@code PutRecord}
   * @param body the decoded body, an object
   * @throws io.tributary.core.error.KinesisException SerializationException for a member of the
   *     wrong type, ValidationException with AWS's "N validation error(s) detected: ..." text
   */
  void validate(String operationName, JsonNode body, WireFormat format);

  /**
   * Where blobs sit in the operation's request, for the codec to decode them while parsing;
   * {@link BlobPaths#NONE} by default, in which case {@link #validate} must accept a blob that
   * is base64 text as well as one that is bytes.
   */
  default BlobPaths blobPaths(String operationName) {
    return BlobPaths.NONE;
  }
}
