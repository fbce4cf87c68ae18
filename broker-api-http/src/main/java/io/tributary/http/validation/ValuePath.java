package io.tributary.http.validation;

/**
 * Where a value sits in a request, rendered as AWS names it in validation messages: members
 * lower-camel-cased and joined by dots, list elements numbered from 1 and followed by
 * {@code member} ({@code records.1.member.partitionKey}; kinesalite validations/index.js line 189,
 * and AWS's own {@code at 'records.1.member.data'}). Paths are built while walking a request and
 * rendered only when a message needs one. Immutable; thread-safe.
 */
abstract sealed class ValuePath {
  static final ValuePath ROOT = new Root();

  private ValuePath() {}

  /** The path of member {@code pathName} (already lower-camel-cased) of the value here. */
  final ValuePath member(String pathName) {
    return new MemberPath(this, pathName);
  }

  /** The path of the list element numbered {@code number}, counting from 1. */
  final ValuePath element(int number) {
    return new ElementPath(this, number);
  }

  abstract void render(StringBuilder into);

  @Override
  public final String toString() {
    StringBuilder rendered = new StringBuilder();
    render(rendered);
    return rendered.toString();
  }

  private static final class Root extends ValuePath {
    @Override
    void render(StringBuilder into) {}
  }

  private static final class MemberPath extends ValuePath {
    private final ValuePath parent;
    private final String name;

    MemberPath(ValuePath parent, String name) {
      this.parent = parent;
      this.name = name;
    }

    @Override
    void render(StringBuilder into) {
      parent.render(into);
      if (parent != ROOT) {
        into.append('.');
      }
      into.append(name);
    }
  }

  private static final class ElementPath extends ValuePath {
    private final ValuePath parent;
    private final int number;

    ElementPath(ValuePath parent, int number) {
      this.parent = parent;
      this.number = number;
    }

    @Override
    void render(StringBuilder into) {
      parent.render(into);
      into.append('.').append(number).append(".member");
    }
  }
}
