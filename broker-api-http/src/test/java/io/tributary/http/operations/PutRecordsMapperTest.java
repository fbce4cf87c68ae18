package io.tributary.http.operations;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tributary.core.error.KinesisException;
import io.tributary.core.model.EncryptionType;
import io.tributary.core.model.SequenceNumber;
import io.tributary.core.model.ShardId;
import io.tributary.core.model.StreamName;
import io.tributary.core.operations.PutRecords;
import io.tributary.core.operations.StreamRef;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PutRecordsMapperTest {
  private final PutRecordsMapper mapper = new PutRecordsMapper();

  @Test
  void jsonRequestDecodesEveryRecordInOrder() {
    PutRecords.Request request = Mapping.readJson(mapper, """
        {
          "StreamName": "orders",
          "Records": [
            {"Data": "aGVsbG8=", "PartitionKey": "a"},
            {"Data": "", "PartitionKey": "b", "ExplicitHashKey": "340282366920938463463374607431768211455"}
          ]
        }""");
    assertEquals(StreamRef.ofName(new StreamName("orders")), request.stream());
    assertEquals(2, request.records().size());
    assertArrayEquals("hello".getBytes(StandardCharsets.US_ASCII), request.records().get(0).data());
    assertEquals("a", request.records().get(0).partitionKey());
    assertEquals(Optional.of(BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE)),
        request.records().get(1).explicitHashKey());
  }

  @Test
  void cborRequestWithIndefiniteArrayOfIndefiniteMapsDecodes() {
    PutRecords.Request request = Mapping.readCbor(mapper, """
        bf
          67 52 65 63 6f 72 64 73
          9f
            bf 64 44 61 74 61 45 68 65 6c 6c 6f   6c 50 61 72 74 69 74 69 6f 6e 4b 65 79 62 70 6b ff
          ff
          6a 53 74 72 65 61 6d 4e 61 6d 65   66 6f 72 64 65 72 73
        ff""");
    assertEquals(1, request.records().size());
    assertArrayEquals("hello".getBytes(StandardCharsets.US_ASCII), request.records().get(0).data());
    assertEquals("pk", request.records().get(0).partitionKey());
  }

  @Test
  void recordWithoutPartitionKeyFailsValidationNamingItsPosition() {
    KinesisException e = assertThrows(KinesisException.class, () -> Mapping.readJson(mapper,
        "{\"StreamName\":\"orders\",\"Records\":[{\"Data\":\"\",\"PartitionKey\":\"a\"},{\"Data\":\"\"}]}"));
    assertEquals("1 validation error detected: Value null at 'records.2.member.partitionKey' failed to satisfy "
        + "constraint: Member must not be null", e.getMessage());
  }

  @Test
  void responseListsEachRecordsOutcomeInOrder() {
    PutRecords.Response response = new PutRecords.Response(1, List.of(
        new PutRecords.ResultEntry(Optional.of(new ShardId(1)), Optional.of(new SequenceNumber(1, 7)),
            Optional.empty(), Optional.empty()),
        new PutRecords.ResultEntry(Optional.empty(), Optional.empty(),
            Optional.of("ProvisionedThroughputExceededException"), Optional.of("Rate exceeded for shard."))),
        EncryptionType.NONE);
    assertEquals("{\"FailedRecordCount\":1,\"Records\":["
        + "{\"SequenceNumber\":\"49000000000000000000000000000000000100000000000000000007\",\"ShardId\":\"shardId-000000000001\"},"
        + "{\"ErrorCode\":\"ProvisionedThroughputExceededException\",\"ErrorMessage\":\"Rate exceeded for shard.\"}],"
        + "\"EncryptionType\":\"NONE\"}", Mapping.writeJson(mapper, response));
  }
}
