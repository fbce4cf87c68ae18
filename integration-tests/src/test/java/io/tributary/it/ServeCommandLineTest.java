package io.tributary.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.clients.ExternalCommand;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

/** The {@code tributary} command as a process: what it prints, how it stops, how it fails. */
class ServeCommandLineTest {
  @TempDir Path dataDir;

  @Test
  void serverPrintsOnlyTheListeningLineToStandardOutput() {
    try (TributaryProcess server = TributaryProcess.start(dataDir)) {
      List<String> stdout = server.stdoutLines();

      assertEquals(List.of("Tributary listening on " + server.endpoint()), stdout);
      assertEquals("127.0.0.1", server.endpoint().getHost());
      assertNotEquals(0, server.endpoint().getPort());
    }
  }

  @Test
  void sigtermStopsWithExitCodeZeroAndKeepsTheStreams() {
    try (TributaryProcess server = TributaryProcess.start(dataDir)) {
      String name;
      try (KinesisSdk sdk = WireEncoding.CBOR.connect(server.endpoint())) {
        name = sdk.newStreamName("kept");
        sdk.createActiveStream(name, 1);
      }

      assertEquals(0, server.stop(), server.output());
      server.restart();

      try (KinesisSdk sdk = WireEncoding.CBOR.connect(server.endpoint())) {
        assertEquals(StreamStatus.ACTIVE, sdk.client().describeStreamSummary(b -> b.streamName(name))
            .streamDescriptionSummary().streamStatus());
      }
    }
  }

  @Test
  void portInUseFailsWithOneErrorLineAndExitCodeOne() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      String port = Integer.toString(taken.getLocalPort());

      ExternalCommand result = TributaryProcess.runToExit("serve", "--port", port, "--data-dir", dataDir.toString());

      assertEquals(1, result.exitCode(), result.describe());
      assertOneErrorLine(result, "tributary: cannot listen on 127.0.0.1:" + port + ": ");
    }
  }

  @Test
  void dataDirectoryThatIsAFileFailsWithOneErrorLineAndExitCodeOne() throws IOException {
    Path file = Files.writeString(dataDir.resolve("not-a-directory"), "x");

    ExternalCommand result = TributaryProcess.runToExit("serve", "--port", "0", "--data-dir", file.toString());

    assertEquals(1, result.exitCode(), result.describe());
    assertOneErrorLine(result, "tributary: Cannot open the data directory " + file + ": ");
  }

  @Test
  void secondServerOnTheSameDataDirectoryFailsWithExitCodeOne() {
    try (TributaryProcess first = TributaryProcess.start(dataDir)) {
      ExternalCommand second = TributaryProcess.runToExit("serve", "--port", "0", "--data-dir", dataDir.toString());
      assertTrue(first.isRunning(), "the first server stopped: " + first.output());

      assertEquals(1, second.exitCode(), second.describe());
      assertOneErrorLine(second, "tributary: Cannot open the data directory " + dataDir + ": ");
      assertTrue(second.stderr().contains("in use by another Tributary broker"), second.describe());
    }
  }

  @Test
  void badFlagIsAUsageErrorWithExitCodeTwo() {
    ExternalCommand result = TributaryProcess.runToExit("serve", "--durability", "sometimes");

    assertEquals(2, result.exitCode(), result.describe());
    assertTrue(result.stderr().contains("--durability"), result.describe());
    assertEquals("", result.stdout());
  }

  @Test
  void versionNamesTheProject() {
    ExternalCommand result = TributaryProcess.runToExit("--version");

    assertEquals(0, result.exitCode(), result.describe());
    assertTrue(result.stdout().startsWith("tributary 0.1.0"), result.describe());
  }

  /** Standard error holds exactly one line, starting with {@code prefix}: no log, no stack trace. */
  private static void assertOneErrorLine(ExternalCommand result, String prefix) {
    List<String> lines = result.stderr().lines().toList();
    assertEquals(1, lines.size(), result.describe());
    assertTrue(lines.get(0).startsWith(prefix), result.describe());
    assertFalse(result.stdout().contains("listening"), result.describe());
  }
}
