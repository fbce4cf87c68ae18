package io.tributary.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.clients.ExternalCommand;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code broker-cli/bin/tributary}, the launcher users run: what it starts and what it prints. */
class LauncherTest {
  @TempDir Path dir;

  @Test
  void serveRunsTheBrokerInPlaceOfTheScriptSoSigtermStopsItWithExitCodeZero() throws Exception {
    ProcessBuilder builder = new ProcessBuilder(
        launcher().toString(), "serve", "--port", "0", "--data-dir", dir.resolve("data").toString())
        .redirectError(dir.resolve("stderr").toFile());
    builder.environment().put("TRIBUTARY_CACHE_DIR", dir.resolve("cache").toString());
    Process process = builder.start();
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line = out.readLine();
      assertTrue(line != null && line.startsWith("Tributary listening on http://"),
          line + "\n" + Files.readString(dir.resolve("stderr")));
      URI endpoint = URI.create(line.substring("Tributary listening on ".length()));

      // exec: the launched process is the JVM itself, with the launcher's flags
      String command = process.info().command().orElse("");
      assertTrue(command.endsWith("/java"), command);
      List<String> arguments = List.of(process.info().arguments().orElse(new String[0]));
      assertTrue(arguments.containsAll(defaultHeapOptions()), arguments.toString());
      if (Files.exists(archive())) {
        assertTrue(arguments.contains("-XX:SharedArchiveFile=" + archive()), arguments.toString());
      }
      try (KinesisSdk sdk = WireEncoding.JSON.connect(endpoint)) {
        assertTrue(sdk.client().listStreams().streamNames().isEmpty());
      }

      process.destroy();
      assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the broker did not stop after SIGTERM");
      assertEquals(0, process.exitValue(), Files.readString(dir.resolve("stderr")));
    } finally {
      process.destroyForcibly();
    }
  }

  @Test
  void anArchiveFromAnotherBuildOfTheJarIsIgnoredSilently() throws IOException {
    Path jar = Files.copy(jar(), dir.resolve("tributary.jar")); // a new modification time
    Files.write(dir.resolve("tributary.jsa"), archiveOrAnyBytes());

    ExternalCommand result = runLauncher(jar, "--version");

    assertVersionAndNothingElse(result);
  }

  @Test
  void anArchiveThatIsNotAnArchiveIsIgnoredSilently() throws IOException {
    Path jar = Files.copy(jar(), dir.resolve("tributary.jar"), StandardCopyOption.COPY_ATTRIBUTES);
    Files.writeString(dir.resolve("tributary.jsa"), "not a class-data-sharing archive");

    ExternalCommand result = runLauncher(jar, "--version");

    assertVersionAndNothingElse(result);
  }

  @Test
  void aMissingJarIsOneErrorLine() {
    ExternalCommand result = runLauncher(dir.resolve("missing.jar"), "--version");

    assertEquals(1, result.exitCode(), result.describe());
    assertEquals(1, result.stderr().lines().count(), result.describe());
    assertTrue(result.stderr().startsWith("tributary: no jar at "), result.describe());
  }

  private static void assertVersionAndNothingElse(ExternalCommand result) {
    assertEquals(0, result.exitCode(), result.describe());
    assertEquals("", result.stderr(), result.describe());
    List<String> lines = result.stdout().lines().toList();
    assertEquals(2, lines.size(), result.describe());
    assertTrue(lines.get(0).startsWith("tributary 0."), result.describe());
  }

  private static ExternalCommand runLauncher(Path jar, String... args) {
    List<String> command = new java.util.ArrayList<>(List.of(launcher().toString()));
    command.addAll(List.of(args));
    return ExternalCommand.run(command, Map.of("TRIBUTARY_JAR", jar.toString()), Duration.ofSeconds(60));
  }

  /** The words of TRIBUTARY_DEFAULT_HEAP_OPTS="..." in the launcher, whatever they are today. */
  private static List<String> defaultHeapOptions() throws IOException {
    Matcher matcher = Pattern.compile("(?m)^TRIBUTARY_DEFAULT_HEAP_OPTS=\"([^\"]*)\"$")
        .matcher(Files.readString(launcher()));
    assertTrue(matcher.find(), "no TRIBUTARY_DEFAULT_HEAP_OPTS line in " + launcher());
    return List.of(matcher.group(1).trim().split("\\s+"));
  }

  private static byte[] archiveOrAnyBytes() throws IOException {
    return Files.exists(archive()) ? Files.readAllBytes(archive()) : new byte[] {1, 2, 3};
  }

  private static Path archive() {
    String jar = jar().toAbsolutePath().normalize().toString();
    return Path.of(jar.substring(0, jar.length() - ".jar".length()) + ".jsa");
  }

  private static Path jar() {
    return Path.of(System.getProperty("tributary.jar"));
  }

  private static Path launcher() {
    return Path.of(System.getProperty("tributary.launcher"));
  }
}
