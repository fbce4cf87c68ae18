package io.tributary.core.model;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An enhanced fan-out consumer's name: 1 to 128 characters of {@code [a-zA-Z0-9_.-]}, unique
 * within its stream (consumers of different streams may share a name).
 */
public record ConsumerName(String value) implements Comparable<ConsumerName> {
  private static final Pattern VALID = Pattern.compile("[a-zA-Z0-9_.-]{1,128}");

  public ConsumerName {
    Objects.requireNonNull(value, "value");
    if (!VALID.matcher(value).matches()) {
      throw new IllegalArgumentException("not a valid consumer name: " + value);
    }
  }

  public static boolean isValid(String value) {
    return value != null && VALID.matcher(value).matches();
  }

  @Override
  public int compareTo(ConsumerName other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
