package io.tributary.http;

import io.tributary.core.InMemoryStreamStore;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import io.tributary.core.Broker;
import io.tributary.core.BrokerConfig;
import io.tributary.core.RequestContext;
import io.tributary.core.model.ConsumerName;
import io.tributary.core.model.StreamArn;
import io.tributary.core.model.StreamName;
import io.tributary.core.operations.CreateStream;
import io.tributary.core.operations.PutRecord;
import io.tributary.core.operations.RegisterStreamConsumer;
import io.tributary.core.operations.StreamRef;
import io.tributary.http.KinesisHttpServer.HttpServerConfig;
import io.tributary.http.eventstream.EventStreamCodec;
import io.tributary.http.eventstream.EventStreamMessage;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SubscribeToShard over HTTP/1.1: the same event stream in a chunked response, JSON or CBOR. */
class SubscribeToShardHttp1Test {
  private static final RequestContext CONTEXT = new RequestContext("test", "000000000000", "us-east-1");
  private static final String AUTH = "AWS4-HMAC-SHA256 Credential=AKID/20261128/us-east-1/kinesis/aws4_request, "
      + "SignedHeaders=host;x-amz-date;x-amz-target, Signature=00";

  private final ObjectMapper json = new ObjectMapper();
  private final CBORMapper cbor = new CBORMapper();
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private Broker broker;
  private KinesisHttpServer server;
  private String consumerArn;

  @BeforeEach
  void start() {
    broker = new Broker(new InMemoryStreamStore(Clock.systemUTC()),
        BrokerConfig.defaults().withStreamDelays(Duration.ZERO, Duration.ZERO), Clock.systemUTC());
    server = KinesisHttpServer.start(new HttpServerConfig("127.0.0.1", 0, 1 << 20, 4), broker);
    broker.createStream().execute(CONTEXT, new CreateStream.Request(new StreamName("s"), OptionalInt.of(1),
        Optional.empty()));
    consumerArn = broker.registerStreamConsumer().execute(CONTEXT, new RegisterStreamConsumer.Request(
        StreamArn.parse("arn:aws:kinesis:us-east-1:000000000000:stream/s").orElseThrow(), new ConsumerName("c")))
        .consumer().consumerArn().toString();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<InputStream> subscribe(String contentType, byte[] body) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/"))
        .header("Content-Type", contentType)
        .header("X-Amz-Target", "Kinesis_20131202.SubscribeToShard")
        .header("X-Amz-Date", "20261128T080000Z")
        .header("Authorization", AUTH)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
    return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
  }

  private static EventStreamMessage read(InputStream in) throws IOException {
    DataInputStream data = new DataInputStream(in);
    int total = data.readInt();
    byte[] message = new byte[total];
    ByteBuffer.wrap(message).putInt(total);
    data.readFully(message, 4, total - 4);
    return EventStreamCodec.decode(message);
  }

  private void put(String text) {
    broker.putRecord().execute(CONTEXT, new PutRecord.Request(StreamRef.ofName(new StreamName("s")),
        text.getBytes(StandardCharsets.UTF_8), "pk", Optional.empty(), Optional.empty()));
  }

  /** The next event with records; heartbeats are skipped. */
  private static EventStreamMessage nextWithRecords(InputStream in, ObjectMapper mapper) throws IOException {
    while (true) {
      EventStreamMessage message = read(in);
      if (mapper.readTree(message.payload()).get("Records").size() > 0) {
        return message;
      }
    }
  }

  @Test
  void jsonSubscriptionStreamsEventsInAChunkedResponse() throws Exception {
    HttpResponse<InputStream> response = subscribe("application/x-amz-json-1.1", ("{\"ConsumerARN\":\"" + consumerArn
        + "\",\"ShardId\":\"shardId-000000000000\",\"StartingPosition\":{\"Type\":\"LATEST\"}}")
        .getBytes(StandardCharsets.UTF_8));
    assertEquals(200, response.statusCode());
    assertEquals("application/vnd.amazon.eventstream", response.headers().firstValue("Content-Type").orElseThrow());
    assertEquals("chunked", response.headers().firstValue("Transfer-Encoding").orElseThrow());
    try (InputStream in = response.body()) {
      EventStreamMessage initial = read(in);
      assertEquals("initial-response", initial.stringHeader(EventStreamMessage.EVENT_TYPE).orElseThrow());
      put("over http/1.1");
      EventStreamMessage event = nextWithRecords(in, json);
      assertEquals("SubscribeToShardEvent", event.stringHeader(EventStreamMessage.EVENT_TYPE).orElseThrow());
      assertEquals("application/x-amz-json-1.1", event.stringHeader(EventStreamMessage.CONTENT_TYPE).orElseThrow());
      JsonNode record = json.readTree(event.payload()).get("Records").get(0);
      assertEquals("over http/1.1", new String(record.get("Data").binaryValue(), StandardCharsets.UTF_8));
      assertTrue(record.get("ApproximateArrivalTimestamp").isNumber());
    }
  }

  @Test
  void cborSubscriptionGetsCborPayloads() throws Exception {
    byte[] body = cbor.writeValueAsBytes(cbor.createObjectNode().put("ConsumerARN", consumerArn)
        .put("ShardId", "shardId-000000000000")
        .set("StartingPosition", cbor.createObjectNode().put("Type", "TRIM_HORIZON")));
    put("in cbor");
    HttpResponse<InputStream> response = subscribe("application/x-amz-cbor-1.1", body);
    assertEquals(200, response.statusCode());
    try (InputStream in = response.body()) {
      EventStreamMessage initial = read(in);
      assertEquals("application/x-amz-cbor-1.1", initial.stringHeader(EventStreamMessage.CONTENT_TYPE).orElseThrow());
      assertEquals(0, cbor.readTree(initial.payload()).size());
      JsonNode record = cbor.readTree(nextWithRecords(in, cbor).payload()).get("Records").get(0);
      assertEquals("in cbor", new String(record.get("Data").binaryValue(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void errorBeforeTheStreamStartsIsAnOrdinaryErrorResponse() throws Exception {
    HttpResponse<InputStream> response = subscribe("application/x-amz-json-1.1", ("{\"ConsumerARN\":\""
        + consumerArn.replace(":c:", ":nobody:").replace("consumer/c", "consumer/nobody")
        + "\",\"ShardId\":\"shardId-000000000000\",\"StartingPosition\":{\"Type\":\"LATEST\"}}")
        .getBytes(StandardCharsets.UTF_8));
    assertEquals(400, response.statusCode());
    assertEquals("application/x-amz-json-1.1", response.headers().firstValue("Content-Type").orElseThrow());
    try (InputStream in = response.body()) {
      JsonNode error = json.readTree(in.readAllBytes());
      assertEquals("ResourceNotFoundException", error.get("__type").asText());
    }
  }
}
