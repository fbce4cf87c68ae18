package io.tributary.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.clients.ExternalCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * boto3 (the AWS SDK for Python) against a real server: {@code src/test/python/boto3_round_trip.py}
 * asserts as it goes and prints a JSON summary, checked again here. Skipped, saying why, when
 * python3 or boto3 is not installed.
 */
class Boto3Test {
  private static final Path SCRIPT = Path.of("src/test/python/boto3_round_trip.py");

  @TempDir static Path dataDir;
  @TempDir static Path awsHome;
  private static TributaryProcess server;

  @BeforeAll
  static void startServer() {
    boolean installed = ExternalCommand.works(List.of("python3", "-c", "import boto3"));
    if (!installed) {
      System.out.println("Boto3Test skipped: python3 with boto3 is not installed");
    }
    assumeTrue(installed, "python3 with boto3 is not installed");
    server = TributaryProcess.start(dataDir);
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void boto3RoundTripsRecordsAndRaisesTypedErrors() throws Exception {
    assertTrue(Files.isRegularFile(SCRIPT), SCRIPT.toAbsolutePath() + " is missing");

    ExternalCommand result = ExternalCommand.run(
        List.of("python3", SCRIPT.toString(), server.endpoint().toString(), "boto3-round-trip"),
        AwsCliTest.awsEnvironment(awsHome), Duration.ofSeconds(90));

    assertEquals(0, result.exitCode(), result.describe());
    JsonNode summary = new ObjectMapper().readTree(result.stdout());
    assertEquals(4, summary.get("shardIds").size());
    assertEquals(11, summary.get("readCount").asInt());
    byte[] firstData = Base64.getDecoder().decode(summary.get("firstData").asText());
    byte[] everyByte = new byte[256];
    for (int i = 0; i < everyByte.length; i++) {
      everyByte[i] = (byte) i;
    }
    assertArrayEquals(everyByte, firstData);
    double arrivalSeconds = summary.get("arrival").asDouble();
    double nowSeconds = System.currentTimeMillis() / 1000.0;
    assertTrue(Math.abs(nowSeconds - arrivalSeconds) < 60, "arrival " + arrivalSeconds + " vs now " + nowSeconds);
    assertEquals("ResourceNotFoundException", summary.get("missingStreamError").get("Code").asText());
    assertEquals("Stream boto3-round-trip-missing under account 000000000000 not found.",
        summary.get("missingStreamError").get("Message").asText());
    assertEquals("ResourceInUseException", summary.get("existingStreamError").get("Code").asText());
  }
}
