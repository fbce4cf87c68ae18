package io.tributary.http;

import io.tributary.core.InMemoryStreamStore;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.core.Broker;
import io.tributary.core.BrokerConfig;
import io.tributary.http.KinesisHttpServer.HttpServerConfig;
import io.tributary.http.tls.TlsConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.ProtocolNegotiation;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordResponse;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

/**
 * Every official client setting on a real socket: the async SDK's HTTP/2 (prior knowledge on the
 * plain port; with and without ALPN on the TLS port) and the sync SDK's HTTP/1.1, on both ports.
 */
class TransportProtocolsTest {
  @TempDir
  Path dataDirectory;

  private KinesisHttpServer server;

  @BeforeEach
  void start() {
    Broker broker = new Broker(new InMemoryStreamStore(Clock.systemUTC()),
        BrokerConfig.defaults().withStreamDelays(Duration.ZERO, Duration.ZERO), Clock.systemUTC());
    server = KinesisHttpServer.start(new HttpServerConfig("127.0.0.1", 0, 1 << 20, 4)
        .withTls(TlsConfig.selfSigned(0, dataDirectory.resolve("tls"))), broker);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void asyncClientWithDefaultSettingsSpeaksHttp2WithPriorKnowledgeOnThePlainPort() throws Exception {
    try (KinesisAsyncClient kinesis = SdkClients.asyncDefaults(server.port())) {
      createPutGet(kinesis, "plain-h2");
    }
  }

  @Test
  void asyncClientSpeaksHttp2OverTlsWithoutAlpn() throws Exception {
    try (KinesisAsyncClient kinesis = SdkClients.asyncTls(server.tlsPort().orElseThrow(),
        ProtocolNegotiation.ASSUME_PROTOCOL)) {
      createPutGet(kinesis, "tls-h2-assumed");
    }
  }

  @Test
  void asyncClientSpeaksHttp2OverTlsNegotiatedByAlpn() throws Exception {
    try (KinesisAsyncClient kinesis = SdkClients.asyncTls(server.tlsPort().orElseThrow(), ProtocolNegotiation.ALPN)) {
      createPutGet(kinesis, "tls-h2-alpn");
    }
  }

  @Test
  void syncApacheClientSpeaksHttp1OnThePlainPort() {
    try (KinesisClient kinesis = SdkClients.syncApache("http", server.port())) {
      createPutGet(kinesis, "plain-h1");
    }
  }

  @Test
  void syncApacheClientSpeaksHttp1OverTls() {
    try (KinesisClient kinesis = SdkClients.syncApache("https", server.tlsPort().orElseThrow())) {
      createPutGet(kinesis, "tls-h1");
    }
  }

  @Test
  void selfSignedCertificateIsKeptInTheDataDirectoryAndReusedOnRestart() throws Exception {
    Path certificate = dataDirectory.resolve("tls").resolve("certificate.pem");
    byte[] first = Files.readAllBytes(certificate);
    assertTrue(new String(first, StandardCharsets.US_ASCII).startsWith("-----BEGIN CERTIFICATE-----\n"));
    server.close();
    start();
    assertArrayEquals(first, Files.readAllBytes(certificate));
  }

  private static void createPutGet(KinesisAsyncClient kinesis, String stream) throws Exception {
    kinesis.createStream(r -> r.streamName(stream).shardCount(1)).get();
    assertEquals(StreamStatus.ACTIVE,
        kinesis.describeStreamSummary(r -> r.streamName(stream)).get().streamDescriptionSummary().streamStatus());
    PutRecordResponse put = kinesis.putRecord(r -> r.streamName(stream).partitionKey("pk")
        .data(SdkBytes.fromUtf8String("hello " + stream))).get();
    String iterator = kinesis.getShardIterator(r -> r.streamName(stream).shardId(put.shardId())
        .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).get().shardIterator();
    List<Record> records = kinesis.getRecords(r -> r.shardIterator(iterator)).get().records();
    assertEquals(1, records.size());
    assertEquals("hello " + stream, records.get(0).data().asUtf8String());
    assertEquals(put.sequenceNumber(), records.get(0).sequenceNumber());
  }

  private static void createPutGet(KinesisClient kinesis, String stream) {
    kinesis.createStream(r -> r.streamName(stream).shardCount(1));
    PutRecordResponse put = kinesis.putRecord(r -> r.streamName(stream).partitionKey("pk")
        .data(SdkBytes.fromUtf8String("hello " + stream)));
    String iterator = kinesis.getShardIterator(r -> r.streamName(stream).shardId(put.shardId())
        .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
    List<Record> records = kinesis.getRecords(r -> r.shardIterator(iterator)).records();
    assertEquals(1, records.size());
    assertEquals("hello " + stream, records.get(0).data().asUtf8String());
  }
}
