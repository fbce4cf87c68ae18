package io.tributary.clients;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A program run to completion, its output captured in files, as the node scripts, the AWS CLI,
 * python3 and short-lived {@code tributary} commands are.
 *
 * @param exitCode the process's exit code
 * @param stdout everything it wrote to standard output
 * @param stderr everything it wrote to standard error
 */
public record ExternalCommand(List<String> command, int exitCode, String stdout, String stderr) {

  /**
   * Runs {@code command} and waits for it; kills it and fails if it runs past {@code timeout}.
   *
   * @param environment added to (or, for a null value, removed from) this JVM's environment
   */
  public static ExternalCommand run(List<String> command, Map<String, String> environment, Duration timeout) {
    try {
      Path out = Files.createTempFile("command", ".out");
      Path err = Files.createTempFile("command", ".err");
      try {
        ProcessBuilder builder = new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        environment.forEach((name, value) -> {
          if (value == null) {
            builder.environment().remove(name);
          } else {
            builder.environment().put(name, value);
          }
        });
        Process process = builder.start();
        try {
          if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout
                + "\nstdout:\n" + Files.readString(out) + "\nstderr:\n" + Files.readString(err));
          }
        } catch (InterruptedException e) {
          process.destroyForcibly();
          Thread.currentThread().interrupt();
          throw new AssertionError("interrupted", e);
        }
        return new ExternalCommand(command, process.exitValue(),
            Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command, e);
    }
  }

  /** Whether {@code probe} runs at all and exits 0 (for example {@code aws --version}). */
  public static boolean works(List<String> probe) {
    try {
      return run(probe, Map.of(), Duration.ofSeconds(60)).exitCode() == 0;
    } catch (UncheckedIOException e) {
      return false;
    }
  }

  /** The command, its exit code and its output, for assertion messages. */
  public String describe() {
    return String.join(" ", command) + "\nexit code " + exitCode + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr;
  }
}
