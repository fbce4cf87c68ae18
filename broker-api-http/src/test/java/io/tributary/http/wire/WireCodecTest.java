package io.tributary.http.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.core.error.ErrorCode;
import io.tributary.http.Hex;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WireCodecTest {
  private final WireCodec codec = new WireCodec();

  private static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Test
  void largeBodyWrittenInSegmentsIsTheSameBytesAsInOneArray() {
    for (int records : new int[] {0, 1, 100, 5_000}) {
      WireCodec.BodyWriter writer = (out, timestamps) -> {
        out.writeStartObject();
        out.writeArrayFieldStart("Records");
        for (int i = 0; i < records; i++) {
          out.writeStartObject();
          Base64Text.writeField(out, "Data", new byte[i % 1500]);
          out.writeEndObject();
        }
        out.writeEndArray();
        out.writeEndObject();
      };
      List<byte[]> segments = codec.writeSegments(WireFormat.JSON, writer);
      ByteArrayOutputStream joined = new ByteArrayOutputStream();
      segments.forEach(joined::writeBytes);
      assertArrayEquals(codec.write(WireFormat.JSON, writer), joined.toByteArray(), records + " records");
      assertTrue(segments.stream().allMatch(segment -> segment.length > 0), "no empty segment");
    }
    assertEquals(List.of(0), codec.writeSegments(WireFormat.CBOR, (out, timestamps) -> { }).stream()
        .map(segment -> segment.length).toList());
  }

  @Test
  void jsonTimestampsAreEpochSecondsWrittenAsAwsWritesThem() {
    byte[] body = codec.write(WireFormat.JSON, (out, timestamps) -> {
      out.writeStartObject();
      timestamps.writeField(out, "A", Instant.ofEpochMilli(1_795_852_800_123L));
      timestamps.writeField(out, "B", Instant.ofEpochMilli(1_795_852_800_000L));
      timestamps.writeField(out, "C", Instant.ofEpochMilli(1_441_215_410_867L));
      out.writeEndObject();
    });
    assertEquals("{\"A\":1.795852800123E9,\"B\":1.7958528E9,\"C\":1.441215410867E9}", utf8(body));
  }

  @Test
  void cborTimestampsAreTagOneFollowedByIntegerEpochMillis() {
    byte[] body = codec.write(WireFormat.CBOR, (out, timestamps) -> {
      out.writeStartObject();
      timestamps.writeField(out, "Timestamp", Instant.ofEpochMilli(1_795_852_800_123L));
      out.writeEndObject();
    });
    assertEquals(Hex.of(Hex.bytes("""
        bf
          69 54 69 6d 65 73 74 61 6d 70
          c1 1b 00 00 01 a2 21 2b 10 7b
        ff""")), Hex.of(body));
  }

  @Test
  void blobsAreBase64InJsonAndByteStringsInCbor() {
    WireCodec.BodyWriter writer = (out, timestamps) -> {
      out.writeStartObject();
      out.writeBinaryField("Data", "hello".getBytes(StandardCharsets.US_ASCII));
      out.writeEndObject();
    };
    assertEquals("{\"Data\":\"aGVsbG8=\"}", utf8(codec.write(WireFormat.JSON, writer)));
    assertEquals("bf 64 44 61 74 61 45 68 65 6c 6c 6f ff", Hex.of(codec.write(WireFormat.CBOR, writer)));
  }

  @Test
  void writerThatWritesNothingMakesAnEmptyBody() {
    assertEquals(0, codec.write(WireFormat.JSON, (out, timestamps) -> { }).length);
    assertEquals(0, codec.write(WireFormat.CBOR, (out, timestamps) -> { }).length);
  }

  @Test
  void errorHasTypeAndMessage() {
    WireError error = WireError.of(ErrorCode.RESOURCE_NOT_FOUND, "Stream s under account 000000000000 not found.");
    assertEquals("{\"__type\":\"ResourceNotFoundException\",\"message\":\"Stream s under account 000000000000 not found.\"}",
        utf8(codec.writeError(WireFormat.JSON, error)));
  }

  @Test
  void errorWithoutMessageHasOnlyItsType() {
    assertEquals("{\"__type\":\"UnknownOperationException\"}",
        utf8(codec.writeError(WireFormat.JSON, WireError.withoutMessage(ErrorCode.UNKNOWN_OPERATION))));
    assertEquals(Hex.of(Hex.bytes("""
        bf
          66 5f 5f 74 79 70 65
          76 53 65 72 69 61 6c 69 7a 61 74 69 6f 6e 45 78 63 65 70 74 69 6f 6e
        ff""")), Hex.of(codec.writeError(WireFormat.CBOR, WireError.withoutMessage(ErrorCode.SERIALIZATION))));
  }

  @Test
  void serializationExceptionSpellsItsMessageMemberWithCapitalM() {
    WireError error = WireError.of(ErrorCode.SERIALIZATION, "Start of list found where not expected");
    assertEquals("{\"__type\":\"SerializationException\",\"Message\":\"Start of list found where not expected\"}",
        utf8(codec.writeError(WireFormat.JSON, error)));
  }

  @Test
  void coralErrorHasTheOlderShape() {
    assertEquals("{\"Output\":{\"__type\":\"com.amazon.coral.service#UnknownOperationException\"},\"Version\":\"1.0\"}",
        utf8(codec.writeCoralError("UnknownOperationException")));
  }

  @Test
  void readsPrettyPrintedJson() throws IOException {
    JsonNode tree = codec.readTree("{\n  \"StreamName\" : \"orders\",\n  \"Limit\" : 10\n}\n"
        .getBytes(StandardCharsets.UTF_8), WireFormat.JSON);
    assertEquals("orders", tree.get("StreamName").textValue());
    assertEquals(10, tree.get("Limit").intValue());
  }

  @Test
  void readsIndefiniteLengthCborWithByteStringsAndTaggedTimestamps() throws IOException {
    JsonNode tree = codec.readTree(Hex.bytes("""
        bf
          64 44 61 74 61             45 68 65 6c 6c 6f
          69 54 69 6d 65 73 74 61 6d 70   c1 1b 00 00 01 a2 21 2b 10 7b
          67 52 65 63 6f 72 64 73    9f bf ff ff
        ff"""), WireFormat.CBOR);
    assertTrue(tree.get("Data").isBinary());
    assertArrayEquals("hello".getBytes(StandardCharsets.US_ASCII), tree.get("Data").binaryValue());
    assertEquals(1_795_852_800_123L, tree.get("Timestamp").longValue());
    assertEquals(1, tree.get("Records").size());
  }

  @Test
  void textAfterTheBodyIsNotAValidBody() {
    assertThrows(IOException.class,
        () -> codec.readTree("{} {}".getBytes(StandardCharsets.UTF_8), WireFormat.JSON));
    assertThrows(IOException.class, () -> codec.readTree(Hex.bytes("bf ff ff"), WireFormat.CBOR));
  }

  @Test
  void truncatedCborIsNotAValidBody() {
    assertThrows(IOException.class, () -> codec.readTree(Hex.bytes("bf 64 44 61"), WireFormat.CBOR));
  }

  @Test
  void wireErrorOfKinesisExceptionKeepsItsCodesStatus() {
    WireError error = WireError.of(io.tributary.core.error.KinesisException.limitExceeded("too many"));
    assertEquals(new WireError(400, "LimitExceededException", Optional.of("too many")), error);
  }
}
