package io.tributary.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.clients.ExternalCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AWS CLI ({@code aws kinesis ... --endpoint-url}) against a real server, as the README's
 * quick start uses it. Skipped, saying why, when {@code aws} is not installed.
 *
 * <p>The CLI speaks JSON 1.1. Version 1 takes {@code --data} as text and sends its UTF-8 bytes
 * (base64-encoded on the wire); get-records prints {@code Data} base64-encoded.
 */
class AwsCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dataDir;
  @TempDir static Path awsHome;
  private static TributaryProcess server;

  @BeforeAll
  static void startServer() {
    boolean installed = ExternalCommand.works(List.of("aws", "--version"));
    if (!installed) {
      System.out.println("AwsCliTest skipped: the aws command is not installed");
    }
    assumeTrue(installed, "the aws command (AWS CLI) is not installed");
    server = TributaryProcess.start(dataDir);
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void createPutAndGetRecordsRoundTrip() {
    String name = "aws-cli-round-trip";
    aws("kinesis", "create-stream", "--stream-name", name, "--shard-count", "4");
    aws("kinesis", "wait", "stream-exists", "--stream-name", name);

    JsonNode summary = aws("kinesis", "describe-stream-summary", "--stream-name", name).get("StreamDescriptionSummary");
    JsonNode put = aws("kinesis", "put-record", "--stream-name", name, "--partition-key", "pk-1",
        "--data", "hello from the aws cli");
    String shardId = put.get("ShardId").asText();
    JsonNode putMany = aws("kinesis", "put-records", "--stream-name", name, "--records",
        "[{\"Data\":\"second\",\"PartitionKey\":\"pk-1\"},{\"Data\":\"third\",\"PartitionKey\":\"pk-1\"}]");
    String iterator = aws("kinesis", "get-shard-iterator", "--stream-name", name, "--shard-id", shardId,
        "--shard-iterator-type", "TRIM_HORIZON").get("ShardIterator").asText();
    JsonNode records = aws("kinesis", "get-records", "--shard-iterator", iterator).get("Records");

    assertEquals("ACTIVE", summary.get("StreamStatus").asText());
    assertEquals(4, summary.get("OpenShardCount").asInt());
    assertEquals(0, putMany.get("FailedRecordCount").asInt());
    assertEquals(3, records.size(), records.toString());
    List<String> texts = new ArrayList<>();
    for (JsonNode record : records) {
      texts.add(new String(Base64.getDecoder().decode(record.get("Data").asText()), StandardCharsets.UTF_8));
      assertEquals("pk-1", record.get("PartitionKey").asText());
    }
    assertEquals(List.of("hello from the aws cli", "second", "third"), texts);
    assertEquals(put.get("SequenceNumber").asText(), records.get(0).get("SequenceNumber").asText());
    assertEquals(putMany.get("Records").get(1).get("SequenceNumber").asText(),
        records.get(2).get("SequenceNumber").asText());
  }

  @Test
  void listStreamsAndListShardsShowTheStream() {
    String name = "aws-cli-listed";
    aws("kinesis", "create-stream", "--stream-name", name, "--shard-count", "2");
    aws("kinesis", "wait", "stream-exists", "--stream-name", name);

    JsonNode streams = aws("kinesis", "list-streams").get("StreamNames");
    JsonNode shards = aws("kinesis", "list-shards", "--stream-name", name).get("Shards");

    assertTrue(streams.toString().contains("\"" + name + "\""), streams.toString());
    assertEquals(2, shards.size());
    assertEquals("shardId-000000000001", shards.get(1).get("ShardId").asText());
  }

  @Test
  void missingStreamFailsWithResourceNotFound() {
    ExternalCommand result = run("kinesis", "describe-stream", "--stream-name", "aws-cli-never-created");

    assertNotEquals(0, result.exitCode(), result.describe());
    assertTrue(result.stderr().contains("ResourceNotFoundException"), result.describe());
    assertTrue(result.stderr().contains("Stream aws-cli-never-created under account 000000000000 not found."),
        result.describe());
  }

  /** Runs an aws command that must succeed and returns its JSON output (null if it printed none). */
  private static JsonNode aws(String... args) {
    ExternalCommand result = run(args);
    assertEquals(0, result.exitCode(), result.describe());
    try {
      return result.stdout().isBlank() ? null : JSON.readTree(result.stdout());
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + result.describe(), e);
    }
  }

  private static ExternalCommand run(String... args) {
    List<String> command = new ArrayList<>(List.of("aws"));
    command.addAll(List.of(args));
    command.addAll(List.of("--endpoint-url", server.endpoint().toString(), "--region", "us-east-1", "--output", "json"));
    return ExternalCommand.run(command, awsEnvironment(awsHome), Duration.ofSeconds(60));
  }

  /**
   * Fake credentials, and nothing from the user's own AWS configuration: no profile, no config
   * file, no proxy, no pager.
   */
  static Map<String, String> awsEnvironment(Path home) {
    Map<String, String> environment = new HashMap<>();
    environment.put("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE");
    environment.put("AWS_SECRET_ACCESS_KEY", "tributary-fake-secret");
    environment.put("AWS_CONFIG_FILE", home.resolve("config").toString());
    environment.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("credentials").toString());
    environment.put("AWS_PAGER", "");
    environment.put("NO_PROXY", "127.0.0.1,localhost");
    for (String name : List.of("AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_SESSION_TOKEN", "AWS_DEFAULT_REGION",
        "AWS_REGION", "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_KINESIS", "HTTP_PROXY", "HTTPS_PROXY", "http_proxy",
        "https_proxy")) {
      environment.put(name, null);
    }
    return environment;
  }
}
