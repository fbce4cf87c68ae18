package io.tributary.http.operations;

import io.tributary.core.model.EncryptionType;
import io.tributary.core.model.SequenceNumber;
import io.tributary.core.model.ShardId;
import io.tributary.core.operations.DataRecord;
import io.tributary.core.operations.GetRecords;
import io.tributary.core.operations.PutRecords;
import io.tributary.http.wire.WireCodec;
import io.tributary.http.wire.WireFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
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
 * Encoding the two big responses: GetRecords with 1,000 records (blobs as base64 in JSON, byte
 * strings in CBOR) and PutRecords with 500 results. Time per response.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ResponseBench {
  static final int GET_RECORDS = 1000;
  static final int PUT_RECORDS = 500;

  @Param({"JSON", "CBOR"})
  WireFormat format;

  @Param({"100", "1024"})
  int recordBytes;

  private final WireCodec codec = new WireCodec();
  private final GetRecordsMapper getRecords = new GetRecordsMapper();
  private final PutRecordsMapper putRecords = new PutRecordsMapper();
  private GetRecords.Response getResponse;
  private PutRecords.Response putResponse;

  @Setup
  public void setUp() {
    Random random = new Random(7);
    long sequence = 1_795_852_800_000L << 20;
    List<DataRecord> records = new ArrayList<>(GET_RECORDS);
    for (int i = 0; i < GET_RECORDS; i++) {
      byte[] data = new byte[recordBytes];
      random.nextBytes(data);
      records.add(new DataRecord(new SequenceNumber(3, sequence + i), Instant.ofEpochMilli(1_795_852_800_000L + i),
          data, "partition-key-" + i, Optional.empty()));
    }
    getResponse = new GetRecords.Response(records, Optional.of("AAAAAAAAAAF1bmtub3du"), 0, List.of());
    List<PutRecords.ResultEntry> results = new ArrayList<>(PUT_RECORDS);
    for (int i = 0; i < PUT_RECORDS; i++) {
      results.add(new PutRecords.ResultEntry(Optional.of(new ShardId(i % 4)),
          Optional.of(new SequenceNumber(i % 4, sequence + i)), Optional.empty(), Optional.empty()));
    }
    putResponse = new PutRecords.Response(0, results, EncryptionType.NONE);
  }

  @Benchmark
  public byte[] getRecordsResponse() {
    return codec.write(format, (out, timestamps) -> getRecords.writeResponse(getResponse, out, timestamps));
  }

  /** As the protocol writes it: in segments, never joined. */
  @Benchmark
  public List<byte[]> getRecordsResponseSegments() {
    return codec.writeSegments(format, (out, timestamps) -> getRecords.writeResponse(getResponse, out, timestamps));
  }

  @Benchmark
  public byte[] putRecordsResponse() {
    return codec.write(format, (out, timestamps) -> putRecords.writeResponse(putResponse, out, timestamps));
  }
}
