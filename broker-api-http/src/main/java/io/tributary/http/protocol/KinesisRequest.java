package io.tributary.http.protocol;

import java.util.Objects;
import java.util.Optional;

/**
 * One HTTP request as the Kinesis protocol reads it: the method, the URI (for presigned query
 * parameters), the headers that matter, and the body. Independent of Netty and of the HTTP
 * version it came over.
 *
 * @param requestId the id of this request's response, for {@code x-amzn-RequestId} and logs
 * @param method the HTTP method, e.g. {@code POST}
 * @param uri the request target, path and query
 * @param contentType the {@code Content-Type} header as sent
 * @param target the {@code X-Amz-Target} header
 * @param authorization the {@code Authorization} header
 * @param hasDateHeader whether an {@code X-Amz-Date} or {@code Date} header is present
 * @param body the body; owned by this request, never changed
 */
public record KinesisRequest(
    String requestId,
    String method,
    String uri,
    Optional<String> contentType,
    Optional<String> target,
    Optional<String> authorization,
    boolean hasDateHeader,
    byte[] body) {

  public KinesisRequest {
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(authorization, "authorization");
    Objects.requireNonNull(body, "body");
  }
}
