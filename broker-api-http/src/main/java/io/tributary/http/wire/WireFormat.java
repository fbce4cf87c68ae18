package io.tributary.http.wire;

import java.util.Optional;

/**
 * The two encodings of the Kinesis wire protocol: AWS JSON 1.1 and its CBOR twin, which the AWS
 * SDK for Java v2 uses by default.
 *
 * <p>They differ only in how blobs and timestamps look: JSON blobs are base64 text and JSON
 * timestamps epoch seconds; CBOR blobs are byte strings and CBOR timestamps tag 1 followed by
 * epoch milliseconds.
 */
public enum WireFormat {
  JSON("application/x-amz-json-1.1"),
  CBOR("application/x-amz-cbor-1.1");

  private final String contentType;

  WireFormat(String contentType) {
    this.contentType = contentType;
  }

  /** The {@code Content-Type} of requests and responses in this format. */
  public String contentType() {
    return contentType;
  }

  /**
   * The format a media type (a {@code Content-Type} without its parameters) names, compared
   * exactly as AWS does; empty for anything else, including {@code application/json}.
   */
  public static Optional<WireFormat> ofMediaType(String mediaType) {
    for (WireFormat format : values()) {
      if (format.contentType.equals(mediaType)) {
        return Optional.of(format);
      }
    }
    return Optional.empty();
  }
}
