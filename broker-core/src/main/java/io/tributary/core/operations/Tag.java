package io.tributary.core.operations;

import java.util.Objects;

/** One tag of a stream or consumer (the API's {@code Tag}); an unset value reads as empty. */
public record Tag(String key, String value) {
  public Tag {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
  }
}
