package io.tributary.http;

import io.tributary.core.InMemoryStreamStore;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import io.tributary.core.Broker;
import io.tributary.core.BrokerConfig;
import io.tributary.http.KinesisHttpServer.HttpServerConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The server on a real socket, driven by java.net.http as an SDK would drive it. */
class KinesisHttpServerTest {
  private static final String AUTH = "AWS4-HMAC-SHA256 Credential=AKID/20261128/us-west-2/kinesis/aws4_request, "
      + "SignedHeaders=host;x-amz-date;x-amz-target, Signature=00";
  private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private final ObjectMapper json = new ObjectMapper();
  private final CBORMapper cbor = new CBORMapper();
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private KinesisHttpServer server;

  @BeforeEach
  void start() {
    Broker broker = new Broker(new InMemoryStreamStore(Clock.systemUTC()),
        BrokerConfig.defaults().withStreamDelays(Duration.ZERO, Duration.ZERO), Clock.systemUTC());
    server = KinesisHttpServer.start(new HttpServerConfig("127.0.0.1", 0, 64 * 1024, 4), broker);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<byte[]> post(String contentType, String operation, byte[] body)
      throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/"))
        .header("Content-Type", contentType)
        .header("X-Amz-Target", "Kinesis_20131202." + operation)
        .header("X-Amz-Date", "20261128T080000Z")
        .header("Authorization", AUTH)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    assertTrue(UUID.matcher(response.headers().firstValue("x-amzn-RequestId").orElse("")).matches());
    return response;
  }

  private JsonNode postJson(String operation, String body) throws IOException, InterruptedException {
    HttpResponse<byte[]> response = post("application/x-amz-json-1.1", operation, body.getBytes(StandardCharsets.UTF_8));
    assertEquals(200, response.statusCode(), () -> new String(response.body(), StandardCharsets.UTF_8));
    assertEquals("application/x-amz-json-1.1", response.headers().firstValue("Content-Type").orElseThrow());
    return response.body().length == 0 ? json.createObjectNode() : json.readTree(response.body());
  }

  private JsonNode postCbor(String operation, ObjectNode body) throws IOException, InterruptedException {
    HttpResponse<byte[]> response = post("application/x-amz-cbor-1.1", operation, cborBytes(body));
    assertEquals(200, response.statusCode(), () -> Hex.of(response.body()));
    assertEquals("application/x-amz-cbor-1.1", response.headers().firstValue("Content-Type").orElseThrow());
    return response.body().length == 0 ? cbor.createObjectNode() : cbor.readTree(response.body());
  }

  private byte[] cborBytes(ObjectNode body) throws IOException {
    return cbor.writeValueAsBytes(body);
  }

  @Test
  void boundToAnEphemeralPort() {
    assertNotEquals(0, server.port());
    assertEquals("127.0.0.1", server.host());
  }

  @Test
  void createPutGetRoundTripInJson() throws Exception {
    postJson("CreateStream", "{\"StreamName\":\"orders\",\"ShardCount\":1}");
    JsonNode summary = postJson("DescribeStreamSummary", "{\"StreamName\":\"orders\"}").get("StreamDescriptionSummary");
    assertEquals("arn:aws:kinesis:us-west-2:000000000000:stream/orders", summary.get("StreamARN").textValue());
    JsonNode put = postJson("PutRecord", "{\"StreamName\":\"orders\",\"Data\":\"aGVsbG8=\",\"PartitionKey\":\"pk\"}");
    String iterator = postJson("GetShardIterator", "{\"StreamName\":\"orders\",\"ShardId\":\"shardId-000000000000\","
        + "\"ShardIteratorType\":\"TRIM_HORIZON\"}").get("ShardIterator").textValue();
    JsonNode got = postJson("GetRecords", "{\"ShardIterator\":\"" + iterator + "\"}");
    JsonNode record = got.get("Records").get(0);
    assertEquals("aGVsbG8=", record.get("Data").textValue());
    assertEquals("pk", record.get("PartitionKey").textValue());
    assertEquals(put.get("SequenceNumber"), record.get("SequenceNumber"));
    assertTrue(record.get("ApproximateArrivalTimestamp").isFloatingPointNumber());
    assertTrue(got.has("NextShardIterator"));
  }

  @Test
  void createPutGetRoundTripInCbor() throws Exception {
    postCbor("CreateStream", cbor.createObjectNode().put("StreamName", "orders").put("ShardCount", 1));
    byte[] data = {0, 1, 2, (byte) 0xff};
    JsonNode put = postCbor("PutRecord", cbor.createObjectNode().put("StreamName", "orders").put("Data", data)
        .put("PartitionKey", "pk"));
    long before = System.currentTimeMillis();
    ByteArrayOutputStream iteratorRequest = new ByteArrayOutputStream();
    try (CBORGenerator out = cbor.getFactory().createGenerator(iteratorRequest)) {
      // Timestamps as the SDK v2 writes them: tag 1, then epoch millis.
      out.writeStartObject();
      out.writeStringField("StreamName", "orders");
      out.writeStringField("ShardId", "shardId-000000000000");
      out.writeStringField("ShardIteratorType", "AT_TIMESTAMP");
      out.writeFieldName("Timestamp");
      out.writeTag(1);
      out.writeNumber(before - 60_000);
      out.writeEndObject();
    }
    HttpResponse<byte[]> iteratorResponse =
        post("application/x-amz-cbor-1.1", "GetShardIterator", iteratorRequest.toByteArray());
    assertEquals(200, iteratorResponse.statusCode());
    String iterator = cbor.readTree(iteratorResponse.body()).get("ShardIterator").textValue();
    JsonNode record = postCbor("GetRecords", cbor.createObjectNode().put("ShardIterator", iterator))
        .get("Records").get(0);
    assertTrue(record.get("Data").isBinary());
    assertArrayEquals(data, record.get("Data").binaryValue());
    assertEquals(put.get("SequenceNumber"), record.get("SequenceNumber"));
    long arrivalMillis = record.get("ApproximateArrivalTimestamp").longValue();
    assertTrue(Math.abs(arrivalMillis - before) < 60_000, "epoch millis, not seconds: " + arrivalMillis);
  }

  @Test
  void oversizedBodyGets413InTheKinesisShape() throws Exception {
    String body = "{\"StreamName\":\"orders\",\"Data\":\""
        + Base64.getEncoder().encodeToString(new byte[96 * 1024]) + "\",\"PartitionKey\":\"pk\"}";
    HttpResponse<byte[]> response = post("application/x-amz-json-1.1", "PutRecord", body.getBytes(StandardCharsets.UTF_8));
    assertEquals(413, response.statusCode());
    assertEquals("RequestEntityTooLargeException", json.readTree(response.body()).get("__type").textValue());
    assertEquals(200, post("application/x-amz-json-1.1", "ListStreams", "{}".getBytes(StandardCharsets.UTF_8))
        .statusCode());
  }

  @Test
  void errorsComeBackInTheRequestsEncoding() throws Exception {
    HttpResponse<byte[]> response = post("application/x-amz-cbor-1.1", "DescribeStream",
        cborBytes(cbor.createObjectNode().put("StreamName", "missing")));
    assertEquals(400, response.statusCode());
    assertEquals("ResourceNotFoundException:", response.headers().firstValue("x-amzn-ErrorType").orElseThrow());
    JsonNode error = cbor.readTree(response.body());
    assertEquals("ResourceNotFoundException", error.get("__type").textValue());
    assertTrue(error.get("message").textValue().contains("missing"), error.toString());
  }

  @Test
  void closedServerRefusesConnections() {
    int port = server.port();
    server.close();
    server.close();
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
        .POST(HttpRequest.BodyPublishers.noBody()).build();
    assertThrows(ConnectException.class, () -> http.send(request, HttpResponse.BodyHandlers.discarding()));
  }
}
