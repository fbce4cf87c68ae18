package io.tributary.http.validation;

import static io.tributary.http.validation.ValidationAssertions.assertRejected;
import static io.tributary.http.validation.ValidationAssertions.assertValid;
import static io.tributary.http.validation.ValidationAssertions.assertValidation;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.core.error.ErrorCode;
import io.tributary.http.wire.BlobPaths;
import io.tributary.http.wire.WireFormat;
import java.io.IOException;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * PutRecord and PutRecords: element paths, the model's record size ceiling, blobs in JSON and
 * CBOR, and the cap on how many violations one message lists.
 */
class RecordValidationTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final int ONE_MIB = 1_048_576;
  /** The model's {@code Data.max}: the largest record UpdateMaxRecordSize can allow. */
  private static final int TEN_MIB = 10 * ONE_MIB;
  private static final String ENTRY = "com.amazonaws.kinesis.v20131202.PutRecordsRequestEntry@c965e310";

  @Test
  void recordOverOneMebibyteIsLeftForTheStreamsOwnLimit() {
    assertValid("PutRecord", putRecordJson(ONE_MIB + 1));
  }

  @Test
  void recordOverTheModelsCeilingIsRefusedWithAwsMessage() {
    assertValidation("PutRecord", putRecordJson(TEN_MIB + 1),
        "1 validation error detected: Value 'java.nio.HeapByteBuffer[pos=0 lim=10485761"
            + " cap=10485761]' at 'data' failed to satisfy constraint: Member must have length less"
            + " than or equal to 10485760");
  }

  @Test
  void recordOfExactlyOneMebibyteIsAccepted() {
    assertValid("PutRecord", putRecordJson(ONE_MIB));
  }

  @Test
  void oversizeRecordAsCborByteStringIsRefusedAlike() {
    ObjectNode body = NODES.objectNode().put("StreamName", "s").put("PartitionKey", "k");
    body.set("Data", NODES.binaryNode(new byte[TEN_MIB + 1]));
    assertRejected("PutRecord", body, WireFormat.CBOR, ErrorCode.VALIDATION,
        "1 validation error detected: Value 'java.nio.HeapByteBuffer[pos=0 lim=10485761"
            + " cap=10485761]' at 'data' failed to satisfy constraint: Member must have length less"
            + " than or equal to 10485760");
    body.set("Data", NODES.binaryNode(new byte[TEN_MIB]));
    assertValid("PutRecord", body, WireFormat.CBOR);
  }

  @Test
  void cborByteStringBlobsAreAcceptedInPutRecords() {
    ArrayNode records = NODES.arrayNode();
    records.addObject().put("PartitionKey", "k").set("Data", NODES.binaryNode(new byte[10]));
    records.addObject().put("PartitionKey", "k").set("Data", NODES.binaryNode(new byte[0]));
    assertValid("PutRecords", putRecords(records), WireFormat.CBOR);
  }

  @Test
  void cborTextForABlobIsReadAsBase64LikeJson() {
    ArrayNode records = NODES.arrayNode();
    records.addObject().put("PartitionKey", "k").put("Data", "QUJD");
    assertValid("PutRecords", putRecords(records), WireFormat.CBOR);
    records.addObject().put("PartitionKey", "k").put("Data", "QUJ");
    assertRejected("PutRecords", putRecords(records), WireFormat.CBOR, ErrorCode.SERIALIZATION,
        "'QUJ' can not be converted to a Blob: Base64 encoded length is expected a multiple of 4"
            + " bytes but found: 3");
  }

  @Test
  void jsonTextForABlobIsBase64() {
    ArrayNode records = NODES.arrayNode();
    records.addObject().put("PartitionKey", "k").put("Data", "QUJD");
    assertValid("PutRecords", putRecords(records), WireFormat.JSON);
  }

  @Test
  void validBase64TextIsReplacedByTheBytesItStandsForSoThatItIsDecodedOnce() throws IOException {
    ArrayNode records = NODES.arrayNode();
    records.addObject().put("PartitionKey", "k").put("Data", "QUJD");
    ObjectNode body = putRecords(records);
    assertValid("PutRecords", body, WireFormat.JSON);
    assertArrayEquals(new byte[] {'A', 'B', 'C'}, body.get("Records").get(0).get("Data").binaryValue());
  }

  @Test
  void blobsSitAtDataOfPutRecordAndOfEachPutRecordsEntryAndNowhereElse() {
    assertEquals(BlobPaths.of(List.of(List.of("Data"))), ValidationAssertions.VALIDATOR.blobPaths("PutRecord"));
    assertEquals(BlobPaths.of(List.of(List.of("Records", BlobPaths.ELEMENT, "Data"))),
        ValidationAssertions.VALIDATOR.blobPaths("PutRecords"));
    for (String operation : ModelValidatorOperationsTest.ALL_39_OPERATIONS) {
      if (!operation.startsWith("PutRecord")) {
        assertEquals(BlobPaths.NONE, ValidationAssertions.VALIDATOR.blobPaths(operation), operation);
      }
    }
    assertEquals(BlobPaths.NONE, ValidationAssertions.VALIDATOR.blobPaths("NoSuchOperation"));
  }

  @Test
  void cborByteStringWhereAStringBelongsIsRefused() {
    ObjectNode body = NODES.objectNode();
    body.set("StreamName", NODES.binaryNode(new byte[] {'s'}));
    assertRejected("DescribeStreamSummary", body, WireFormat.CBOR, ErrorCode.SERIALIZATION,
        "class java.nio.HeapByteBuffer can not be converted to an String");
  }

  @Test
  void cborTimestampInMillisIsTypeCheckedOnly() {
    ObjectNode body = NODES.objectNode().put("ShardId", "shardId-0")
        .put("ShardIteratorType", "AT_TIMESTAMP").put("Timestamp", 1_700_000_000_000L);
    assertValid("GetShardIterator", body, WireFormat.CBOR);
    body.put("Timestamp", "yesterday");
    assertRejected("GetShardIterator", body, WireFormat.CBOR, ErrorCode.SERIALIZATION,
        "class java.lang.String can not be converted to milliseconds since epoch");
  }

  @Test
  void missingRecordsMustNotBeNull() {
    assertValidation("PutRecords", "{\"StreamName\": \"s\"}",
        "1 validation error detected: Value null at 'records' failed to satisfy constraint:"
            + " Member must not be null");
  }

  @Test
  void emptyRecordsAndEmptyStreamName() {
    // As kinesalite's test/putRecords.js asserts against AWS.
    assertValidation("PutRecords", "{\"StreamName\": \"\", \"Records\": []}",
        "3 validation errors detected: "
            + "Value '[]' at 'records' failed to satisfy constraint: Member must have length"
            + " greater than or equal to 1; "
            + "Value '' at 'streamName' failed to satisfy constraint: Member must satisfy regular"
            + " expression pattern: [a-zA-Z0-9_.-]+; "
            + "Value '' at 'streamName' failed to satisfy constraint: Member must have length"
            + " greater than or equal to 1");
  }

  @Test
  void violationsInsideRecordsNameTheRecordCountingFromOne() {
    assertValidation("PutRecords", "{\"StreamName\": \"s\", \"Records\": ["
            + "{\"PartitionKey\": \"a\", \"Data\": \"\"},"
            + "{\"PartitionKey\": \"\", \"Data\": \"AAAA\", \"ExplicitHashKey\": \"x\"},"
            + "{}]}",
        "4 validation errors detected: "
            + "Value '' at 'records.2.member.partitionKey' failed to satisfy constraint: Member"
            + " must have length greater than or equal to 1; "
            + "Value 'x' at 'records.2.member.explicitHashKey' failed to satisfy constraint:"
            + " Member must satisfy regular expression pattern: 0|([1-9]\\d{0,38}); "
            + "Value null at 'records.3.member.partitionKey' failed to satisfy constraint: Member"
            + " must not be null; "
            + "Value null at 'records.3.member.data' failed to satisfy constraint: Member must not"
            + " be null");
  }

  @Test
  void oversizeRecordInsideRecordsNamesItsData() {
    ArrayNode records = NODES.arrayNode();
    records.addObject().put("PartitionKey", "k").put("Data", "");
    records.addObject().put("PartitionKey", "k").put("Data", base64(TEN_MIB + 1));
    assertRejected("PutRecords", putRecords(records), WireFormat.JSON, ErrorCode.VALIDATION,
        "1 validation error detected: Value 'java.nio.HeapByteBuffer[pos=0 lim=10485761"
            + " cap=10485761]' at 'records.2.member.data' failed to satisfy constraint: Member must"
            + " have length less than or equal to 10485760");
  }

  @Test
  void tooManyRecordsPrintsEachAsAwsDoes() {
    ArrayNode records = NODES.arrayNode();
    for (int i = 0; i < 501; i++) {
      records.addObject().put("PartitionKey", "k").put("Data", "");
    }
    assertRejected("PutRecords", putRecords(records), WireFormat.JSON, ErrorCode.VALIDATION,
        "1 validation error detected: Value '[" + String.join(", ", Collections.nCopies(501, ENTRY))
            + "]' at 'records' failed to satisfy constraint: Member must have length less than or"
            + " equal to 500");
  }

  @Test
  void atMostTenViolationsAreListedAndCounted() {
    ArrayNode records = NODES.arrayNode();
    for (int i = 0; i < 12; i++) {
      records.addObject().put("PartitionKey", "").put("Data", "");
    }
    ObjectNode body = putRecords(records).put("StreamName", "");
    String expected = IntStream.rangeClosed(1, 10)
        .mapToObj(i -> "Value '' at 'records." + i + ".member.partitionKey' failed to satisfy"
            + " constraint: Member must have length greater than or equal to 1")
        .collect(Collectors.joining("; ", "10 validation errors detected: ", ""));
    assertRejected("PutRecords", body, WireFormat.JSON, ErrorCode.VALIDATION, expected);
  }

  @Test
  void fullBatchOfFiveHundredValidRecordsPasses() {
    ArrayNode records = NODES.arrayNode();
    String data = base64(1024);
    for (int i = 0; i < 500; i++) {
      records.addObject().put("PartitionKey", "key-" + i).put("Data", data)
          .put("ExplicitHashKey", Integer.toString(i));
    }
    assertValid("PutRecords", putRecords(records), WireFormat.JSON);
  }

  private static String putRecordJson(int dataBytes) {
    return "{\"StreamName\": \"s\", \"PartitionKey\": \"k\", \"Data\": \"" + base64(dataBytes)
        + "\"}";
  }

  private static ObjectNode putRecords(JsonNode records) {
    ObjectNode body = NODES.objectNode().put("StreamName", "s");
    body.set("Records", records);
    return body;
  }

  private static String base64(int bytes) {
    return Base64.getEncoder().encodeToString(new byte[bytes]);
  }
}
