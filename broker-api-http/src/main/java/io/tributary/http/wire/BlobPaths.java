package io.tributary.http.wire;

import com.fasterxml.jackson.core.JsonStreamContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where an operation's request carries blobs: each path a list of member names from the body's
 * root, with {@value #ELEMENT} standing for any element of a list. PutRecords has one, {@code
 * Records / [] / Data}; PutRecord has {@code Data}. Built from the model by the validator, used by
 * {@link WireCodec} to decode JSON blobs while parsing.
 *
 * <p>Immutable; thread-safe.
 */
public final class BlobPaths {
  /** The path segment for an element of a list. */
  public static final String ELEMENT = "[]";

  /** No blobs: every string is read as a string. */
  public static final BlobPaths NONE = new BlobPaths(List.of());

  private final List<List<String>> paths;

  private BlobPaths(List<List<String>> paths) {
    this.paths = paths;
  }

  /** @param paths each a list of member names and {@value #ELEMENT}s from the root */
  public static BlobPaths of(List<List<String>> paths) {
    List<List<String>> copy = new ArrayList<>(paths.size());
    for (List<String> path : paths) {
      if (path.isEmpty()) {
        throw new IllegalArgumentException("a blob path names at least one member");
      }
      copy.add(List.copyOf(path));
    }
    return new BlobPaths(List.copyOf(copy));
  }

  public boolean isEmpty() {
    return paths.isEmpty();
  }

  /**
   * Whether the value the parser is at sits on one of the paths: {@code context} is the parser's
   * context at that value (an object's, whose current name is the member, or a list's).
   */
  boolean contains(JsonStreamContext context) {
    for (List<String> path : paths) {
      if (matches(path, context)) {
        return true;
      }
    }
    return false;
  }

  private static boolean matches(List<String> path, JsonStreamContext context) {
    JsonStreamContext at = context;
    for (int i = path.size() - 1; i >= 0; i--) {
      if (at == null || at.inRoot()) {
        return false;
      }
      String segment = path.get(i);
      boolean matched = segment.equals(ELEMENT) ? at.inArray() : at.inObject() && segment.equals(at.getCurrentName());
      if (!matched) {
        return false;
      }
      at = at.getParent();
    }
    return at != null && at.inRoot();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof BlobPaths that && paths.equals(that.paths);
  }

  @Override
  public int hashCode() {
    return Objects.hash(paths);
  }

  @Override
  public String toString() {
    return "BlobPaths" + paths;
  }
}
