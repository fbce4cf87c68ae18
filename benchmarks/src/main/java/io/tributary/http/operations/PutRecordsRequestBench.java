package io.tributary.http.operations;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.benchmarks.RequestBodies;
import io.tributary.core.operations.PutRecords;
import io.tributary.http.validation.ModelValidator;
import io.tributary.http.wire.BlobPaths;
import io.tributary.http.wire.WireCodec;
import io.tributary.http.wire.WireFormat;
import io.tributary.http.wire.WireObject;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The wire side of one PutRecords request of 500 records, without the operation: decoding the
 * body, validating it against the model, and mapping it to the domain request. Time per request;
 * divide by 500 for time per record. (In this package for the package-private mapper.)
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PutRecordsRequestBench {
  static final int RECORDS = 500;

  @Param({"JSON", "CBOR"})
  WireFormat format;

  @Param({"100", "1024"})
  int recordBytes;

  private final WireCodec codec = new WireCodec();
  private final ModelValidator validator = ModelValidator.load();
  private final PutRecordsMapper mapper = new PutRecordsMapper();
  private final BlobPaths blobs = validator.blobPaths("PutRecords");
  private byte[] body;

  @Setup
  public void setUp() {
    body = RequestBodies.putRecords(format, "bench", RECORDS, recordBytes);
  }

  /** Bytes to a tree only, blobs as text (JSON) or bytes (CBOR). */
  @Benchmark
  public JsonNode decode() throws IOException {
    return codec.readTree(body, format);
  }

  /** Bytes to a tree only, JSON blobs decoded from the body as it is parsed. */
  @Benchmark
  public JsonNode decodeWithBlobs() throws IOException {
    return codec.readTree(body, format, blobs);
  }

  /** Bytes to the domain request, as the protocol does before the operation runs. */
  @Benchmark
  public PutRecords.Request decodeValidateMap() throws IOException {
    JsonNode tree = codec.readTree(body, format, blobs);
    validator.validate("PutRecords", tree, format);
    return mapper.readRequest(WireObject.root(tree, format));
  }

  /** The same with the blobs read as text first and decoded by the validator. */
  @Benchmark
  public PutRecords.Request decodeValidateMapBlobsAsText() throws IOException {
    JsonNode tree = codec.readTree(body, format);
    validator.validate("PutRecords", tree, format);
    return mapper.readRequest(WireObject.root(tree, format));
  }
}
