package io.tributary.http.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * One compiled shape of the Kinesis model: what a value at some place in a request must look
 * like. {@link ShapeCompiler} builds the graph once from the bundled model; every shape is
 * immutable and thread-safe.
 *
 * <p>The set of kinds is exactly what the Kinesis input shapes use. The compiler refuses any
 * other kind, so a model update that needs one fails at start-up instead of validating nothing.
 */
sealed interface Shape {

  /** The shape's name in the model, for example {@code StreamName}. */
  String name();

  /** An inclusive range from the model's {@code min} and {@code max}; either end may be open. */
  record Bounds(OptionalLong min, OptionalLong max) {
    boolean belowMin(long value) {
      return min.isPresent() && value < min.getAsLong();
    }

    boolean aboveMax(long value) {
      return max.isPresent() && value > max.getAsLong();
    }

    boolean contains(long value) {
      return !belowMin(value) && !aboveMax(value);
    }
  }

  /**
   * One member of a structure.
   *
   * @param wireName the member's name on the wire and in the model, {@code StreamName}
   * @param pathName the name AWS uses for it in validation messages, {@code streamName}
   */
  record Member(String wireName, String pathName, Shape shape, boolean required) {}

  /** A structure; members are in the order AWS checks them (see {@link ModelOverrides}). */
  record StructureShape(String name, List<Member> members) implements Shape {
    public StructureShape {
      members = List.copyOf(members);
    }
  }

  /** A list; {@code length} bounds the number of elements. */
  record ListShape(String name, Shape member, Bounds length) implements Shape {}

  /** A map with string keys; {@code length} bounds the number of entries. */
  record MapShape(String name, StringShape key, Shape value, Bounds length) implements Shape {}

  /**
   * A string. {@code length} counts UTF-16 code units, as Java's {@code String.length()} does on
   * AWS's side. {@code pattern} must match the whole value.
   *
   * @param enumValues the allowed values in the order AWS prints them; empty if unrestricted
   */
  record StringShape(
      String name, Bounds length, Optional<Pattern> pattern, List<String> enumValues)
      implements Shape {
    public StringShape {
      enumValues = List.copyOf(enumValues);
    }

    /** Whether {@code value} is in the enum; a linear scan, as Kinesis enums have at most 8 values. */
    boolean allows(String value) {
      return enumValues.isEmpty() || enumValues.contains(value);
    }
  }

  /** A 32-bit integer; {@code value} bounds it. */
  record IntegerShape(String name, Bounds value) implements Shape {

    /**
     * The integer AWS sees for a JSON or CBOR number: fractions are floored and values outside
     * the int range are clamped to it, as Coral's truncating number conversion does for values
     * above it (kinesalite validations/index.js lines 56-58). Clamping below as well is a
     * judgement: a Java {@code Integer} cannot hold less, and the wire layer reads it so.
     */
    static int valueOf(JsonNode number) {
      // The (int) cast saturates at Integer.MIN_VALUE and Integer.MAX_VALUE.
      return number.isInt() ? number.intValue() : (int) Math.floor(number.doubleValue());
    }
  }

  /** Binary data; {@code length} bounds the number of bytes. */
  record BlobShape(String name, Bounds length) implements Shape {

    /**
     * The number of bytes a blob value carries: the length of a byte string, or the decoded
     * length of base64 text that {@link TypeChecker} has already found canonical.
     */
    static long byteLength(JsonNode blob) {
      if (blob instanceof BinaryNode binary) {
        return binary.binaryValue().length;
      }
      String text = blob.textValue();
      int padding = 0;
      for (int i = text.length() - 1; i >= 0 && text.charAt(i) == '='; i--) {
        padding++;
      }
      return (long) text.length() / 4 * 3 - padding;
    }
  }

  /** A boolean; it has no constraints. */
  record BooleanShape(String name) implements Shape {}

  /** A timestamp: a number of seconds (JSON) or milliseconds (CBOR); only its type is checked. */
  record TimestampShape(String name) implements Shape {}
}
