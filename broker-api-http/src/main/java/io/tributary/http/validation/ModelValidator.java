package io.tributary.http.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.tributary.core.error.KinesisException;
import io.tributary.http.protocol.RequestValidator;
import io.tributary.http.validation.Shape.BlobShape;
import io.tributary.http.validation.Shape.ListShape;
import io.tributary.http.validation.Shape.Member;
import io.tributary.http.validation.Shape.StructureShape;
import io.tributary.http.wire.BlobPaths;
import io.tributary.http.wire.WireFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Checks a decoded request body against the Kinesis API model before any operation sees it, and
 * rejects it exactly as Amazon Kinesis would. Immutable after {@link #load()}; thread-safe.
 *
 * <p>Two phases, as on AWS:
 *
 * <ol>
 *   <li>Types ({@link TypeChecker}): a member whose JSON or CBOR type cannot become the model's
 *       type fails the request at once with {@code SerializationException}, for example {@code
 *       class java.lang.String can not be converted to an Integer}.
 *   <li>Constraints ({@link ConstraintChecker}): required members, lengths, ranges, patterns and
 *       enums. Up to ten violations are reported together in one {@code ValidationException},
 *       for example {@code 1 validation error detected: Value '' at 'streamName' failed to satisfy
 *       constraint: Member must have length greater than or equal to 1}.
 * </ol>
 *
 * <p>Unknown members are ignored and {@code null} counts as absent, as on AWS. Integers given as
 * fractions are floored, not refused (AWS's Coral deserializer truncates them); downstream code
 * must read them the same way. The model comes from the bundled resource {@value #MODEL_RESOURCE}
 * (see {@code src/main/model/README.md}); {@link ModelOverrides} lists where validation departs
 * from it. A record's {@code Data} is checked only against the model's 10 MiB ceiling: the
 * stream's own maximum record size is PutRecord's and PutRecords' to enforce.
 *
 * <p>Validation does no reflection, compiles no pattern and, for a valid request, prints nothing:
 * messages are built only when a check fails.
 */
public final class ModelValidator implements RequestValidator {
  static final String MODEL_RESOURCE = "kinesis-2013-12-02.json";
  /** How deep to look for blobs; Kinesis inputs nest three deep, and a recursive shape stops here. */
  private static final int MAX_BLOB_DEPTH = 8;

  private final Map<String, StructureShape> inputs;
  private final Map<String, BlobPaths> blobPaths;
  private final TypeChecker typeChecker = new TypeChecker();

  private ModelValidator(Map<String, StructureShape> inputs) {
    this.inputs = Map.copyOf(inputs);
    Map<String, BlobPaths> paths = new HashMap<>();
    inputs.forEach((operation, shape) -> paths.put(operation, blobPaths(shape)));
    this.blobPaths = Map.copyOf(paths);
  }

  /**
   * Reads and compiles the bundled model. Call once at start-up and share the result.
   *
   * @throws IllegalStateException if the bundled model is missing or uses something the validator
   *     cannot check
   */
  public static ModelValidator load() {
    try (InputStream in = ModelValidator.class.getResourceAsStream(MODEL_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("bundled model " + MODEL_RESOURCE + " is missing");
      }
      return new ModelValidator(ShapeCompiler.compileInputs(new ObjectMapper().readTree(in)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read bundled model " + MODEL_RESOURCE, e);
    }
  }

  /**
   * Validates the body of one request.
   *
   * @param operationName the operation, as in {@code X-Amz-Target}: {@code PutRecords}
   * @param input the decoded body; {@code null} or a missing node counts as an empty object. On
   *     success, base64 text in a structure's blob member ({@code Data}) has been replaced by a
   *     binary node of the bytes it stands for, as if it had arrived as a CBOR byte string: a JSON
   *     PutRecords body of 500 records is decoded once, here, and read as bytes afterwards
   * @param format the wire format the body arrived in. Both are validated alike today: a blob may
   *     be a byte string or base64 text in either, and timestamps are only type-checked
   * @throws KinesisException with {@code SERIALIZATION} for a type mismatch, {@code VALIDATION}
   *     for violated constraints
   * @throws IllegalArgumentException if the model has no such operation: check {@link
   *     #hasOperation} first
   */
  @Override
  public void validate(String operationName, JsonNode input, WireFormat format) {
    StructureShape shape = inputs.get(Objects.requireNonNull(operationName, "operationName"));
    if (shape == null) {
      throw new IllegalArgumentException("no such operation: " + operationName);
    }
    JsonNode body = input == null ? MissingNode.getInstance() : input;
    Objects.requireNonNull(format, "format");
    typeChecker.checkInput(shape, body);
    ConstraintChecker constraints = new ConstraintChecker();
    constraints.checkInput(shape, body);
    constraints.throwIfViolated();
  }

  /**
   * Where blobs sit in {@code operationName}'s request (PutRecord: {@code Data}; PutRecords:
   * {@code Records / [] / Data}), so that the wire codec can decode them while parsing; {@link
   * BlobPaths#NONE} for an operation without blobs or not in the model. Blobs inside maps are
   * left out (the model has none); {@link #validate} decodes any blob the codec left as text.
   */
  @Override
  public BlobPaths blobPaths(String operationName) {
    return operationName == null ? BlobPaths.NONE : blobPaths.getOrDefault(operationName, BlobPaths.NONE);
  }

  private static BlobPaths blobPaths(StructureShape input) {
    List<List<String>> paths = new ArrayList<>();
    collectBlobPaths(input, new ArrayList<>(), paths);
    return paths.isEmpty() ? BlobPaths.NONE : BlobPaths.of(paths);
  }

  /** Adds the path of every blob under {@code shape}, which is at {@code path}. */
  private static void collectBlobPaths(Shape shape, List<String> path, List<List<String>> paths) {
    if (path.size() > MAX_BLOB_DEPTH) {
      return;
    }
    if (shape instanceof BlobShape) {
      paths.add(List.copyOf(path));
    } else if (shape instanceof StructureShape structure) {
      for (Member member : structure.members()) {
        path.add(member.wireName());
        collectBlobPaths(member.shape(), path, paths);
        path.remove(path.size() - 1);
      }
    } else if (shape instanceof ListShape list) {
      path.add(BlobPaths.ELEMENT);
      collectBlobPaths(list.member(), path, paths);
      path.remove(path.size() - 1);
    }
  }

  /** Whether the model defines {@code operationName}, spelled as in {@code X-Amz-Target}. */
  public boolean hasOperation(String operationName) {
    return operationName != null && inputs.containsKey(operationName);
  }
}
