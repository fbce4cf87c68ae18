package io.tributary.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A minimal Kinesis JSON 1.1 client for socket-level tests: signs nothing, but sends the SigV4
 * {@code Authorization} header an SDK would, with the access key and region given, so the server
 * derives the caller's account and region from it.
 */
final class KinesisJsonClient {
  /** One answer: the HTTP status and the body as a tree ({@code {}} for an empty body). */
  record Answer(int status, JsonNode body) {
    String errorType() {
      return body.path("__type").asText();
    }

    String message() {
      return body.path("message").asText();
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final URI endpoint;
  private final String accessKeyId;
  private final String region;

  KinesisJsonClient(int port, String accessKeyId, String region) {
    this.endpoint = URI.create("http://127.0.0.1:" + port + "/");
    this.accessKeyId = accessKeyId;
    this.region = region;
  }

  Answer call(String operation, String body) {
    HttpRequest request = HttpRequest.newBuilder(endpoint)
        .header("Content-Type", "application/x-amz-json-1.1")
        .header("X-Amz-Target", "Kinesis_20131202." + operation)
        .header("X-Amz-Date", "20261128T080000Z")
        .header("Authorization", "AWS4-HMAC-SHA256 Credential=" + accessKeyId + "/20261128/" + region
            + "/kinesis/aws4_request, SignedHeaders=host;x-amz-date;x-amz-target, Signature=00")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
        .build();
    try {
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      JsonNode tree = response.body().length == 0 ? JSON.createObjectNode() : JSON.readTree(response.body());
      return new Answer(response.statusCode(), tree);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Calls and requires a 200, returning the body. */
  JsonNode ok(String operation, String body) {
    Answer answer = call(operation, body);
    if (answer.status() != 200) {
      throw new AssertionError(operation + " answered " + answer.status() + ": " + answer.body());
    }
    return answer.body();
  }
}
