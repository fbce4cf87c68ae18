package io.tributary.it;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Kinesis requests made by hand, for tests that must send what no AWS client would: the headers
 * an AWS client sends, with a well-formed but unverified SigV4 Authorization header.
 */
final class KinesisHttp {
  static final String JSON = "application/x-amz-json-1.1";
  static final String CBOR = "application/x-amz-cbor-1.1";
  static final String TARGET_PREFIX = "Kinesis_20131202.";
  static final String AUTHORIZATION = "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20260101/us-east-1/"
      + "kinesis/aws4_request, SignedHeaders=host;x-amz-date, Signature=0000";

  private KinesisHttp() {}

  /** A POST to the endpoint with only a date header; the caller adds the rest. */
  static HttpRequest.Builder post(URI endpoint, byte[] body) {
    return HttpRequest.newBuilder(endpoint.resolve("/"))
        .timeout(Duration.ofSeconds(10))
        .header("X-Amz-Date", "20260101T000000Z")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
  }

  /** A signed JSON 1.1 call of {@code operation} with {@code jsonBody}. */
  static HttpRequest signedJson(URI endpoint, String operation, String jsonBody) {
    return post(endpoint, jsonBody.getBytes(StandardCharsets.UTF_8))
        .header("Content-Type", JSON)
        .header("X-Amz-Target", TARGET_PREFIX + operation)
        .header("Authorization", AUTHORIZATION)
        .build();
  }
}
