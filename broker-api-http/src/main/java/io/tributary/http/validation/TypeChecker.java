package io.tributary.http.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import io.tributary.core.error.KinesisException;
import io.tributary.http.validation.Shape.BlobShape;
import io.tributary.http.validation.Shape.BooleanShape;
import io.tributary.http.validation.Shape.IntegerShape;
import io.tributary.http.validation.Shape.ListShape;
import io.tributary.http.validation.Shape.MapShape;
import io.tributary.http.validation.Shape.Member;
import io.tributary.http.validation.Shape.StringShape;
import io.tributary.http.validation.Shape.StructureShape;
import io.tributary.http.validation.Shape.TimestampShape;
import java.util.Locale;
import java.util.Optional;

/**
 * The first validation phase: whether every known member has a type AWS can deserialize. Throws
 * a {@code SerializationException} at the first mismatch, in member order, worded as AWS's Coral
 * deserializer words it (kinesalite mimics it: {@code validations/index.js} lines 29-148). Unknown
 * members are ignored and JSON {@code null} counts as absent, as on AWS. Stateless; thread-safe.
 *
 * <p>Blobs: a byte string (CBOR) is accepted as it is; text (JSON, or a CBOR text string) must be
 * canonical base64. Kinesalite reads CBOR text the same way, and so does the wire layer's {@code
 * WireObject.blob}; AWS SDKs always send CBOR blobs as byte strings, so no AWS client sees the
 * difference. Both wire formats are therefore checked alike.
 *
 * <p>Booleans: any string or number is refused, as kinesalite does. Its comments note that AWS
 * seemed to accept {@code "true"}, {@code "yes"}, {@code "1"} and the like, and doubles; those
 * observations are not reproduced, since no AWS client sends them.
 */
final class TypeChecker {
  /** The Java type Coral's JSON codec gives every number; it shows in its messages. */
  private static final String NUMBER_CLASS = "com.amazon.coral.value.json.numbers.TruncatingBigNumber";
  /** The Java type AWS holds blobs in; used for a byte string where no blob belongs. */
  private static final String BYTES_CLASS = "java.nio.HeapByteBuffer";
  private static final String START_OF_LIST = "Start of list found where not expected";
  private static final String START_OF_STRUCTURE =
      "Start of structure or map found where not expected.";
  /** Coral's words for bits left over in the last digit or excess padding; "dectected" is AWS's. */
  private static final String LAST_DIGIT_PROBLEM =
      "Invalid last non-pad Base64 character dectected";

  /** Checks a whole request body against its operation's input shape. */
  void checkInput(StructureShape input, JsonNode body) {
    check(input, body);
  }

  private void check(Shape shape, JsonNode value) {
    JsonNodeType type = value.getNodeType();
    if (type == JsonNodeType.NULL || type == JsonNodeType.MISSING) {
      return;
    }
    if (shape instanceof StructureShape structure) {
      checkStructure(structure, value, type);
    } else if (shape instanceof ListShape list) {
      checkList(list, value, type);
    } else if (shape instanceof MapShape map) {
      checkMap(map, value, type);
    } else if (shape instanceof StringShape) {
      requireScalar(type, JsonNodeType.STRING, "an String");
    } else if (shape instanceof IntegerShape) {
      requireScalar(type, JsonNodeType.NUMBER, "an Integer");
    } else if (shape instanceof BlobShape) {
      checkBlob(value, type);
    } else if (shape instanceof BooleanShape) {
      checkBoolean(value, type);
    } else if (shape instanceof TimestampShape) {
      requireScalar(type, JsonNodeType.NUMBER, "milliseconds since epoch");
    } else {
      throw new IllegalStateException("unhandled shape " + shape);
    }
  }

  private void checkStructure(StructureShape shape, JsonNode value, JsonNodeType type) {
    if (type == JsonNodeType.ARRAY) {
      throw mismatch(START_OF_LIST);
    }
    if (type != JsonNodeType.OBJECT) {
      throw mismatch("Expected null");
    }
    for (Member member : shape.members()) {
      JsonNode memberValue = value.get(member.wireName());
      if (memberValue != null) {
        check(member.shape(), memberValue);
      }
    }
  }

  private void checkList(ListShape shape, JsonNode value, JsonNodeType type) {
    if (type == JsonNodeType.OBJECT || type == JsonNodeType.POJO) {
      throw mismatch(START_OF_STRUCTURE);
    }
    if (type != JsonNodeType.ARRAY) {
      throw mismatch("Expected list or null");
    }
    for (JsonNode element : value) {
      check(shape.member(), element);
    }
  }

  private void checkMap(MapShape shape, JsonNode value, JsonNodeType type) {
    if (type == JsonNodeType.ARRAY) {
      throw mismatch(START_OF_LIST);
    }
    if (type != JsonNodeType.OBJECT) {
      throw mismatch("Expected map or null");
    }
    for (JsonNode entryValue : value) {
      check(shape.value(), entryValue);
    }
  }

  private void checkBoolean(JsonNode value, JsonNodeType type) {
    if (type == JsonNodeType.STRING) {
      // Coral upper-cases the text it failed to read (kinesalite validations/index.js line 41).
      throw mismatch("'" + value.textValue().toUpperCase(Locale.ROOT)
          + "' can not be converted to an Boolean");
    }
    requireScalar(type, JsonNodeType.BOOLEAN, "an Boolean");
  }

  private void checkBlob(JsonNode value, JsonNodeType type) {
    if (type == JsonNodeType.BINARY) {
      return;
    }
    if (type == JsonNodeType.STRING) {
      checkBase64(value.textValue());
      return;
    }
    requireScalar(type, JsonNodeType.BINARY, "a Blob");
  }

  /**
   * Accepts only canonical base64, reporting problems in Coral's order (kinesalite
   * validations/index.js lines 89-99): the length, then the first bad character (a padding
   * {@code =} followed by anything but {@code =} counts as bad), then unused bits or excess padding
   * at the end. Runs on every record, so the common case is one tight loop over the digits.
   */
  private static void checkBase64(String text) {
    int length = text.length();
    if (length % 4 != 0) {
      throw notBase64(text, "Base64 encoded length is expected a multiple of 4 bytes but found: "
          + length);
    }
    int padding = 0;
    while (padding < 2 && padding < length && text.charAt(length - 1 - padding) == '=') {
      padding++;
    }
    int digits = length - padding;
    for (int i = 0; i < digits; i++) {
      if (!isBase64Digit(text.charAt(i))) {
        throw notBase64(text, firstBadCharacter(text)
            .map(bad -> "Invalid Base64 character: '" + bad + "'")
            .orElse(LAST_DIGIT_PROBLEM));
      }
    }
    if (padding > 0 && (sextet(text.charAt(digits - 1)) & (padding == 1 ? 0x3 : 0xF)) != 0) {
      throw notBase64(text, LAST_DIGIT_PROBLEM);
    }
  }

  /**
   * The first character Coral calls invalid: not a base64 digit or {@code =}, or an {@code =}
   * followed by anything but {@code =}. Empty when only the padding is wrong, as in {@code A===}.
   */
  private static Optional<Character> firstBadCharacter(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean padBeforeData = c == '=' && i + 1 < text.length() && text.charAt(i + 1) != '=';
      if (!(isBase64Digit(c) || c == '=') || padBeforeData) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  private static boolean isBase64Digit(char c) {
    return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/';
  }

  /** The six bits a base64 digit stands for. */
  private static int sextet(char c) {
    if (c >= 'A' && c <= 'Z') {
      return c - 'A';
    }
    if (c >= 'a' && c <= 'z') {
      return c - 'a' + 26;
    }
    if (c >= '0' && c <= '9') {
      return c - '0' + 52;
    }
    return c == '+' ? 62 : 63;
  }

  private static KinesisException notBase64(String text, String reason) {
    return mismatch("'" + text + "' can not be converted to a Blob: " + reason);
  }

  /**
   * Throws unless a scalar arrived as {@code expected}.
   *
   * @param target how Coral names the type it converts to: {@code an String}, {@code a Blob}
   */
  private static void requireScalar(JsonNodeType actual, JsonNodeType expected, String target) {
    if (actual == expected) {
      return;
    }
    switch (actual) {
      case ARRAY -> throw mismatch(START_OF_LIST);
      case OBJECT, POJO -> throw mismatch(START_OF_STRUCTURE);
      case BOOLEAN -> throw mismatch("class java.lang.Boolean can not be converted to " + target);
      case NUMBER -> throw mismatch("class " + NUMBER_CLASS + " can not be converted to " + target);
      case STRING -> throw mismatch("class java.lang.String can not be converted to " + target);
      case BINARY -> throw mismatch("class " + BYTES_CLASS + " can not be converted to " + target);
      default -> throw new IllegalStateException("unhandled node type " + actual);
    }
  }

  private static KinesisException mismatch(String message) {
    return KinesisException.serialization(message);
  }
}
