package io.tributary.it;

import static io.tributary.it.KinesisHttp.AUTHORIZATION;
import static io.tributary.it.KinesisHttp.CBOR;
import static io.tributary.it.KinesisHttp.JSON;
import static io.tributary.it.KinesisHttp.TARGET_PREFIX;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Requests no AWS client would send, over plain HTTP: each gets a 4xx with a Kinesis-shaped
 * error body ({@code __type}, and a message where AWS gives one), and the server keeps serving.
 *
 * <p>The expected answers are AWS's, as the HTTP layer documents them in {@code
 * RequestProcessor}. The server runs with {@code --max-request-bytes 4096} so that an oversized
 * body is cheap to send.
 */
class BadRequestTest {
  private static final int MAX_REQUEST_BYTES = 4096;
  private static final ObjectMapper JSON_MAPPER = new ObjectMapper();
  private static final ObjectMapper CBOR_MAPPER = new ObjectMapper(new CBORFactory());

  @TempDir static Path dataDir;
  private static TributaryProcess server;
  private static HttpClient http;

  @BeforeAll
  static void startServer() {
    server = TributaryProcess.start(dataDir, "--max-request-bytes", Integer.toString(MAX_REQUEST_BYTES));
    http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  /**
   * One bad request and the answer AWS gives it.
   *
   * @param contentType empty to send none
   * @param target the X-Amz-Target header; empty to send none
   * @param message the expected message; empty when AWS sends none or its wording is not stable
   */
  record BadRequest(
      String description, Optional<String> contentType, Optional<String> target, boolean signed, byte[] body,
      int status, String type, Optional<String> message) {
    @Override
    public String toString() {
      return description;
    }
  }

  static Stream<BadRequest> badRequests() {
    byte[] describe = "{\"StreamName\":\"bad-input\"}".getBytes(StandardCharsets.UTF_8);
    Optional<String> json = Optional.of(JSON);
    Optional<String> summary = Optional.of(TARGET_PREFIX + "DescribeStreamSummary");
    return Stream.of(
        new BadRequest("malformed JSON", json, summary, true, utf8("{\"StreamName\": "),
            400, "SerializationException", Optional.empty()),
        new BadRequest("malformed CBOR", Optional.of(CBOR), summary, true, new byte[] {(byte) 0xff, 0x00, 0x13},
            400, "SerializationException", Optional.empty()),
        new BadRequest("JSON array instead of an object", json, summary, true, utf8("[1, 2]"),
            400, "SerializationException", Optional.empty()),
        new BadRequest("number where a string belongs", json, summary, true, utf8("{\"StreamName\": 5}"),
            400, "SerializationException", Optional.empty()),
        new BadRequest("list where a string belongs", json, summary, true, utf8("{\"StreamName\": [\"a\"]}"),
            400, "SerializationException", Optional.of("Start of list found where not expected")),
        new BadRequest("oversized body", json, summary, true, oversized(),
            413, "RequestEntityTooLargeException",
            Optional.of("Request body must not exceed " + MAX_REQUEST_BYTES + " bytes.")),
        new BadRequest("missing X-Amz-Target", json, Optional.empty(), true, describe,
            400, "UnknownOperationException", Optional.empty()),
        new BadRequest("unknown operation", json, Optional.of(TARGET_PREFIX + "Frobnicate"), true, describe,
            400, "UnknownOperationException", Optional.empty()),
        new BadRequest("another service's target", json, Optional.of("DynamoDB_20120810.ListTables"), true, describe,
            400, "UnknownOperationException", Optional.empty()),

        new BadRequest("wrong Content-Type", Optional.of("text/plain"), summary, true, describe,
            404, "UnknownOperationException", Optional.empty()),
        new BadRequest("no Content-Type", Optional.empty(), summary, true, describe,
            404, "UnknownOperationException", Optional.empty()),
        new BadRequest("missing Authorization", json, summary, false, describe,
            400, "MissingAuthenticationTokenException", Optional.of("Missing Authentication Token")),
        new BadRequest("stream name breaking the model", json, summary, true, utf8("{\"StreamName\":\"a b\"}"),
            400, "ValidationException", Optional.empty()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRequests")
  void badRequestGetsAKinesisErrorAndTheServerStaysHealthy(BadRequest bad) throws Exception {
    HttpRequest.Builder request = KinesisHttp.post(server.endpoint(), bad.body());
    bad.contentType().ifPresent(type -> request.header("Content-Type", type));
    bad.target().ifPresent(target -> request.header("X-Amz-Target", target));
    if (bad.signed()) {
      request.header("Authorization", AUTHORIZATION);
    }

    HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());

    assertEquals(bad.status(), response.statusCode(), describe(response));
    JsonNode error = errorBody(response);
    assertEquals(bad.type(), error.path("__type").asText(), describe(response));
    bad.message().ifPresent(message -> assertEquals(message, messageOf(error), describe(response)));
    assertServerHealthy();
  }

  @Test
  void getInsteadOfPostIsAccessDeniedAndTheServerStaysHealthy() throws Exception {
    HttpRequest get = HttpRequest.newBuilder(server.endpoint().resolve("/")).timeout(Duration.ofSeconds(10))
        .header("Authorization", AUTHORIZATION).GET().build();

    HttpResponse<byte[]> response = http.send(get, HttpResponse.BodyHandlers.ofByteArray());

    assertEquals(403, response.statusCode(), describe(response));
    JsonNode error = errorBody(response);
    assertEquals("AccessDeniedException", error.path("__type").asText(), describe(response));
    assertEquals("Unable to determine service/operation name to be authorized", messageOf(error));
    assertServerHealthy();
  }

  @Test
  void bytesThatAreNotHttpGetAnAnswerOrAClosedConnectionAndTheServerStaysHealthy() throws Exception {
    try (Socket socket = new Socket(server.endpoint().getHost(), server.endpoint().getPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(new byte[] {0x16, 0x03, 0x01, 0x00, (byte) 0xa5, 0x01, 0x00, 0x00, '\r', '\n', '\r', '\n'});
      out.flush();

      String answer = readUntilClosed(socket.getInputStream());

      assertTrue(answer.isEmpty() || answer.startsWith("HTTP/1.1 4"), answer);
    }
    assertServerHealthy();
  }

  @Test
  void requestCutOffMidBodyLeavesTheServerHealthy() throws Exception {
    try (Socket socket = new Socket(server.endpoint().getHost(), server.endpoint().getPort())) {
      String head = "POST / HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + JSON + "\r\n"
          + "X-Amz-Target: " + TARGET_PREFIX + "ListStreams\r\nContent-Length: 1000\r\n\r\n{\"Lim";
      socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
    }
    assertServerHealthy();
  }

  /** A valid, signed ListStreams answers 200 with a JSON body. */
  private static void assertServerHealthy() throws IOException, InterruptedException {
    HttpResponse<byte[]> response = http.send(KinesisHttp.signedJson(server.endpoint(), "ListStreams", "{}"),
        HttpResponse.BodyHandlers.ofByteArray());

    assertEquals(200, response.statusCode(), describe(response));
    assertTrue(errorBody(response).has("StreamNames"), describe(response));
  }

  /** The body, decoded as the response's Content-Type says: CBOR or JSON. */
  private static JsonNode errorBody(HttpResponse<byte[]> response) throws IOException {
    String type = response.headers().firstValue("Content-Type").orElse("");
    return (type.startsWith(CBOR) ? CBOR_MAPPER : JSON_MAPPER).readTree(response.body());
  }

  /** AWS spells the member {@code message}, except in some serialization errors: {@code Message}. */
  private static String messageOf(JsonNode error) {
    return error.has("message") ? error.get("message").asText() : error.path("Message").asText();
  }

  private static String describe(HttpResponse<byte[]> response) {
    return response.statusCode() + " " + response.headers().map() + " "
        + new String(response.body(), StandardCharsets.UTF_8);
  }

  private static String readUntilClosed(InputStream in) throws IOException {
    return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] oversized() {
    return utf8("{\"StreamName\":\"" + "a".repeat(MAX_REQUEST_BYTES) + "\"}");
  }
}
