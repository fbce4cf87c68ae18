package io.tributary.http;

import io.tributary.core.InMemoryStreamStore;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tributary.core.Broker;
import io.tributary.core.BrokerConfig;
import io.tributary.http.KinesisHttpServer.HttpServerConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.StringJoiner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Record size limits end to end: the validator lets any record up to the model's 10 MiB through,
 * and the stream's own {@code MaxRecordSizeInKiB}, enforced by PutRecord and PutRecords, decides,
 * in the words AWS uses for a default stream.
 */
class RecordSizeOverHttpTest {
  private static final int ONE_MIB = 1024 * 1024;

  private KinesisHttpServer server;
  private KinesisJsonClient client;

  @BeforeEach
  void start() {
    Broker broker = new Broker(new InMemoryStreamStore(Clock.systemUTC()),
        BrokerConfig.defaults().withStreamDelays(Duration.ZERO, Duration.ZERO), Clock.systemUTC());
    server = KinesisHttpServer.start(HttpServerConfig.defaults("127.0.0.1", 0), broker);
    client = new KinesisJsonClient(server.port(), "AKID", "us-west-2");
    client.ok("CreateStream", "{\"StreamName\":\"orders\",\"ShardCount\":1}");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static String data(int bytes) {
    return Base64.getEncoder().encodeToString(new byte[bytes]);
  }

  private KinesisJsonClient.Answer putRecord(int dataBytes) {
    return client.call("PutRecord",
        "{\"StreamName\":\"orders\",\"PartitionKey\":\"pk\",\"Data\":\"" + data(dataBytes) + "\"}");
  }

  @Test
  void recordOneByteOverOneMebibyteOnADefaultStreamGetsAwsMessage() {
    KinesisJsonClient.Answer answer = putRecord(ONE_MIB + 1);
    assertEquals(400, answer.status());
    assertEquals("ValidationException", answer.errorType());
    assertEquals("1 validation error detected: Value 'java.nio.HeapByteBuffer[pos=0 lim=1048577 cap=1048577]' at "
        + "'data' failed to satisfy constraint: Member must have length less than or equal to 1048576",
        answer.message());
  }

  @Test
  void oversizedRecordInPutRecordsIsNamedByItsPosition() {
    KinesisJsonClient.Answer answer = client.call("PutRecords", "{\"StreamName\":\"orders\",\"Records\":["
        + "{\"PartitionKey\":\"pk\",\"Data\":\"\"},{\"PartitionKey\":\"pk\",\"Data\":\"" + data(ONE_MIB + 1) + "\"}]}");
    assertEquals(400, answer.status());
    assertEquals("ValidationException", answer.errorType());
    assertEquals("1 validation error detected: Value 'java.nio.HeapByteBuffer[pos=0 lim=1048577 cap=1048577]' at "
        + "'records.2.member.data' failed to satisfy constraint: Member must have length less than or equal to "
        + "1048576", answer.message());
  }

  @Test
  void streamRaisedTo2048KiBAcceptsARecordOfOneAndAHalfMebibytes() {
    String arn = client.ok("DescribeStreamSummary", "{\"StreamName\":\"orders\"}")
        .get("StreamDescriptionSummary").get("StreamARN").textValue();
    client.ok("UpdateMaxRecordSize", "{\"StreamARN\":\"" + arn + "\",\"MaxRecordSizeInKiB\":2048}");
    assertEquals(2048, client.ok("DescribeStreamSummary", "{\"StreamName\":\"orders\"}")
        .get("StreamDescriptionSummary").get("MaxRecordSizeInKiB").intValue());

    KinesisJsonClient.Answer put = putRecord(ONE_MIB + ONE_MIB / 2);
    assertEquals(200, put.status(), put.body()::toString);

    String iterator = client.ok("GetShardIterator", "{\"StreamName\":\"orders\",\"ShardId\":\"shardId-000000000000\","
        + "\"ShardIteratorType\":\"TRIM_HORIZON\"}").get("ShardIterator").textValue();
    String read = client.ok("GetRecords", "{\"ShardIterator\":\"" + iterator + "\"}")
        .get("Records").get(0).get("Data").textValue();
    assertEquals(ONE_MIB + ONE_MIB / 2, Base64.getDecoder().decode(read).length);
  }

  @Test
  void putRecordsOverTenMebibytesIsRefusedWithCoresMessage() {
    StringJoiner records = new StringJoiner(",", "[", "]");
    String record = "{\"PartitionKey\":\"pk\",\"Data\":\"" + data(ONE_MIB - 2) + "\"}";
    for (int i = 0; i < 11; i++) {
      records.add(record);
    }
    KinesisJsonClient.Answer answer =
        client.call("PutRecords", "{\"StreamName\":\"orders\",\"Records\":" + records + "}");
    assertEquals(400, answer.status());
    assertEquals("InvalidArgumentException", answer.errorType());
    assertEquals("Records size exceeds 10 MB limit", answer.message());
  }
}
