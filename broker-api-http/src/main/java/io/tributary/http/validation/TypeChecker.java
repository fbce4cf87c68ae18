package io.tributary.http.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import io.tributary.http.wire.Base64Text;
import java.util.Locale;

/**
 * The first validation phase: whether every known member has a type AWS can deserialize. Throws
 * a {@code SerializationException} at the first mismatch, in member order, worded as AWS's Coral
 * deserializer words it (kinesalite mimics it: {@code validations/index.js} lines 29-148). Unknown
 * members are ignored and JSON {@code null} counts as absent, as on AWS. Stateless; thread-safe
 * (a body is checked on one thread at a time).
 *
 * <p>Blobs: a byte string (CBOR) is accepted as it is; text (JSON, or a CBOR text string) must be
 * canonical base64. Kinesalite reads CBOR text the same way, and so does the wire layer's {@code
 * WireObject.blob}; AWS SDKs always send CBOR blobs as byte strings, so no AWS client sees the
 * difference. Both wire formats are therefore checked alike. Base64 text in a structure's blob
 * member is decoded as it is checked and replaced in the body by a binary node holding the bytes,
 * so that nothing decodes it again (see {@link ModelValidator#validate}).
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
      if (memberValue == null) {
        continue;
      }
      if (member.shape() instanceof BlobShape && memberValue.isTextual()) {
        // Decoded once, here: later readers find the bytes (see ModelValidator).
        ((ObjectNode) value).set(member.wireName(), BinaryNode.valueOf(Base64Text.decode(memberValue.textValue())));
      } else {
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
      Base64Text.decode(value.textValue());
      return;
    }
    requireScalar(type, JsonNodeType.BINARY, "a Blob");
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
