package io.tributary.http.operations;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.KinesisException;
import io.tributary.core.model.EncryptionType;
import io.tributary.core.model.SequenceNumber;
import io.tributary.core.model.ShardId;
import io.tributary.core.model.StreamArn;
import io.tributary.core.model.StreamName;
import io.tributary.core.operations.PutRecord;
import io.tributary.core.operations.StreamRef;
import io.tributary.http.Hex;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PutRecordMapperTest {
  private final PutRecordMapper mapper = new PutRecordMapper();

  @Test
  void jsonRequestDecodesToDomainTypes() {
    PutRecord.Request request = Mapping.readJson(mapper, """
        {"StreamName":"orders","Data":"aGVsbG8=","PartitionKey":"pk","ExplicitHashKey":"42",
         "SequenceNumberForOrdering":"49000000000000000000000000000000000001883088145612800000"}""");
    assertEquals(StreamRef.ofName(new StreamName("orders")), request.stream());
    assertArrayEquals("hello".getBytes(StandardCharsets.US_ASCII), request.data());
    assertEquals("pk", request.partitionKey());
    assertEquals(Optional.of(BigInteger.valueOf(42)), request.explicitHashKey());
    assertEquals(Optional.of("49000000000000000000000000000000000001883088145612800000"),
        request.sequenceNumberForOrdering());
  }

  @Test
  void cborRequestAsTheSdkSendsItDecodesToDomainTypes() {
    PutRecord.Request request = Mapping.readCbor(mapper, """
        bf
          6a 53 74 72 65 61 6d 4e 61 6d 65              66 6f 72 64 65 72 73
          64 44 61 74 61                                45 68 65 6c 6c 6f
          6c 50 61 72 74 69 74 69 6f 6e 4b 65 79        62 70 6b
        ff""");
    assertEquals(StreamRef.ofName(new StreamName("orders")), request.stream());
    assertArrayEquals("hello".getBytes(StandardCharsets.US_ASCII), request.data());
    assertEquals("pk", request.partitionKey());
    assertEquals(Optional.empty(), request.explicitHashKey());
  }

  @Test
  void streamArnNamesTheStream() {
    PutRecord.Request request = Mapping.readJson(mapper,
        "{\"StreamARN\":\"arn:aws:kinesis:eu-west-1:123456789012:stream/orders\",\"Data\":\"\",\"PartitionKey\":\"pk\"}");
    assertEquals(StreamRef.ofArn(StreamArn.parse("arn:aws:kinesis:eu-west-1:123456789012:stream/orders").orElseThrow()),
        request.stream());
  }

  @Test
  void explicitHashKeyThatIsNotADecimalFailsValidation() {
    KinesisException e = assertThrows(KinesisException.class, () -> Mapping.readJson(mapper,
        "{\"StreamName\":\"orders\",\"Data\":\"\",\"PartitionKey\":\"pk\",\"ExplicitHashKey\":\"0x2a\"}"));
    assertEquals(ErrorCode.VALIDATION, e.code());
    assertEquals("1 validation error detected: Value '0x2a' at 'explicitHashKey' failed to satisfy constraint: "
        + "Member must satisfy regular expression pattern: 0|([1-9]\\d{0,38})", e.getMessage());
  }

  @Test
  void missingDataFailsValidation() {
    KinesisException e = assertThrows(KinesisException.class,
        () -> Mapping.readJson(mapper, "{\"StreamName\":\"orders\",\"PartitionKey\":\"pk\"}"));
    assertEquals("1 validation error detected: Value null at 'data' failed to satisfy constraint: "
        + "Member must not be null", e.getMessage());
  }

  @Test
  void responseHasShardSequenceNumberAndEncryption() {
    PutRecord.Response response = new PutRecord.Response(new ShardId(3),
        new SequenceNumber(3, 1_795_852_800_000L << 20), EncryptionType.NONE);
    assertEquals("{\"ShardId\":\"shardId-000000000003\","
        + "\"SequenceNumber\":\"49000000000000000000000000000000000301883088145612800000\","
        + "\"EncryptionType\":\"NONE\"}", Mapping.writeJson(mapper, response));
  }

  @Test
  void cborResponseIsAnIndefiniteMapOfTextStrings() {
    PutRecord.Response response = new PutRecord.Response(new ShardId(0),
        new SequenceNumber(0, 1_795_852_800_000L << 20), EncryptionType.NONE);
    assertEquals(Hex.of(Hex.bytes("""
        bf
          67 53 68 61 72 64 49 64
          74 73 68 61 72 64 49 64 2d 30 30 30 30 30 30 30 30 30 30 30 30
          6e 53 65 71 75 65 6e 63 65 4e 75 6d 62 65 72
          78 38 34 39 30 30 30 30 30 30 30 30 30 30 30 30 30 30 30 30 30 30 30 30 30 30 30 30 30 30 30 30
                30 30 30 30 30 30 30 31 38 38 33 30 38 38 31 34 35 36 31 32 38 30 30 30 30 30
          6e 45 6e 63 72 79 70 74 69 6f 6e 54 79 70 65
          64 4e 4f 4e 45
        ff""")), Mapping.writeCbor(mapper, response));
  }
}
