package io.tributary.http.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tributary.core.model.HashKey;
import io.tributary.core.model.HashKeyRange;
import io.tributary.core.model.SequenceNumber;
import io.tributary.core.model.ShardId;
import io.tributary.core.model.StreamArn;
import io.tributary.core.operations.ChildShard;
import io.tributary.core.operations.DataRecord;
import io.tributary.core.operations.GetRecords;
import io.tributary.core.operations.StreamRef;
import io.tributary.http.Hex;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class GetRecordsMapperTest {
  private static final long ARRIVAL = 1_795_852_800_123L;
  private final GetRecordsMapper mapper = new GetRecordsMapper();

  private static DataRecord record() {
    return new DataRecord(new SequenceNumber(0, 1_795_852_800_000L << 20), Instant.ofEpochMilli(ARRIVAL),
        "hello".getBytes(StandardCharsets.US_ASCII), "pk", Optional.empty());
  }

  @Test
  void requestDecodes() {
    GetRecords.Request request = Mapping.readJson(mapper, "{\"ShardIterator\":\"AAAA\",\"Limit\":25,"
        + "\"StreamARN\":\"arn:aws:kinesis:us-east-1:000000000000:stream/orders\"}");
    assertEquals(new GetRecords.Request("AAAA", OptionalInt.of(25), Optional.of(StreamRef.ofArn(
        StreamArn.parse("arn:aws:kinesis:us-east-1:000000000000:stream/orders").orElseThrow()))), request);
  }

  @Test
  void cborRequestDecodes() {
    GetRecords.Request request = Mapping.readCbor(mapper, """
        bf 6d 53 68 61 72 64 49 74 65 72 61 74 6f 72   64 41 41 41 41
           65 4c 69 6d 69 74                           18 19
        ff""");
    assertEquals(new GetRecords.Request("AAAA", OptionalInt.of(25), Optional.empty()), request);
  }

  @Test
  void jsonResponseHasBase64DataAndEpochSecondTimestamps() {
    GetRecords.Response response = new GetRecords.Response(List.of(record()), Optional.of("AAAA"), 0, List.of());
    assertEquals("{\"Records\":[{"
        + "\"SequenceNumber\":\"49000000000000000000000000000000000001883088145612800000\","
        + "\"ApproximateArrivalTimestamp\":1.795852800123E9,"
        + "\"Data\":\"aGVsbG8=\",\"PartitionKey\":\"pk\"}],"
        + "\"NextShardIterator\":\"AAAA\",\"MillisBehindLatest\":0}", Mapping.writeJson(mapper, response));
  }

  @Test
  void cborResponseHasByteStringDataAndTaggedMillis() {
    GetRecords.Response response = new GetRecords.Response(List.of(record()), Optional.of("AAAA"), 0, List.of());
    assertEquals(Hex.of(Hex.bytes("""
        bf
          67 52 65 63 6f 72 64 73
          9f
            bf
              6e 53 65 71 75 65 6e 63 65 4e 75 6d 62 65 72
              78 38 34 39 30 30 30 30 30 30 30 30 30 30 30 30 30 30 30 30 30 30 30 30 30 30 30 30 30 30 30 30
                    30 30 30 30 30 30 30 31 38 38 33 30 38 38 31 34 35 36 31 32 38 30 30 30 30 30
              78 1b 41 70 70 72 6f 78 69 6d 61 74 65 41 72 72 69 76 61 6c 54 69 6d 65 73 74 61 6d 70
              c1 1b 00 00 01 a2 21 2b 10 7b
              64 44 61 74 61   45 68 65 6c 6c 6f
              6c 50 61 72 74 69 74 69 6f 6e 4b 65 79   62 70 6b
            ff
          ff
          71 4e 65 78 74 53 68 61 72 64 49 74 65 72 61 74 6f 72   64 41 41 41 41
          72 4d 69 6c 6c 69 73 42 65 68 69 6e 64 4c 61 74 65 73 74   00
        ff""")), Mapping.writeCbor(mapper, response));
  }

  @Test
  void endOfClosedShardHasChildShardsAndNoNextIterator() {
    HashKeyRange range = new HashKeyRange(HashKey.MIN, new HashKey(BigInteger.valueOf(99)));
    GetRecords.Response response = new GetRecords.Response(List.of(), Optional.empty(), 0,
        List.of(new ChildShard(new ShardId(2), List.of(new ShardId(0), new ShardId(1)), range)));
    assertEquals("{\"Records\":[],\"MillisBehindLatest\":0,\"ChildShards\":[{\"ShardId\":\"shardId-000000000002\","
        + "\"ParentShards\":[\"shardId-000000000000\",\"shardId-000000000001\"],"
        + "\"HashKeyRange\":{\"StartingHashKey\":\"0\",\"EndingHashKey\":\"99\"}}]}",
        Mapping.writeJson(mapper, response));
  }
}
