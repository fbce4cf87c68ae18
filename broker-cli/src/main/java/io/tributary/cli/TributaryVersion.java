package io.tributary.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * The lines {@code tributary --version} prints: the project version, filtered into {@code
 * tributary-version.properties} at build time, and the Java runtime it runs on.
 */
final class TributaryVersion implements IVersionProvider {
  private static final String RESOURCE = "/tributary-version.properties";

  @Override
  public String[] getVersion() {
    return new String[] {
      "tributary " + projectVersion(),
      "Java " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ")"
    };
  }

  static String projectVersion() {
    try (InputStream in = TributaryVersion.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
