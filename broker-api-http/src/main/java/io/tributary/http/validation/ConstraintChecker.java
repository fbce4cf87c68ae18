package io.tributary.http.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.core.error.KinesisException;
import io.tributary.http.validation.Shape.BlobShape;
import io.tributary.http.validation.Shape.Bounds;
import io.tributary.http.validation.Shape.IntegerShape;
import io.tributary.http.validation.Shape.ListShape;
import io.tributary.http.validation.Shape.MapShape;
import io.tributary.http.validation.Shape.Member;
import io.tributary.http.validation.Shape.StringShape;
import io.tributary.http.validation.Shape.StructureShape;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The second validation phase: the model's constraints, on a request whose types {@link
 * TypeChecker} has accepted. Collects up to {@value #MAX_REPORTED} violations and throws one
 * {@code ValidationException} listing them, worded exactly as AWS words them. Confined to the
 * thread validating one request; create one per request.
 *
 * <p>The message is {@code N validation error(s) detected: } and the violations joined by
 * {@code "; "}, each {@code Value 'v' at 'path' failed to satisfy constraint: Member must ...}
 * (kinesalite validations/index.js lines 182, 208 and 262-268). Members are visited in the order
 * of {@link StructureShape#members()}; within a member the order is: not null; enum, pattern,
 * minimum, maximum; then what the member contains. A list of scalars or a map is checked as a
 * whole against its elements' constraints: one violation naming the list or map, listing every
 * constraint of the element shape, greatest bound first (lines 243-260, and AWS's own messages
 * such as {@code Member must satisfy constraint: [Member must have length less than or equal to
 * 140, Member must have length greater than or equal to 1, Member must satisfy regular expression
 * pattern: ...]}). A list of structures is checked element by element.
 */
final class ConstraintChecker {
  /** AWS lists at most ten violations, and counts only those (line 182). */
  static final int MAX_REPORTED = 10;

  /**
   * How AWS prints a structure inside a list, Java's default {@code toString()} of its request
   * class; the hash is the one kinesalite recorded (validations/putRecords.js line 7).
   */
  private static final String STRUCTURE_CLASS_PREFIX = "com.amazonaws.kinesis.v20131202.";
  private static final String STRUCTURE_HASH = "@c965e310";

  private final List<String> violations = new ArrayList<>(0);

  /** Checks a whole request body, already type-checked, against its input shape. */
  void checkInput(StructureShape input, JsonNode body) {
    checkMembers(input, body, ValuePath.ROOT);
  }

  /** Throws the {@code ValidationException} AWS would send, if anything was violated. */
  void throwIfViolated() {
    if (violations.isEmpty()) {
      return;
    }
    int count = violations.size();
    throw KinesisException.validation(count + " validation error" + (count == 1 ? "" : "s")
        + " detected: " + String.join("; ", violations));
  }

  private void checkMembers(StructureShape shape, JsonNode structure, ValuePath path) {
    for (Member member : shape.members()) {
      if (full()) {
        return;
      }
      JsonNode value = structure.get(member.wireName());
      if (isAbsent(value)) {
        if (member.required()) {
          report(null, path.member(member.pathName()), "Member must not be null");
        }
        continue;
      }
      checkValue(member.shape(), value, path.member(member.pathName()));
    }
  }

  private void checkValue(Shape shape, JsonNode value, ValuePath path) {
    if (shape instanceof StructureShape structure) {
      checkMembers(structure, value, path);
    } else if (shape instanceof ListShape list) {
      checkList(list, value, path);
    } else if (shape instanceof MapShape map) {
      checkMap(map, value, path);
    } else if (shape instanceof StringShape string) {
      checkString(string, value, path);
    } else if (shape instanceof IntegerShape integer) {
      checkBounds(integer, value, integer.value(), IntegerShape.valueOf(value), "value", path);
    } else if (shape instanceof BlobShape blob) {
      checkBounds(blob, value, blob.length(), BlobShape.byteLength(value), "length", path);
    }
  }

  private void checkString(StringShape shape, JsonNode value, ValuePath path) {
    String text = value.textValue();
    if (!shape.allows(text)) {
      report(text, path, enumText(shape));
    }
    if (shape.pattern().isPresent() && !shape.pattern().get().matcher(text).matches()) {
      report(text, path, patternText(shape));
    }
    checkBounds(shape, value, shape.length(), text.length(), "length", path);
  }

  private void checkList(ListShape shape, JsonNode list, ValuePath path) {
    checkBounds(shape, list, shape.length(), list.size(), "length", path);
    if (shape.member() instanceof StructureShape structure) {
      for (int i = 0; i < list.size() && !full(); i++) {
        JsonNode element = list.get(i);
        if (!isAbsent(element)) {
          checkMembers(structure, element, path.element(i + 1));
        }
      }
      return;
    }
    for (JsonNode element : list) {
      if (!isAbsent(element) && !satisfies(shape.member(), element)) {
        report(printed(shape, list), path,
            "Member must satisfy constraint: " + summary(shape.member()));
        return;
      }
    }
  }

  private void checkMap(MapShape shape, JsonNode map, ValuePath path) {
    checkBounds(shape, map, shape.length(), map.size(), "length", path);
    for (Iterator<String> keys = map.fieldNames(); keys.hasNext(); ) {
      if (!satisfies(shape.key(), keys.next())) {
        report(printed(shape, map), path,
            "Map keys must satisfy constraint: " + summary(shape.key()));
        break;
      }
    }
    for (JsonNode value : map) {
      if (!isAbsent(value) && !satisfies(shape.value(), value)) {
        report(printed(shape, map), path,
            "Map value must satisfy constraint: " + summary(shape.value()));
        break;
      }
    }
  }

  /**
   * Reports {@code actual} outside {@code bounds}; {@code measure} is {@code length} for sizes and
   * {@code value} for numbers. The value is printed only if it is reported.
   */
  private void checkBounds(
      Shape shape, JsonNode value, Bounds bounds, long actual, String measure, ValuePath path) {
    if (bounds.belowMin(actual)) {
      report(printed(shape, value), path, "Member must have " + measure
          + " greater than or equal to " + bounds.min().getAsLong());
    }
    if (bounds.aboveMax(actual)) {
      report(printed(shape, value), path, "Member must have " + measure
          + " less than or equal to " + bounds.max().getAsLong());
    }
  }

  /** Whether a list element or map value satisfies every constraint of its scalar shape. */
  private static boolean satisfies(Shape shape, JsonNode value) {
    if (shape instanceof StringShape string) {
      return satisfies(string, value.textValue());
    }
    if (shape instanceof IntegerShape integer) {
      return integer.value().contains(IntegerShape.valueOf(value));
    }
    if (shape instanceof BlobShape blob) {
      return blob.length().contains(BlobShape.byteLength(value));
    }
    return true;
  }

  private static boolean satisfies(StringShape shape, String text) {
    return shape.allows(text)
        && shape.pattern().map(pattern -> pattern.matcher(text).matches()).orElse(true)
        && shape.length().contains(text.length());
  }

  /**
   * Every constraint of a list element or map key or value, bracketed, greatest bound first:
   * {@code [Member must have length less than or equal to 128, Member must have length greater
   * than or equal to 1]}.
   */
  private static String summary(Shape shape) {
    List<String> constraints = new ArrayList<>();
    if (shape instanceof StringShape string) {
      addBounds(constraints, string.length(), "length");
      string.pattern().ifPresent(pattern -> constraints.add(patternText(string)));
      if (!string.enumValues().isEmpty()) {
        constraints.add(enumText(string));
      }
    } else if (shape instanceof IntegerShape integer) {
      addBounds(constraints, integer.value(), "value");
    } else if (shape instanceof BlobShape blob) {
      addBounds(constraints, blob.length(), "length");
    }
    return "[" + String.join(", ", constraints) + "]";
  }

  private static void addBounds(List<String> constraints, Bounds bounds, String measure) {
    bounds.max().ifPresent(max ->
        constraints.add("Member must have " + measure + " less than or equal to " + max));
    bounds.min().ifPresent(min ->
        constraints.add("Member must have " + measure + " greater than or equal to " + min));
  }

  private static String enumText(StringShape shape) {
    return "Member must satisfy enum value set: [" + String.join(", ", shape.enumValues()) + "]";
  }

  private static String patternText(StringShape shape) {
    return "Member must satisfy regular expression pattern: " + shape.pattern().get().pattern();
  }

  /**
   * A value as AWS prints it: strings verbatim, numbers in decimal, blobs as the {@code
   * ByteBuffer} holding them, lists as {@code [a, b]} and maps as {@code {k=v}} (Java's {@code
   * toString()}; kinesalite validations/index.js lines 274-287).
   */
  private static String printed(Shape shape, JsonNode value) {
    if (isAbsent(value)) {
      return "null";
    }
    if (shape instanceof StructureShape) {
      return STRUCTURE_CLASS_PREFIX + shape.name() + STRUCTURE_HASH;
    }
    if (shape instanceof ListShape list) {
      List<String> elements = new ArrayList<>(value.size());
      value.elements().forEachRemaining(element -> elements.add(printed(list.member(), element)));
      return "[" + String.join(", ", elements) + "]";
    }
    if (shape instanceof MapShape map) {
      List<String> entries = new ArrayList<>(value.size());
      for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = fields.next();
        entries.add(entry.getKey() + "=" + printed(map.value(), entry.getValue()));
      }
      return "{" + String.join(", ", entries) + "}";
    }
    if (shape instanceof IntegerShape) {
      return Integer.toString(IntegerShape.valueOf(value));
    }
    if (shape instanceof BlobShape) {
      return heapByteBuffer(BlobShape.byteLength(value));
    }
    return value.asText();
  }

  private static String heapByteBuffer(long bytes) {
    return "java.nio.HeapByteBuffer[pos=0 lim=" + bytes + " cap=" + bytes + "]";
  }

  private static boolean isAbsent(JsonNode value) {
    return value == null || value.isNull() || value.isMissingNode();
  }

  private boolean full() {
    return violations.size() >= MAX_REPORTED;
  }

  /** Records a violation; {@code printedValue} is null when the member is absent. */
  private void report(String printedValue, ValuePath path, String constraint) {
    if (full()) {
      return;
    }
    String value = printedValue == null ? "null" : "'" + printedValue + "'";
    violations.add("Value " + value + " at '" + path + "' failed to satisfy constraint: "
        + constraint);
  }
}
