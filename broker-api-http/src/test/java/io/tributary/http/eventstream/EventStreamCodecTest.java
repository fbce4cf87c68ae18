package io.tributary.http.eventstream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Byte-level vectors. The expected bytes were computed independently of this code, with
 * python3's {@code struct} and {@code zlib.crc32}; the first also appears in the AWS event-stream
 * documentation examples ({@code {"foo": "bar"}} without headers ends in {@code ae7258e4}).
 */
class EventStreamCodecTest {
  private static final HexFormat HEX = HexFormat.of();

  private static byte[] hex(String text) {
    return HEX.parseHex(text);
  }

  @Test
  void messageWithoutHeadersIsPreludeCrcPayloadAndMessageCrc() {
    EventStreamMessage message = new EventStreamMessage(Map.of(), "{\"foo\": \"bar\"}".getBytes(StandardCharsets.UTF_8));
    byte[] expected = hex("0000001e" + "00000000" + "baf2f68a" + "7b22666f6f223a2022626172227d" + "ae7258e4");
    assertEquals(HEX.formatHex(expected), HEX.formatHex(EventStreamCodec.encode(message)));
    assertEquals(message, EventStreamCodec.decode(expected));
  }

  @Test
  void kinesisInitialResponseIsByteForByteAsComputedIndependently() {
    EventStreamMessage message = EventStreamMessage.event("initial-response", "application/x-amz-json-1.1",
        "{}".getBytes(StandardCharsets.UTF_8));
    String expected = "00000072" + "00000060" + "ab820d9e"
        + "0b" + "3a6576656e742d74797065" + "07" + "0010" + "696e697469616c2d726573706f6e7365"
        + "0d" + "3a636f6e74656e742d74797065" + "07" + "001a"
        + "6170706c69636174696f6e2f782d616d7a2d6a736f6e2d312e31"
        + "0d" + "3a6d6573736167652d74797065" + "07" + "0005" + "6576656e74"
        + "7b7d" + "acae6b7d";
    assertEquals(expected, HEX.formatHex(EventStreamCodec.encode(message)));
  }

  @Test
  void everyHeaderTypeEncodesAsTheSpecDefinesIt() {
    Map<String, HeaderValue> headers = new LinkedHashMap<>();
    headers.put("t", new HeaderValue.BooleanValue(true));
    headers.put("f", new HeaderValue.BooleanValue(false));
    headers.put("b", new HeaderValue.ByteValue((byte) -2));
    headers.put("s", new HeaderValue.ShortValue((short) -300));
    headers.put("i", new HeaderValue.IntValue(70_000));
    headers.put("l", new HeaderValue.LongValue(1L << 40));
    headers.put("y", new HeaderValue.BytesValue(new byte[] {0, (byte) 0xff}));
    headers.put("u", new HeaderValue.StringValue("é!"));
    headers.put("d", new HeaderValue.TimestampValue(Instant.parse("2026-11-28T08:00:00Z")));
    headers.put("g", new HeaderValue.UuidValue(UUID.fromString("00112233-4455-6677-8899-aabbccddeeff")));
    EventStreamMessage message = new EventStreamMessage(headers, new byte[0]);
    String expected = "0000005e0000004e7365c254" + "017400" + "016601" + "016202fe" + "017303fed4"
        + "01690400011170" + "016c050000010000000000" + "017906000200ff" + "0175070003c3a921"
        + "016408000001a2212b1000" + "0167090011223344556677" + "8899aabbccddeeff" + "d9a8720e";
    byte[] encoded = EventStreamCodec.encode(message);
    assertEquals(expected, HEX.formatHex(encoded));
    assertEquals(message, EventStreamCodec.decode(encoded));
  }

  @Test
  void corruptedPreludeIsRefusedBeforeTheLengthsAreTrusted() {
    byte[] bytes = hex("0000001e00000000baf2f68a7b22666f6f223a2022626172227dae7258e4");
    bytes[7] = 1;
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EventStreamCodec.decode(bytes));
    assertEquals("event-stream prelude CRC does not match", e.getMessage());
  }

  @Test
  void corruptedPayloadFailsTheMessageCrc() {
    byte[] bytes = hex("0000001e00000000baf2f68a7b22666f6f223a2022626172227dae7258e4");
    bytes[14] ^= 1;
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EventStreamCodec.decode(bytes));
    assertEquals("event-stream message CRC does not match", e.getMessage());
  }

  @Test
  void truncatedMessageIsRefused() {
    byte[] bytes = hex("0000001e00000000baf2f68a7b22666f6f");
    assertThrows(IllegalArgumentException.class, () -> EventStreamCodec.decode(bytes));
  }

  @Test
  void exceptionMessageNamesItsTypeInTheHeaders() {
    byte[] payload = "{\"message\":\"gone\"}".getBytes(StandardCharsets.UTF_8);
    EventStreamMessage decoded = EventStreamCodec.decode(EventStreamCodec.encode(
        EventStreamMessage.exception("ResourceNotFoundException", "application/x-amz-json-1.1", payload)));
    assertEquals("exception", decoded.stringHeader(EventStreamMessage.MESSAGE_TYPE).orElseThrow());
    assertEquals("ResourceNotFoundException", decoded.stringHeader(EventStreamMessage.EXCEPTION_TYPE).orElseThrow());
    assertArrayEquals(payload, decoded.payload());
  }
}
