package io.tributary.http.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.http.validation.Shape.BlobShape;
import io.tributary.http.validation.Shape.BooleanShape;
import io.tributary.http.validation.Shape.Bounds;
import io.tributary.http.validation.Shape.IntegerShape;
import io.tributary.http.validation.Shape.ListShape;
import io.tributary.http.validation.Shape.MapShape;
import io.tributary.http.validation.Shape.Member;
import io.tributary.http.validation.Shape.StringShape;
import io.tributary.http.validation.Shape.StructureShape;
import io.tributary.http.validation.Shape.TimestampShape;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Compiles the bundled model (botocore's {@code service-2.json} layout, trimmed) into {@link Shape}
 * graphs, one per operation input. Patterns are compiled here, once; {@link ModelOverrides} is
 * applied here. Confined to the thread that calls {@link #compileInputs}.
 *
 * <p>Fails with {@link IllegalStateException} on anything the validator could not check
 * faithfully: an unknown shape kind, a recursive shape, a map with non-string keys or
 * non-scalar values, a list of lists or maps.
 */
final class ShapeCompiler {
  private final JsonNode shapes;
  private final Map<String, Shape> compiled = new HashMap<>();
  private final Set<String> inProgress = new HashSet<>();

  private ShapeCompiler(JsonNode shapes) {
    this.shapes = shapes;
  }

  /** Every operation's name mapped to its compiled input shape, in model order. */
  static Map<String, StructureShape> compileInputs(JsonNode model) {
    ShapeCompiler compiler = new ShapeCompiler(required(model, "shapes", "model"));
    Map<String, StructureShape> inputs = new LinkedHashMap<>();
    required(model, "operations", "model").fields().forEachRemaining(operation -> {
      JsonNode input = operation.getValue().path("input").path("shape");
      StructureShape shape = input.isTextual()
          ? compiler.structureNamed(input.textValue())
          : new StructureShape(operation.getKey() + "Input", List.of());
      inputs.put(operation.getKey(), shape);
    });
    return inputs;
  }

  private StructureShape structureNamed(String name) {
    if (compile(name) instanceof StructureShape structure) {
      return structure;
    }
    throw new IllegalStateException("operation input " + name + " is not a structure");
  }

  private Shape compile(String name) {
    Shape done = compiled.get(name);
    if (done != null) {
      return done;
    }
    if (!inProgress.add(name)) {
      throw new IllegalStateException("recursive shape " + name);
    }
    JsonNode definition = required(shapes, name, "shapes");
    String type = required(definition, "type", name).asText();
    Shape shape = switch (type) {
      case "structure" -> structure(name, definition);
      case "list" -> list(name, definition);
      case "map" -> map(name, definition);
      case "string" -> string(name, definition);
      case "integer" -> new IntegerShape(name, bounds(name, definition));
      case "blob" -> new BlobShape(name, bounds(name, definition));
      case "boolean" -> new BooleanShape(name);
      case "timestamp" -> new TimestampShape(name);
      default -> throw new IllegalStateException("shape " + name + " has unsupported type " + type);
    };
    inProgress.remove(name);
    compiled.put(name, shape);
    return shape;
  }

  private StructureShape structure(String name, JsonNode definition) {
    JsonNode members = definition.path("members");
    List<String> modelOrder = new ArrayList<>();
    members.fieldNames().forEachRemaining(modelOrder::add);
    Set<String> requiredMembers = new HashSet<>();
    definition.path("required").forEach(member -> requiredMembers.add(member.asText()));
    List<Member> compiledMembers = new ArrayList<>();
    for (String member : ModelOverrides.memberOrder(name, modelOrder)) {
      Shape shape = compile(required(members.get(member), "shape", name + "." + member).asText());
      compiledMembers.add(
          new Member(member, lowerFirst(member), shape, requiredMembers.contains(member)));
    }
    return new StructureShape(name, compiledMembers);
  }

  private ListShape list(String name, JsonNode definition) {
    Shape member = compile(required(definition, "member", name).path("shape").asText());
    if (member instanceof ListShape || member instanceof MapShape) {
      throw new IllegalStateException("list " + name + " of lists or maps is not supported");
    }
    return new ListShape(name, member, bounds(name, definition));
  }

  private MapShape map(String name, JsonNode definition) {
    Shape key = compile(required(definition, "key", name).path("shape").asText());
    Shape value = compile(required(definition, "value", name).path("shape").asText());
    if (!(key instanceof StringShape stringKey)
        || value instanceof StructureShape
        || value instanceof ListShape
        || value instanceof MapShape) {
      throw new IllegalStateException("map " + name + " must map strings to scalars");
    }
    return new MapShape(name, stringKey, value, bounds(name, definition));
  }

  private StringShape string(String name, JsonNode definition) {
    Optional<Pattern> pattern = definition.has("pattern")
        ? Optional.of(Pattern.compile(definition.get("pattern").asText()))
        : Optional.empty();
    List<String> enumValues = new ArrayList<>();
    definition.path("enum").forEach(value -> enumValues.add(value.asText()));
    return new StringShape(
        name, bounds(name, definition), pattern, ModelOverrides.enumOrder(name, enumValues));
  }

  private static Bounds bounds(String name, JsonNode definition) {
    return new Bounds(bound(name, definition, "min"), bound(name, definition, "max"));
  }

  private static OptionalLong bound(String name, JsonNode definition, String field) {
    JsonNode value = definition.get(field);
    if (value == null) {
      return OptionalLong.empty();
    }
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw new IllegalStateException(name + "." + field + " is not an integer: " + value);
    }
    return OptionalLong.of(value.longValue());
  }

  private static JsonNode required(JsonNode parent, String field, String where) {
    JsonNode value = parent == null ? null : parent.get(field);
    if (value == null || value.isNull()) {
      throw new IllegalStateException("model lacks " + field + " in " + where);
    }
    return value;
  }

  /** {@code StreamName} becomes {@code streamName}, {@code StreamARN} becomes {@code streamARN}. */
  private static String lowerFirst(String memberName) {
    return Character.toLowerCase(memberName.charAt(0)) + memberName.substring(1);
  }
}
