package io.tributary.http;

import io.tributary.core.InMemoryStreamStore;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.core.Broker;
import io.tributary.core.BrokerConfig;
import io.tributary.http.KinesisHttpServer.HttpServerConfig;
import io.tributary.http.auth.AccessKeyAccounts;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two tenants on one server, told apart only by the access key of their SigV4 credential scope:
 * {@code AKIDALICE} maps to account 111111111111 and signs for us-west-2, {@code AKIDBOB} maps to
 * 222222222222 and signs for eu-central-1. Each creates a stream called {@code orders}; neither
 * ever sees the other's streams, records, tags or consumers, and every ARN and error message
 * names the caller's own account and region.
 */
class AccountIsolationOverHttpTest {
  private static final String ALICE_ORDERS = "arn:aws:kinesis:us-west-2:111111111111:stream/orders";
  private static final String BOB_ORDERS = "arn:aws:kinesis:eu-central-1:222222222222:stream/orders";

  private KinesisHttpServer server;
  private KinesisJsonClient alice;
  private KinesisJsonClient bob;

  @BeforeEach
  void start() {
    Broker broker = new Broker(new InMemoryStreamStore(Clock.systemUTC()),
        BrokerConfig.defaults().withStreamDelays(Duration.ZERO, Duration.ZERO), Clock.systemUTC());
    server = KinesisHttpServer.start(HttpServerConfig.defaults("127.0.0.1", 0), broker,
        new AccessKeyAccounts(Map.of("AKIDALICE", "111111111111", "AKIDBOB", "222222222222")));
    alice = new KinesisJsonClient(server.port(), "AKIDALICE", "us-west-2");
    bob = new KinesisJsonClient(server.port(), "AKIDBOB", "eu-central-1");
    alice.ok("CreateStream", "{\"StreamName\":\"orders\",\"ShardCount\":1,\"Tags\":{\"owner\":\"alice\"}}");
    bob.ok("CreateStream", "{\"StreamName\":\"orders\",\"ShardCount\":1,\"Tags\":{\"owner\":\"bob\"}}");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static String arnOf(KinesisJsonClient client) {
    return client.ok("DescribeStreamSummary", "{\"StreamName\":\"orders\"}")
        .get("StreamDescriptionSummary").get("StreamARN").textValue();
  }

  private static List<String> texts(JsonNode array, String member) {
    List<String> values = new ArrayList<>();
    array.forEach(element -> values.add(member.isEmpty() ? element.textValue() : element.get(member).textValue()));
    return values;
  }

  private static void put(KinesisJsonClient client, String text) {
    String data = Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    client.ok("PutRecord", "{\"StreamName\":\"orders\",\"PartitionKey\":\"pk\",\"Data\":\"" + data + "\"}");
  }

  private static List<String> readAll(KinesisJsonClient client) {
    String iterator = client.ok("GetShardIterator", "{\"StreamName\":\"orders\",\"ShardId\":\"shardId-000000000000\","
        + "\"ShardIteratorType\":\"TRIM_HORIZON\"}").get("ShardIterator").textValue();
    List<String> records = new ArrayList<>();
    client.ok("GetRecords", "{\"ShardIterator\":\"" + iterator + "\"}").get("Records").forEach(
        r -> records.add(new String(Base64.getDecoder().decode(r.get("Data").textValue()), StandardCharsets.UTF_8)));
    return records;
  }

  @Test
  void eachAccountsStreamArnNamesItsAccountAndTheRegionOfItsCredentialScope() {
    assertEquals(ALICE_ORDERS, arnOf(alice));
    assertEquals(BOB_ORDERS, arnOf(bob));
  }

  @Test
  void eachAccountListsOnlyItsOwnStreams() {
    alice.ok("CreateStream", "{\"StreamName\":\"alice-only\",\"ShardCount\":1}");
    assertEquals(List.of("alice-only", "orders"), texts(alice.ok("ListStreams", "{}").get("StreamNames"), ""));
    assertEquals(List.of("orders"), texts(bob.ok("ListStreams", "{}").get("StreamNames"), ""));
    assertEquals(List.of(BOB_ORDERS), texts(bob.ok("ListStreams", "{}").get("StreamSummaries"), "StreamARN"));
  }

  @Test
  void anotherAccountsStreamIsNotFoundByNameAndTheMessageNamesTheCallersAccount() {
    alice.ok("CreateStream", "{\"StreamName\":\"alice-only\",\"ShardCount\":1}");
    KinesisJsonClient.Answer answer = bob.call("DescribeStreamSummary", "{\"StreamName\":\"alice-only\"}");
    assertEquals(400, answer.status());
    assertEquals("ResourceNotFoundException", answer.errorType());
    assertEquals("Stream alice-only under account 222222222222 not found.", answer.message());
  }

  @Test
  void sameAccessKeyInAnotherRegionSeesNoStreams() {
    KinesisJsonClient aliceInFrankfurt = new KinesisJsonClient(server.port(), "AKIDALICE", "eu-central-1");
    assertEquals(List.of(), texts(aliceInFrankfurt.ok("ListStreams", "{}").get("StreamNames"), ""));
  }

  @Test
  void eachAccountReadsOnlyItsOwnRecords() {
    put(alice, "from alice");
    put(bob, "from bob");
    assertEquals(List.of("from alice"), readAll(alice));
    assertEquals(List.of("from bob"), readAll(bob));
  }

  @Test
  void eachAccountSeesOnlyItsOwnTags() {
    assertEquals(List.of("alice"), texts(alice.ok("ListTagsForStream", "{\"StreamName\":\"orders\"}")
        .get("Tags"), "Value"));
    assertEquals(List.of("bob"), texts(bob.ok("ListTagsForResource", "{\"ResourceARN\":\"" + BOB_ORDERS + "\"}")
        .get("Tags"), "Value"));
  }

  @Test
  void eachAccountSeesOnlyItsOwnConsumers() {
    JsonNode consumer = alice.ok("RegisterStreamConsumer",
        "{\"StreamARN\":\"" + ALICE_ORDERS + "\",\"ConsumerName\":\"billing\"}").get("Consumer");
    assertTrue(consumer.get("ConsumerARN").textValue().startsWith(ALICE_ORDERS + "/consumer/billing:"),
        consumer::toString);
    assertEquals(List.of("billing"), texts(alice.ok("ListStreamConsumers",
        "{\"StreamARN\":\"" + ALICE_ORDERS + "\"}").get("Consumers"), "ConsumerName"));
    assertEquals(List.of(), texts(bob.ok("ListStreamConsumers",
        "{\"StreamARN\":\"" + BOB_ORDERS + "\"}").get("Consumers"), "ConsumerName"));
    assertEquals(1, alice.ok("DescribeStreamSummary", "{\"StreamName\":\"orders\"}")
        .get("StreamDescriptionSummary").get("ConsumerCount").intValue());
    assertEquals(0, bob.ok("DescribeStreamSummary", "{\"StreamName\":\"orders\"}")
        .get("StreamDescriptionSummary").get("ConsumerCount").intValue());
  }

  @Test
  void missingConsumerMessageNamesTheCallersAccount() {
    KinesisJsonClient.Answer answer = bob.call("DescribeStreamConsumer",
        "{\"StreamARN\":\"" + BOB_ORDERS + "\",\"ConsumerName\":\"billing\"}");
    assertEquals(400, answer.status());
    assertEquals("ResourceNotFoundException", answer.errorType());
    assertTrue(answer.message().contains("222222222222"), answer.message());
  }

  @Test
  void anotherAccountsStreamNamedByArnIsAccessDenied() {
    KinesisJsonClient.Answer describe = bob.call("DescribeStreamSummary", "{\"StreamARN\":\"" + ALICE_ORDERS + "\"}");
    assertEquals(400, describe.status());
    assertEquals("AccessDeniedException", describe.errorType());
    assertEquals("User: arn:aws:iam::222222222222:root is not authorized to perform: kinesis:DescribeStreamSummary "
        + "on resource: " + ALICE_ORDERS + " because no resource-based policy allows the "
        + "kinesis:DescribeStreamSummary action", describe.message());
    assertEquals("AccessDeniedException",
        bob.call("ListTagsForResource", "{\"ResourceARN\":\"" + ALICE_ORDERS + "\"}").errorType());
    assertEquals("AccessDeniedException", bob.call("RegisterStreamConsumer",
        "{\"StreamARN\":\"" + ALICE_ORDERS + "\",\"ConsumerName\":\"spy\"}").errorType());
    assertEquals("AccessDeniedException", bob.call("PutRecord", "{\"StreamARN\":\"" + ALICE_ORDERS + "\","
        + "\"PartitionKey\":\"pk\",\"Data\":\"AA==\"}").errorType());
    assertEquals(List.of(), readAll(alice));
  }
}
