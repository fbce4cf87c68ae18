package io.tributary.cli.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The vectors below were built outside Java, with Python's struct and zlib.crc32, so that the
 * decoder is not checked against an encoder sharing its mistakes:
 * <pre>
 * def message(headers, payload, total=None, headers_length=None):
 *     prelude = struct.pack('>II', total or 16 + len(headers) + len(payload),
 *                           len(headers) if headers_length is None else headers_length)
 *     prelude += struct.pack('>I', zlib.crc32(prelude))
 *     body = prelude + headers + payload
 *     return body + struct.pack('>I', zlib.crc32(body))
 * def header(name, type_code, value): return struct.pack('>B', len(name)) + name + struct.pack('>B', type_code) + value
 * def string_header(name, value): return header(name, 7, struct.pack('>H', len(value)) + value)
 * </pre>
 * {@link #FOO_BAR} is also the example of the AWS documentation ("Event stream encoding").
 */
class EventStreamDecoderTest {

    /** No headers, payload {@code {"foo": "bar"}}. */
    static final String FOO_BAR = "0000001e00000000baf2f68a7b22666f6f223a2022626172227dae7258e4";
    /** :event-type initial-response, :content-type application/x-amz-json-1.1, :message-type event; payload {}. */
    static final String INITIAL_RESPONSE = "0000007200000060ab820d9e0b3a6576656e742d74797065070010696e697469616c2d7265"
            + "73706f6e73650d3a636f6e74656e742d7479706507001a6170706c69636174696f6e2f782d616d7a2d6a736f6e2d312e310d"
            + "3a6d6573736167652d747970650700056576656e747b7dacae6b7d";
    /** A SubscribeToShardEvent with one record, {@code Data} "aGVsbG8=" ("hello"). */
    static final String EVENT = "0000018b00000065559018980b3a6576656e742d74797065070015537562736372696265546f536861"
            + "72644576656e740d3a636f6e74656e742d7479706507001a6170706c69636174696f6e2f782d616d7a2d6a736f6e2d312e31"
            + "0d3a6d6573736167652d747970650700056576656e747b225265636f726473223a5b7b2253657175656e63654e756d626572"
            + "223a223439353930333338323731343930323536363038353539363932353338333631353731303935393231353735393839"
            + "313336353838383938222c22417070726f78696d6174654172726976616c54696d657374616d70223a312e3765392c224461"
            + "7461223a22614756736247383d222c22506172746974696f6e4b6579223a2270302d30227d5d2c22436f6e74696e75617469"
            + "6f6e53657175656e63654e756d626572223a22343935393033333832373134393032353636303835353936393235333833363135"
            + "3731303935393231353735393839313336353838383938222c224d696c6c6973426568696e644c6174657374223a307d8cd81322";
    /** :exception-type ResourceNotFoundException, :message-type exception; payload {"message":"Consumer c not found."}. */
    static final String EXCEPTION = "000000a400000071c787a7950f3a657863657074696f6e2d747970650700195265736f75726365"
            + "4e6f74466f756e64457863657074696f6e0d3a636f6e74656e742d7479706507001a6170706c69636174696f6e2f782d616d"
            + "7a2d6a736f6e2d312e310d3a6d6573736167652d74797065070009657863657074696f6e7b226d657373616765223a22436f"
            + "6e73756d65722063206e6f7420666f756e642e227de3b9cf22";
    /** One header of each of the ten value types, then :message-type event; payload "x". */
    static final String ALL_TYPES = "0000007900000068d289b4bd017400016601016202fe017303fed401690400011170016c050000"
            + "01000000000001790600030001ff017a070005636166c3a9027473080000018bcfe5687b017509123456789abcdef0123456"
            + "789abcdef00d3a6d6573736167652d747970650700056576656e7478e6c8ab3d";
    /** A valid prelude CRC over a headers length of 100 in an 18-byte message. */
    static final String HEADERS_TOO_LONG = "000000120000006435ddbeca7b7dfee0c64e";
    /** A valid prelude CRC over a total length of 8. */
    static final String TOTAL_TOO_SHORT = "0000000800000000555294a89ec605fd";
    /** A header of value type 10, which does not exist. */
    static final String UNKNOWN_TYPE = "0000001300000003db6b638101780a64ab3f3a";

    @Test
    void documentedExampleIsAPayloadWithoutHeaders() throws IOException {
        EventStreamMessage message = decoder(FOO_BAR).next();

        assertEquals(Map.of(), message.headers());
        assertEquals("{\"foo\": \"bar\"}", new String(message.payload(), StandardCharsets.UTF_8));
    }

    @Test
    void initialResponseCarriesItsThreeStringHeadersInWireOrder() throws IOException {
        EventStreamMessage message = decoder(INITIAL_RESPONSE).next();

        assertEquals(List.of(":event-type", ":content-type", ":message-type"), List.copyOf(message.headers().keySet()));
        assertEquals("initial-response", message.stringHeader(EventStreamMessage.EVENT_TYPE));
        assertEquals("application/x-amz-json-1.1", message.stringHeader(EventStreamMessage.CONTENT_TYPE));
        assertFalse(message.isException());
        assertEquals("{}", new String(message.payload(), StandardCharsets.UTF_8));
    }

    @Test
    void exceptionMessageIsMarkedAsOneAndNamesItsType() throws IOException {
        EventStreamMessage message = decoder(EXCEPTION).next();

        assertTrue(message.isException());
        assertEquals("ResourceNotFoundException", message.stringHeader(EventStreamMessage.EXCEPTION_TYPE));
        assertEquals("{\"message\":\"Consumer c not found.\"}", new String(message.payload(), StandardCharsets.UTF_8));
    }

    @Test
    void everyHeaderValueTypeIsDecodedAndTheHeadersAfterThemStillFound() throws IOException {
        EventStreamMessage message = decoder(ALL_TYPES).next();

        Map<String, Object> headers = message.headers();
        assertEquals(Boolean.TRUE, headers.get("t"));
        assertEquals(Boolean.FALSE, headers.get("f"));
        assertEquals((byte) -2, headers.get("b"));
        assertEquals((short) -300, headers.get("s"));
        assertEquals(70_000, headers.get("i"));
        assertEquals(1L << 40, headers.get("l"));
        assertArrayEquals(new byte[] {0, 1, (byte) 0xff}, (byte[]) headers.get("y"));
        assertEquals("caf\u00e9", message.stringHeader("z"));
        assertEquals(Instant.ofEpochMilli(1_700_000_000_123L), headers.get("ts"));
        assertEquals(UUID.fromString("12345678-9abc-def0-1234-56789abcdef0"), headers.get("u"));
        assertNull(message.stringHeader("i"));
        assertEquals("event", message.stringHeader(EventStreamMessage.MESSAGE_TYPE));
        assertEquals("x", new String(message.payload(), StandardCharsets.UTF_8));
    }

    @Test
    void messagesFollowOneAnotherAndAnEndBetweenThemGivesNull() throws IOException {
        EventStreamDecoder decoder = decoder(INITIAL_RESPONSE + EVENT + EXCEPTION);

        assertEquals("initial-response", decoder.next().stringHeader(EventStreamMessage.EVENT_TYPE));
        assertEquals("SubscribeToShardEvent", decoder.next().stringHeader(EventStreamMessage.EVENT_TYPE));
        assertTrue(decoder.next().isException());
        assertNull(decoder.next());
        assertNull(decoder.next());
    }

    @Test
    void messagesArrivingOneByteAtATimeDecodeTheSame() throws IOException {
        byte[] bytes = HexFormat.of().parseHex(INITIAL_RESPONSE + EVENT);
        EventStreamDecoder whole = new EventStreamDecoder(new ByteArrayInputStream(bytes));
        EventStreamDecoder trickle = new EventStreamDecoder(new OneByteAtATime(bytes));

        assertEquals(whole.next(), trickle.next());
        assertEquals(whole.next(), trickle.next());
        assertNull(trickle.next());
    }

    @Test
    void changedPayloadByteFailsTheMessageCrc() {
        byte[] bytes = HexFormat.of().parseHex(EVENT);
        bytes[bytes.length - 10] ^= 0x01;

        EventStreamFormatException e = assertThrows(EventStreamFormatException.class,
                () -> new EventStreamDecoder(new ByteArrayInputStream(bytes)).next());

        assertTrue(e.getMessage().startsWith("message CRC"), e.getMessage());
    }

    @Test
    void changedMessageCrcByteFailsTheMessageCrc() {
        byte[] bytes = HexFormat.of().parseHex(FOO_BAR);
        bytes[bytes.length - 1] ^= 0x80;

        EventStreamFormatException e = assertThrows(EventStreamFormatException.class,
                () -> new EventStreamDecoder(new ByteArrayInputStream(bytes)).next());

        assertTrue(e.getMessage().startsWith("message CRC"), e.getMessage());
    }

    @Test
    void changedLengthByteFailsThePreludeCrcBeforeTheLengthIsTrusted() {
        byte[] bytes = HexFormat.of().parseHex(FOO_BAR);
        bytes[0] = 0x7f;

        EventStreamFormatException e = assertThrows(EventStreamFormatException.class,
                () -> new EventStreamDecoder(new ByteArrayInputStream(bytes)).next());

        assertTrue(e.getMessage().startsWith("prelude CRC"), e.getMessage());
    }

    @Test
    void headersLongerThanTheMessageAreRejectedDespiteAValidPreludeCrc() {
        EventStreamFormatException e = assertThrows(EventStreamFormatException.class,
                () -> decoder(HEADERS_TOO_LONG).next());

        assertTrue(e.getMessage().startsWith("headers length 100"), e.getMessage());
    }

    @Test
    void totalLengthBelowSixteenBytesIsRejectedDespiteAValidPreludeCrc() {
        EventStreamFormatException e = assertThrows(EventStreamFormatException.class,
                () -> decoder(TOTAL_TOO_SHORT).next());

        assertTrue(e.getMessage().startsWith("message length 8"), e.getMessage());
    }

    @Test
    void headerOfUnknownValueTypeIsRejected() {
        EventStreamFormatException e = assertThrows(EventStreamFormatException.class,
                () -> decoder(UNKNOWN_TYPE).next());

        assertTrue(e.getMessage().contains("unknown value type 10"), e.getMessage());
    }

    @Test
    void streamEndingInsideThePreludeIsAFormatError() {
        byte[] bytes = Arrays.copyOf(HexFormat.of().parseHex(FOO_BAR), 7);

        EventStreamFormatException e = assertThrows(EventStreamFormatException.class,
                () -> new EventStreamDecoder(new ByteArrayInputStream(bytes)).next());

        assertTrue(e.getMessage().contains("after 7 of 12 bytes"), e.getMessage());
    }

    @Test
    void streamEndingInsideTheBodyIsAFormatErrorAfterTheMessagesBeforeIt() throws IOException {
        byte[] whole = HexFormat.of().parseHex(FOO_BAR + EVENT);
        EventStreamDecoder decoder = new EventStreamDecoder(new ByteArrayInputStream(Arrays.copyOf(whole, whole.length - 1)));

        decoder.next();
        EventStreamFormatException e = assertThrows(EventStreamFormatException.class, decoder::next);

        assertTrue(e.getMessage().contains("of 395 bytes"), e.getMessage());
    }

    @Test
    void eventStreamBytesOfTheTestsMatchThePythonVectors() {
        assertEquals(INITIAL_RESPONSE, HexFormat.of().formatHex(EventStreamBytes.initialResponse()));
        assertEquals(EXCEPTION, HexFormat.of().formatHex(
                EventStreamBytes.exception("ResourceNotFoundException", "Consumer c not found.")));
    }

    private static EventStreamDecoder decoder(String hex) {
        return new EventStreamDecoder(new ByteArrayInputStream(HexFormat.of().parseHex(hex)));
    }

    /** A stream that hands out a single byte per read, as a slow network might. */
    private static final class OneByteAtATime extends InputStream {
        private final byte[] bytes;
        private int position;

        OneByteAtATime(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public int read() {
            return position < bytes.length ? bytes[position++] & 0xff : -1;
        }

        @Override
        public int read(byte[] target, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            int b = read();
            if (b < 0) {
                return -1;
            }
            target[offset] = (byte) b;
            return 1;
        }
    }
}
