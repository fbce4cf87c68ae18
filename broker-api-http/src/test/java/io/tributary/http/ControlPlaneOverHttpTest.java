package io.tributary.http;

import io.tributary.core.InMemoryStreamStore;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.core.Broker;
import io.tributary.core.BrokerConfig;
import io.tributary.http.KinesisHttpServer.HttpServerConfig;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The operations that manage streams rather than carry records, each driven once over a socket
 * in JSON, to prove it is wired to its core operation and answers in the model's shape.
 */
class ControlPlaneOverHttpTest {
  private static final String ARN = "arn:aws:kinesis:us-west-2:000000000000:stream/orders";

  private KinesisHttpServer server;
  private KinesisJsonClient client;

  @BeforeEach
  void start() {
    Broker broker = new Broker(new InMemoryStreamStore(Clock.systemUTC()),
        BrokerConfig.defaults().withStreamDelays(Duration.ZERO, Duration.ZERO), Clock.systemUTC());
    server = KinesisHttpServer.start(new HttpServerConfig("127.0.0.1", 0, 64 * 1024, 2), broker);
    client = new KinesisJsonClient(server.port(), "AKID", "us-west-2");
    client.ok("CreateStream", "{\"StreamName\":\"orders\",\"ShardCount\":2}");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private JsonNode summary() {
    return client.ok("DescribeStreamSummary", "{\"StreamName\":\"orders\"}").get("StreamDescriptionSummary");
  }

  @Test
  void tagsAreAddedListedAndRemoved() {
    assertEquals(0, client.ok("AddTagsToStream", "{\"StreamName\":\"orders\",\"Tags\":{\"a\":\"1\",\"b\":\"2\"}}")
        .size());
    client.ok("TagResource", "{\"ResourceARN\":\"" + ARN + "\",\"Tags\":{\"c\":\"3\"}}");
    client.ok("RemoveTagsFromStream", "{\"StreamName\":\"orders\",\"TagKeys\":[\"a\"]}");
    client.ok("UntagResource", "{\"ResourceARN\":\"" + ARN + "\",\"TagKeys\":[\"b\"]}");
    assertEquals("{\"Tags\":[{\"Key\":\"c\",\"Value\":\"3\"}],\"HasMoreTags\":false}",
        client.ok("ListTagsForStream", "{\"StreamName\":\"orders\"}").toString());
  }

  @Test
  void consumerIsRegisteredDescribedAndDeregistered() {
    String consumerArn = client.ok("RegisterStreamConsumer", "{\"StreamARN\":\"" + ARN + "\",\"ConsumerName\":\"c\"}")
        .get("Consumer").get("ConsumerARN").textValue();
    JsonNode description = client.ok("DescribeStreamConsumer", "{\"ConsumerARN\":\"" + consumerArn + "\"}")
        .get("ConsumerDescription");
    assertEquals(ARN, description.get("StreamARN").textValue());
    assertTrue(description.get("ConsumerCreationTimestamp").isFloatingPointNumber(), description::toString);
    client.ok("DeregisterStreamConsumer", "{\"ConsumerARN\":\"" + consumerArn + "\"}");
  }

  @Test
  void encryptionStartsAndStops() {
    client.ok("StartStreamEncryption",
        "{\"StreamName\":\"orders\",\"EncryptionType\":\"KMS\",\"KeyId\":\"alias/aws/kinesis\"}");
    assertEquals("KMS", summary().get("EncryptionType").textValue());
    assertEquals("alias/aws/kinesis", summary().get("KeyId").textValue());
    client.ok("StopStreamEncryption",
        "{\"StreamName\":\"orders\",\"EncryptionType\":\"KMS\",\"KeyId\":\"alias/aws/kinesis\"}");
    assertEquals("NONE", summary().get("EncryptionType").textValue());
    assertFalse(summary().has("KeyId"));
  }

  @Test
  void enhancedMonitoringIsEnabledAndDisabled() {
    JsonNode enabled = client.ok("EnableEnhancedMonitoring",
        "{\"StreamName\":\"orders\",\"ShardLevelMetrics\":[\"IncomingBytes\"]}");
    assertEquals("{\"StreamName\":\"orders\",\"CurrentShardLevelMetrics\":[],"
        + "\"DesiredShardLevelMetrics\":[\"IncomingBytes\"],\"StreamARN\":\"" + ARN + "\"}", enabled.toString());
    assertEquals("[{\"ShardLevelMetrics\":[\"IncomingBytes\"]}]", summary().get("EnhancedMonitoring").toString());
    client.ok("DisableEnhancedMonitoring", "{\"StreamName\":\"orders\",\"ShardLevelMetrics\":[\"ALL\"]}");
    assertEquals("[{\"ShardLevelMetrics\":[]}]", summary().get("EnhancedMonitoring").toString());
  }

  @Test
  void limitsCountTheAccountsShards() {
    JsonNode limits = client.ok("DescribeLimits", "{}");
    assertEquals(500, limits.get("ShardLimit").intValue());
    assertEquals(2, limits.get("OpenShardCount").intValue());
  }

  @Test
  void warmThroughputNeedsTheBillingCommitmentAndAnOnDemandStream() {
    assertEquals("{\"MinimumThroughputBillingCommitment\":{\"Status\":\"DISABLED\"}}",
        client.ok("DescribeAccountSettings", "{}").toString());
    JsonNode enabled = client.ok("UpdateAccountSettings",
        "{\"MinimumThroughputBillingCommitment\":{\"Status\":\"ENABLED\"}}").get("MinimumThroughputBillingCommitment");
    assertEquals("ENABLED", enabled.get("Status").textValue());
    assertTrue(enabled.get("StartedAt").isFloatingPointNumber(), enabled::toString);
    client.ok("UpdateStreamMode",
        "{\"StreamARN\":\"" + ARN + "\",\"StreamModeDetails\":{\"StreamMode\":\"ON_DEMAND\"}}");
    JsonNode warm = client.ok("UpdateStreamWarmThroughput", "{\"StreamName\":\"orders\",\"WarmThroughputMiBps\":100}");
    assertEquals(ARN, warm.get("StreamARN").textValue());
    assertEquals(100, warm.get("WarmThroughput").get("TargetMiBps").intValue());
    assertEquals("ON_DEMAND", summary().get("StreamModeDetails").get("StreamMode").textValue());
    assertTrue(summary().has("WarmThroughput"), () -> summary().toString());
  }

  @Test
  void resourcePolicyIsPutReadAndDeleted() {
    String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[]}";
    client.ok("PutResourcePolicy",
        "{\"ResourceARN\":\"" + ARN + "\",\"Policy\":\"" + policy.replace("\"", "\\\"") + "\"}");
    assertEquals(policy, client.ok("GetResourcePolicy", "{\"ResourceARN\":\"" + ARN + "\"}").get("Policy").textValue());
    client.ok("DeleteResourcePolicy", "{\"ResourceARN\":\"" + ARN + "\"}");
    KinesisJsonClient.Answer again = client.call("DeleteResourcePolicy", "{\"ResourceARN\":\"" + ARN + "\"}");
    assertEquals("ResourceNotFoundException", again.errorType());
  }

  @Test
  void policyThatIsNotJsonIsAnInvalidArgumentOverTheWire() {
    KinesisJsonClient.Answer answer =
        client.call("PutResourcePolicy", "{\"ResourceARN\":\"" + ARN + "\",\"Policy\":\"allow everyone\"}");
    assertEquals(400, answer.status());
    assertEquals("InvalidArgumentException", answer.errorType());
    assertEquals("Policy is not a valid JSON policy document: it must be one JSON object.", answer.message());
  }
}
