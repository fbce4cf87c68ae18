package io.tributary.http.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.KinesisException;
import io.tributary.http.Hex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class WireObjectTest {
  private final WireCodec codec = new WireCodec();

  private WireObject json(String text) throws IOException {
    return WireObject.root(codec.readTree(text.getBytes(StandardCharsets.UTF_8), WireFormat.JSON), WireFormat.JSON);
  }

  private static void assertError(ErrorCode code, String message, Executable read) {
    KinesisException e = assertThrows(KinesisException.class, read);
    assertEquals(code, e.code());
    assertEquals(message, e.getMessage());
  }

  @Test
  void jsonBlobIsBase64() throws IOException {
    assertArrayEquals("hello".getBytes(StandardCharsets.US_ASCII), json("{\"Data\":\"aGVsbG8=\"}").requiredBlob("Data"));
    assertArrayEquals(new byte[0], json("{\"Data\":\"\"}").requiredBlob("Data"));
  }

  @Test
  void cborBlobIsAByteString() throws IOException {
    WireObject body = WireObject.root(codec.readTree(Hex.bytes("bf 64 44 61 74 61 45 68 65 6c 6c 6f ff"),
        WireFormat.CBOR), WireFormat.CBOR);
    assertArrayEquals("hello".getBytes(StandardCharsets.US_ASCII), body.requiredBlob("Data"));
  }

  @Test
  void base64OfWrongLengthFailsAsCoralSays() throws IOException {
    WireObject body = json("{\"Data\":\"aGVsbG8\"}");
    assertError(ErrorCode.SERIALIZATION, "'aGVsbG8' can not be converted to a Blob: "
        + "Base64 encoded length is expected a multiple of 4 bytes but found: 7", () -> body.blob("Data"));
  }

  @Test
  void base64WithForeignCharacterFailsAsCoralSays() throws IOException {
    WireObject body = json("{\"Data\":\"aGV$bG8=\"}");
    assertError(ErrorCode.SERIALIZATION, "'aGV$bG8=' can not be converted to a Blob: Invalid Base64 character: '$'",
        () -> body.blob("Data"));
  }

  @Test
  void base64WithNonCanonicalLastCharacterFailsAsCoralSays() throws IOException {
    WireObject body = json("{\"Data\":\"aGVsbG9=\"}");
    assertError(ErrorCode.SERIALIZATION,
        "'aGVsbG9=' can not be converted to a Blob: Invalid last non-pad Base64 character dectected",
        () -> body.blob("Data"));
  }

  @Test
  void jsonTimestampIsEpochSecondsWholeOrFractional() throws IOException {
    assertEquals(Optional.of(Instant.ofEpochSecond(1_795_852_800L)), json("{\"T\":1795852800}").timestamp("T"));
    assertEquals(Optional.of(Instant.ofEpochMilli(1_795_852_800_123L)),
        json("{\"T\":1795852800.123}").timestamp("T"));
  }

  @Test
  void cborTimestampIsEpochMillisAfterTagOne() throws IOException {
    WireObject whole = WireObject.root(codec.readTree(Hex.bytes("bf 61 54 c1 1b 00 00 01 a2 21 2b 10 7b ff"),
        WireFormat.CBOR), WireFormat.CBOR);
    assertEquals(Optional.of(Instant.ofEpochMilli(1_795_852_800_123L)), whole.timestamp("T"));
    // A double: 1795852800123.5 ms.
    WireObject fraction = WireObject.root(codec.readTree(Hex.bytes("bf 61 54 c1 fb 42 7a 22 12 b1 07 b8 00 ff"),
        WireFormat.CBOR), WireFormat.CBOR);
    assertEquals(Optional.of(Instant.ofEpochMilli(1_795_852_800_123L).plusNanos(500_000)), fraction.timestamp("T"));
  }

  @Test
  void timestampGivenAsTextFailsAsCoralSays() throws IOException {
    assertError(ErrorCode.SERIALIZATION, "class java.lang.String can not be converted to milliseconds since epoch",
        () -> json("{\"T\":\"2026-11-28T08:00:00Z\"}").timestamp("T"));
  }

  @Test
  void integerIsFlooredAndClampedAsCoralDoes() throws IOException {
    assertEquals(OptionalInt.of(2), json("{\"Limit\":2.9}").integer("Limit"));
    assertEquals(OptionalInt.of(Integer.MAX_VALUE), json("{\"Limit\":99999999999999}").integer("Limit"));
  }

  @Test
  void numbersBeyondDoubleRangeAreClampedNotFailed() throws IOException {
    assertEquals(OptionalInt.of(Integer.MAX_VALUE), json("{\"Limit\":1e400}").integer("Limit"));
    assertEquals(Optional.of(Instant.ofEpochMilli(Long.MIN_VALUE)), json("{\"T\":-1e400}").timestamp("T"));
    // CBOR half-precision NaN.
    WireObject nan = WireObject.root(codec.readTree(Hex.bytes("bf 61 54 f9 7e 00 ff"), WireFormat.CBOR),
        WireFormat.CBOR);
    assertEquals(Optional.of(Instant.EPOCH), nan.timestamp("T"));
  }

  @Test
  void memberOfWrongTypeFailsAsCoralSays() throws IOException {
    assertError(ErrorCode.SERIALIZATION,
        "class com.amazon.coral.value.json.numbers.TruncatingBigNumber can not be converted to an String",
        () -> json("{\"StreamName\":12}").string("StreamName"));
    assertError(ErrorCode.SERIALIZATION, "class java.lang.String can not be converted to an Integer",
        () -> json("{\"Limit\":\"12\"}").integer("Limit"));
    assertError(ErrorCode.SERIALIZATION, "Start of list found where not expected",
        () -> json("{\"StreamName\":[]}").string("StreamName"));
    assertError(ErrorCode.SERIALIZATION, "Start of structure or map found where not expected.",
        () -> json("{\"Records\":{}}").structures("Records"));
    assertError(ErrorCode.SERIALIZATION, "'YES' can not be converted to an Boolean",
        () -> json("{\"B\":\"yes\"}").bool("B"));
  }

  @Test
  void nullMemberReadsAsAbsent() throws IOException {
    assertEquals(Optional.empty(), json("{\"StreamName\":null}").string("StreamName"));
  }

  @Test
  void missingRequiredMemberFailsWithAwsValidationText() throws IOException {
    assertError(ErrorCode.VALIDATION, "1 validation error detected: Value null at 'partitionKey' "
        + "failed to satisfy constraint: Member must not be null", () -> json("{}").requiredString("PartitionKey"));
  }

  @Test
  void listElementsKnowTheirPathForErrors() throws IOException {
    WireObject second = json("{\"Records\":[{},{}]}").requiredStructures("Records").get(1);
    assertError(ErrorCode.VALIDATION, "1 validation error detected: Value null at 'records.2.member.data' "
        + "failed to satisfy constraint: Member must not be null", () -> second.requiredBlob("Data"));
  }

  @Test
  void nestedStructureIsRead() throws IOException {
    Optional<WireObject> details = json("{\"StreamModeDetails\":{\"StreamMode\":\"ON_DEMAND\"}}")
        .structure("StreamModeDetails");
    assertTrue(details.isPresent());
    assertEquals("ON_DEMAND", details.get().requiredString("StreamMode"));
  }

  @Test
  void stringListSkipsNullElements() throws IOException {
    assertEquals(List.of("a", "b"), json("{\"TagKeys\":[\"a\",null,\"b\"]}").requiredStrings("TagKeys"));
    assertEquals(List.of(), json("{\"TagKeys\":null}").strings("TagKeys"));
  }

  @Test
  void stringListOfWrongTypeFailsAsCoralSays() throws IOException {
    assertError(ErrorCode.SERIALIZATION, "Expected list or null", () -> json("{\"TagKeys\":\"a\"}").strings("TagKeys"));
    assertError(ErrorCode.SERIALIZATION, "class com.amazon.coral.value.json.numbers.TruncatingBigNumber can not be "
        + "converted to an String", () -> json("{\"TagKeys\":[1]}").strings("TagKeys"));
    assertError(ErrorCode.VALIDATION, "1 validation error detected: Value null at 'tagKeys' failed to satisfy "
        + "constraint: Member must not be null", () -> json("{}").requiredStrings("TagKeys"));
  }

  @Test
  void stringMapKeepsTheOrderSentAndReadsNullAsEmpty() throws IOException {
    Map<String, String> tags = json("{\"Tags\":{\"z\":\"1\",\"a\":null}}").requiredStringMap("Tags");
    assertEquals(List.of("z", "a"), List.copyOf(tags.keySet()));
    assertEquals("", tags.get("a"));
  }

  @Test
  void stringMapOfWrongTypeFailsAsCoralSays() throws IOException {
    assertError(ErrorCode.SERIALIZATION, "Start of list found where not expected",
        () -> json("{\"Tags\":[]}").stringMap("Tags"));
    assertError(ErrorCode.SERIALIZATION, "class java.lang.Boolean can not be converted to an String",
        () -> json("{\"Tags\":{\"a\":true}}").stringMap("Tags"));
  }
}
