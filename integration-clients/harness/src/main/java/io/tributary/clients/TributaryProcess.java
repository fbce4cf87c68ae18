package io.tributary.clients;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code tributary serve} process started from the shaded jar, as a user would run it, with a
 * plain and a TLS port both chosen by the system ({@code --port 0 --tls-port 0}).
 *
 * <p>It prints {@code Tributary listening on http://HOST:PORT} and then {@code Tributary listening
 * on https://HOST:PORT} once ready; those are {@link #endpoint()} and {@link #tlsEndpoint()}. The
 * TLS port presents the self-signed certificate the server makes for localhost and 127.0.0.1 in
 * {@code DATA_DIR/tls} ({@link #certificate()}). Streams are created and resharded in 50 ms.
 *
 * <p>Confined to the test thread.
 */
public final class TributaryProcess implements AutoCloseable {
  private static final Pattern PLAIN = Pattern.compile("Tributary listening on (http://\\S+)");
  private static final Pattern TLS = Pattern.compile("Tributary listening on (https://\\S+)");
  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

  private final ChildProcess process;
  private final URI endpoint;
  private final URI tlsEndpoint;
  private final Path certificate;

  private TributaryProcess(ChildProcess process, URI endpoint, URI tlsEndpoint, Path certificate) {
    this.process = process;
    this.endpoint = endpoint;
    this.tlsEndpoint = tlsEndpoint;
    this.certificate = certificate;
  }

  /** Starts a server on {@code dataDir} and waits until both its ports listen. */
  public static TributaryProcess start(Path dataDir) {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-XX:+UseSerialGC", "-jar", jar().toString(),
        "serve", "--port", "0", "--tls-port", "0", "--data-dir", dataDir.toString(),
        "--create-stream-delay-ms", "50", "--delete-stream-delay-ms", "50"));
    ChildProcess.Started started = ChildProcess.start("tributary", command, TLS, START_TIMEOUT);
    URI tlsEndpoint = URI.create(started.readyLine().group(1));
    URI endpoint = started.process().stdoutLines().stream()
        .map(PLAIN::matcher)
        .filter(Matcher::matches)
        .map(m -> URI.create(m.group(1)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no plain endpoint was printed\n" + started.process().output()));
    return new TributaryProcess(started.process(), endpoint, tlsEndpoint, dataDir.resolve("tls/certificate.pem"));
  }

  /** The plain port, HTTP/1.1 and h2c: for example {@code http://127.0.0.1:40123}. */
  public URI endpoint() {
    return endpoint;
  }

  /** The TLS port, HTTP/1.1 and h2: for example {@code https://127.0.0.1:40124}. */
  public URI tlsEndpoint() {
    return tlsEndpoint;
  }

  /** The PEM certificate the TLS port presents, self-signed for localhost and 127.0.0.1. */
  public Path certificate() {
    return certificate;
  }

  /** What the server printed so far, for assertion messages. */
  public String output() {
    return process.output();
  }

  /** Kills the server. Safe to call more than once. */
  @Override
  public void close() {
    process.close();
  }

  private static Path jar() {
    String property = System.getProperty("tributary.jar");
    if (property == null) {
      throw new IllegalStateException("system property tributary.jar is not set; run the tests with Maven");
    }
    Path jar = Path.of(property).normalize();
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " does not exist; build it first: ./mvnw -pl broker-cli -am package");
    }
    return jar;
  }
}
