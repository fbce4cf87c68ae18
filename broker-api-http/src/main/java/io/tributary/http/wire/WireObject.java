package io.tributary.http.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.tributary.core.error.KinesisException;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A structure of a decoded request body (JSON or CBOR), read member by member into Java values.
 *
 * <p>This is where base64 and CBOR byte strings become {@code byte[]} and wire timestamps become
 * {@link Instant}s; the per-operation mappers turn the rest into domain types.
 *
 * <p>The model-driven validator checks member types before any mapper runs, so the type checks
 * here are a safety net: a member of the wrong type still fails as AWS's framework fails it
 * ({@code SerializationException}, with the texts Amazon's Coral framework uses), never as an
 * internal error. A JSON {@code null} reads as an absent member, as in AWS.
 *
 * <p>Immutable; thread-safe.
 */
public final class WireObject {
  private static final BigDecimal INT_MIN = BigDecimal.valueOf(Integer.MIN_VALUE);
  private static final BigDecimal INT_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);

  private final JsonNode node;
  private final WireFormat format;
  private final String path;

  private WireObject(JsonNode node, WireFormat format, String path) {
    this.node = node;
    this.format = format;
    this.path = path;
  }

  /** The request body itself; the caller has checked that it is an object. */
  public static WireObject root(JsonNode body, WireFormat format) {
    if (!body.isObject()) {
      throw new IllegalArgumentException("a request body is an object, not " + body.getNodeType());
    }
    return new WireObject(body, Objects.requireNonNull(format, "format"), "");
  }

  public WireFormat format() {
    return format;
  }

  public Optional<String> string(String member) {
    JsonNode value = member(member);
    if (value == null) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      throw mismatch(value, "an String");
    }
    return Optional.of(value.textValue());
  }

  public String requiredString(String member) {
    return string(member).orElseThrow(() -> missing(member));
  }

  /**
   * An integer member. Like Coral, a fraction is floored and a number beyond the int range is
   * clamped to it; the validator then reports the clamped value against the member's range.
   */
  public OptionalInt integer(String member) {
    JsonNode value = member(member);
    if (value == null) {
      return OptionalInt.empty();
    }
    if (!value.isNumber()) {
      throw mismatch(value, "an Integer");
    }
    BigDecimal clamped = decimal(value).setScale(0, RoundingMode.FLOOR).max(INT_MIN).min(INT_MAX);
    return OptionalInt.of(clamped.intValueExact());
  }

  public int requiredInteger(String member) {
    return integer(member).orElseThrow(() -> missing(member));
  }

  public Optional<Boolean> bool(String member) {
    JsonNode value = member(member);
    if (value == null) {
      return Optional.empty();
    }
    if (!value.isBoolean()) {
      throw mismatch(value, "an Boolean");
    }
    return Optional.of(value.booleanValue());
  }

  /** A blob: a CBOR byte string, or base64 text (JSON, or a CBOR text string). */
  public Optional<byte[]> blob(String member) {
    JsonNode value = member(member);
    if (value == null) {
      return Optional.empty();
    }
    if (value.isBinary()) {
      return Optional.of(binary(value));
    }
    if (!value.isTextual()) {
      throw mismatch(value, "a Blob");
    }
    return Optional.of(Base64Text.decode(value.textValue()));
  }

  public byte[] requiredBlob(String member) {
    return blob(member).orElseThrow(() -> missing(member));
  }

  public Optional<Instant> timestamp(String member) {
    JsonNode value = member(member);
    if (value == null) {
      return Optional.empty();
    }
    if (!value.isNumber()) {
      throw mismatch(value, "milliseconds since epoch");
    }
    return Optional.of(TimestampEncoding.of(format).read(value));
  }

  public Optional<WireObject> structure(String member) {
    JsonNode value = member(member);
    if (value == null) {
      return Optional.empty();
    }
    if (!value.isObject()) {
      throw value.isArray() ? serialization("Start of list found where not expected") : serialization("Expected null");
    }
    return Optional.of(new WireObject(value, format, childPath(member)));
  }

  public WireObject requiredStructure(String member) {
    return structure(member).orElseThrow(() -> missing(member));
  }

  /** A list of structures; a null element reads as an empty structure. */
  public List<WireObject> structures(String member) {
    JsonNode value = member(member);
    if (value == null) {
      return List.of();
    }
    if (!value.isArray()) {
      throw value.isObject()
          ? serialization("Start of structure or map found where not expected.")
          : serialization("Expected list or null");
    }
    List<WireObject> result = new ArrayList<>(value.size());
    for (int i = 0; i < value.size(); i++) {
      JsonNode element = value.get(i);
      if (element.isArray()) {
        throw serialization("Start of list found where not expected");
      }
      if (!element.isObject() && !element.isNull()) {
        throw serialization("Expected null");
      }
      String elementPath = childPath(member) + "." + (i + 1) + ".member";
      result.add(new WireObject(element.isNull() ? JsonNodeFactory.instance.objectNode() : element, format, elementPath));
    }
    return result;
  }

  public List<WireObject> requiredStructures(String member) {
    if (member(member) == null) {
      throw missing(member);
    }
    return structures(member);
  }

  /** A list of strings; a null element is skipped, as an absent value. */
  public List<String> strings(String member) {
    JsonNode value = member(member);
    if (value == null) {
      return List.of();
    }
    if (!value.isArray()) {
      throw value.isObject()
          ? serialization("Start of structure or map found where not expected.")
          : serialization("Expected list or null");
    }
    List<String> result = new ArrayList<>(value.size());
    for (JsonNode element : value) {
      if (element.isNull()) {
        continue;
      }
      if (!element.isTextual()) {
        throw mismatch(element, "an String");
      }
      result.add(element.textValue());
    }
    return result;
  }

  public List<String> requiredStrings(String member) {
    if (member(member) == null) {
      throw missing(member);
    }
    return strings(member);
  }

  /**
   * A map of strings to strings, in the order sent; a null value reads as the empty string (a
   * tag without a value).
   */
  public Map<String, String> stringMap(String member) {
    JsonNode value = member(member);
    if (value == null) {
      return Map.of();
    }
    if (!value.isObject()) {
      throw value.isArray()
          ? serialization("Start of list found where not expected")
          : serialization("Expected map or null");
    }
    Map<String, String> result = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> field : value.properties()) {
      JsonNode text = field.getValue();
      if (text.isNull()) {
        result.put(field.getKey(), "");
      } else if (text.isTextual()) {
        result.put(field.getKey(), text.textValue());
      } else {
        throw mismatch(text, "an String");
      }
    }
    return result;
  }

  public Map<String, String> requiredStringMap(String member) {
    if (member(member) == null) {
      throw missing(member);
    }
    return stringMap(member);
  }

  /**
   * The validation error AWS gives for one bad member, for the mappers' own checks of what the
   * model cannot express (or what the validator would already have refused).
   */
  public KinesisException invalid(String member, Object value, String constraint) {
    return KinesisException.validation("1 validation error detected: Value '" + value + "' at '"
        + childPath(member) + "' failed to satisfy constraint: " + constraint);
  }

  /**
   * A number node's exact value. A float beyond double's range (JSON {@code 1e400}, or a CBOR
   * infinity) counts as the largest or smallest value any member could take, and NaN as 0.
   */
  static BigDecimal decimal(JsonNode number) {
    if (number.isFloatingPointNumber() && !Double.isFinite(number.doubleValue())) {
      double d = number.doubleValue();
      return Double.isNaN(d) ? BigDecimal.ZERO : BigDecimal.valueOf(d > 0 ? Double.MAX_VALUE : -Double.MAX_VALUE);
    }
    return number.decimalValue();
  }

  private JsonNode member(String name) {
    JsonNode value = node.get(name);
    return value == null || value.isNull() || value.isMissingNode() ? null : value;
  }

  private String childPath(String member) {
    String lowerFirst = Character.toLowerCase(member.charAt(0)) + member.substring(1);
    return path.isEmpty() ? lowerFirst : path + "." + lowerFirst;
  }

  private KinesisException missing(String member) {
    return KinesisException.validation("1 validation error detected: Value null at '" + childPath(member)
        + "' failed to satisfy constraint: Member must not be null");
  }

  private static byte[] binary(JsonNode value) {
    try {
      return value.binaryValue();
    } catch (IOException e) {
      throw new IllegalStateException("a binary node always has its bytes", e);
    }
  }

  /** Coral's words for a member of the wrong JSON type; {@code target} names the wanted type. */
  private static KinesisException mismatch(JsonNode value, String target) {
    if (value.isArray()) {
      return serialization("Start of list found where not expected");
    }
    if (value.isObject()) {
      return serialization("Start of structure or map found where not expected.");
    }
    String source;
    if (value.isBoolean()) {
      source = "class java.lang.Boolean";
    } else if (value.isNumber()) {
      source = "class com.amazon.coral.value.json.numbers.TruncatingBigNumber";
    } else if (value.isTextual()) {
      if (target.equals("an Boolean")) {
        return serialization("'" + value.textValue().toUpperCase(Locale.ROOT)
            + "' can not be converted to an Boolean");
      }
      source = "class java.lang.String";
    } else {
      source = "class java.nio.HeapByteBuffer";
    }
    return serialization(source + " can not be converted to " + target);
  }

  private static KinesisException serialization(String message) {
    return KinesisException.serialization(message);
  }
}
