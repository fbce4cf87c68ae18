package io.tributary.core.model;

import java.util.Objects;
import java.util.regex.Pattern;

/** A stream's name: 1 to 128 characters of {@code [a-zA-Z0-9_.-]}, unique per account and region. */
public record StreamName(String value) implements Comparable<StreamName> {
  private static final Pattern VALID = Pattern.compile("[a-zA-Z0-9_.-]{1,128}");

  public StreamName {
    Objects.requireNonNull(value, "value");
    if (!VALID.matcher(value).matches()) {
      throw new IllegalArgumentException("not a valid stream name: " + value);
    }
  }

  public static boolean isValid(String value) {
    return value != null && VALID.matcher(value).matches();
  }

  @Override
  public int compareTo(StreamName other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
