package io.tributary.clients.javascript;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.clients.ExternalCommand;
import io.tributary.clients.Node;
import io.tributary.clients.TributaryProcess;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AWS SDK for JavaScript v3 ({@code @aws-sdk/client-kinesis}) against a real server:
 * {@code integration-clients/node/kinesis-round-trip.mjs} creates a two-shard stream, puts
 * records, lists the shards and reads every record back, asserting as it goes, and prints what it
 * saw as JSON, checked again here byte for byte.
 *
 * <p>The Kinesis client's default request handler is {@code NodeHttp2Handler} (the SDK needs
 * HTTP/2 for SubscribeToShard), which speaks HTTP/2 with prior knowledge (h2c) to an
 * {@code http://} endpoint and h2 by ALPN to an {@code https://} one; {@code NodeHttpHandler},
 * the other handler, speaks HTTP/1.1. Skipped, saying why, when Node.js 20 or later is missing.
 */
class JavaScriptSdkTest {
  private static final int RECORD_COUNT = 40;
  private static final String JSON = "application/x-amz-json-1.1";
  private static final String EVENT_STREAM = "application/vnd.amazon.eventstream";

  @TempDir static Path dataDir;
  private static Node node;
  private static TributaryProcess server;

  @BeforeAll
  static void startServer() {
    node = Node.require("JavaScriptSdkTest");
    server = TributaryProcess.start(dataDir);
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void defaultClientSpeaksH2cToThePlainPortAndReadsRecordsBackByteExact() throws Exception {
    JsonNode summary = roundTrip(server.endpoint(), "default", Map.of());

    assertEquals(List.of("HTTP/2 (h2c)"), texts(summary.get("protocols")));
    assertEquals(Set.of(JSON, EVENT_STREAM), Set.copyOf(texts(summary.get("contentTypes"))));
    assertRecordsRoundTripped(summary);
    assertEquals(byIdentity(summary.get("records")), byIdentity(summary.get("subscribed")),
        "SubscribeToShard delivered the records GetRecords read");
  }

  @Test
  void nodeHttpHandlerSpeaksHttp11ToThePlainPortAndReadsRecordsBackByteExact() throws Exception {
    JsonNode summary = roundTrip(server.endpoint(), "http1", Map.of());

    assertEquals(List.of("HTTP/1.1"), texts(summary.get("protocols")));
    assertEquals(List.of(JSON), texts(summary.get("contentTypes")));
    assertRecordsRoundTripped(summary);
  }

  @Test
  void defaultClientSpeaksH2ToTheTlsPortTrustingTheServersCertificate() throws Exception {
    // NODE_EXTRA_CA_CERTS adds the server's self-signed certificate to Node's trusted roots, so
    // the client verifies the certificate as it would any other.
    JsonNode summary = roundTrip(server.tlsEndpoint(), "default",
        Map.of("NODE_EXTRA_CA_CERTS", server.certificate().toString()));

    assertEquals(List.of("HTTP/2 (h2)"), texts(summary.get("protocols")));
    assertEquals(Set.of(JSON, EVENT_STREAM), Set.copyOf(texts(summary.get("contentTypes"))));
    assertRecordsRoundTripped(summary);
    assertEquals(byIdentity(summary.get("records")), byIdentity(summary.get("subscribed")),
        "SubscribeToShard delivered the records GetRecords read");
  }

  private static JsonNode roundTrip(URI endpoint, String handler, Map<String, String> environment) throws Exception {
    String streamName = "js-" + handler + "-" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, String> env = new HashMap<>(environment);
    // The SDK's own warning about future Node.js versions is not this test's business.
    env.put("NODE_NO_WARNINGS", "1");
    ExternalCommand result = node.run("kinesis-round-trip.mjs",
        List.of(endpoint.toString(), handler, streamName, String.valueOf(RECORD_COUNT)),
        env, Duration.ofSeconds(60));
    assertEquals(0, result.exitCode(), result.describe() + "\n" + server.output());
    return new ObjectMapper().readTree(result.stdout());
  }

  /**
   * Every record put came back once, from the shard PutRecord(s) named, with its sequence
   * number, partition key and every byte of its data.
   */
  private static void assertRecordsRoundTripped(JsonNode summary) {
    assertEquals(List.of("shardId-000000000000", "shardId-000000000001"), texts(summary.get("shardIds")));
    Map<String, JsonNode> read = byIdentity(summary.get("records"));
    assertEquals(RECORD_COUNT, summary.get("records").size(), "records read");
    assertEquals(RECORD_COUNT, read.size(), "distinct records read");
    JsonNode put = summary.get("put");
    assertEquals(RECORD_COUNT, put.size(), "records put");
    for (JsonNode sent : put) {
      int index = sent.get("index").asInt();
      JsonNode record = read.get(sent.get("shardId").asText() + "/" + sent.get("sequenceNumber").asText());
      assertNotNull(record, "record " + index + " put as " + sent + " was not read back");
      assertEquals("pk-" + index, record.get("partitionKey").asText());
      assertArrayEquals(payload(index), Base64.getDecoder().decode(record.get("data").asText()),
          "data of record " + index);
    }
  }

  /** The data of record {@code i}, as {@code payload(i)} in kinesis-round-trip.mjs makes it. */
  private static byte[] payload(int i) {
    if (i == 0) {
      byte[] everyByte = new byte[256];
      for (int j = 0; j < everyByte.length; j++) {
        everyByte[j] = (byte) j;
      }
      return everyByte;
    }
    int length = i == 1 ? 100 * 1024 : 1 + (i * 131) % 2000;
    byte[] data = new byte[length];
    for (int j = 0; j < length; j++) {
      data[j] = (byte) (i * 31 + j * 7);
    }
    return data;
  }

  /** Records keyed by {@code shardId/sequenceNumber}. */
  private static Map<String, JsonNode> byIdentity(JsonNode records) {
    Map<String, JsonNode> byIdentity = new HashMap<>();
    for (JsonNode record : records) {
      byIdentity.put(record.get("shardId").asText() + "/" + record.get("sequenceNumber").asText(), record);
    }
    return byIdentity;
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(element -> texts.add(element.asText()));
    return texts;
  }
}
