package io.tributary.cli.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.CRC32;

/**
 * Reads AWS event-stream messages, one after another, from a byte stream: the body of a
 * SubscribeToShard response. The encoding, as the Transcribe developer guide documents it
 * ("Event stream encoding"), big-endian throughout:
 * <pre>
 *   total length     u32   the whole message, these 4 bytes and both CRCs included
 *   headers length   u32   the headers section only
 *   prelude CRC      u32   CRC-32 of the 8 bytes above
 *   headers          ...   per header: name length u8, name (UTF-8), type u8, value
 *   payload          ...   total - headers length - 16 bytes
 *   message CRC      u32   CRC-32 of everything before it, prelude CRC included
 * </pre>
 * Header values by type: 0 true and 1 false (no bytes), 2 byte (1), 3 short (2), 4 int (4),
 * 5 long (8), 6 bytes and 7 string (u16 length, then the bytes), 8 timestamp (8, epoch millis),
 * 9 UUID (16). CRC-32 is the IEEE / zlib one, {@link CRC32}. For example, a message with no
 * headers and the payload {@code {"foo": "bar"}} is
 * {@code 0000001e 00000000 baf2f68a 7b22666f6f223a2022626172227d ae7258e4}.
 *
 * <p>Both CRCs are checked, the prelude's before its lengths are trusted. Messages may straddle
 * the reads of the underlying stream (and the chunks of an HTTP/1.1 body) in any way.
 *
 * <p>Confined to the thread reading the stream.
 */
final class EventStreamDecoder {

    /** The two lengths and the prelude CRC. */
    static final int PRELUDE_BYTES = 12;
    /** Prelude and message CRC: a message with no headers and no payload. */
    static final int MIN_MESSAGE_BYTES = 16;
    /** The encoding's limits: 16 MiB per message, 128 KiB of headers. */
    static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;
    static final int MAX_HEADERS_BYTES = 128 * 1024;

    private final InputStream in;
    private final byte[] prelude = new byte[PRELUDE_BYTES];

    EventStreamDecoder(InputStream in) {
        this.in = in;
    }

    /**
     * Reads the next message, blocking until all of it has arrived.
     *
     * @return the message, or null if the stream ended cleanly, between two messages
     * @throws EventStreamFormatException if the bytes are not a well-formed message, or the stream
     *     ends inside one
     * @throws IOException if the underlying stream fails
     */
    EventStreamMessage next() throws IOException {
        int got = in.readNBytes(prelude, 0, PRELUDE_BYTES);
        if (got == 0) {
            return null;
        }
        if (got < PRELUDE_BYTES) {
            throw new EventStreamFormatException("stream ended inside a message prelude, after " + got + " of "
                    + PRELUDE_BYTES + " bytes");
        }
        ByteBuffer preludeBuffer = ByteBuffer.wrap(prelude);
        int totalLength = preludeBuffer.getInt(0);
        int headersLength = preludeBuffer.getInt(4);
        if (preludeBuffer.getInt(8) != crc32(prelude, 0, 8)) {
            throw new EventStreamFormatException(String.format("prelude CRC %08x does not match its bytes, CRC %08x",
                    preludeBuffer.getInt(8), crc32(prelude, 0, 8)));
        }
        // As unsigned u32s, lengths over 2^31 are negative ints here: far over the limits either way.
        if (totalLength < MIN_MESSAGE_BYTES || totalLength > MAX_MESSAGE_BYTES) {
            throw new EventStreamFormatException("message length " + Integer.toUnsignedString(totalLength)
                    + " is outside " + MIN_MESSAGE_BYTES + " to " + MAX_MESSAGE_BYTES);
        }
        if (headersLength < 0 || headersLength > MAX_HEADERS_BYTES
                || headersLength > totalLength - MIN_MESSAGE_BYTES) {
            throw new EventStreamFormatException("headers length " + Integer.toUnsignedString(headersLength)
                    + " does not fit a message of " + totalLength + " bytes");
        }
        byte[] rest = new byte[totalLength - PRELUDE_BYTES];
        got = in.readNBytes(rest, 0, rest.length);
        if (got < rest.length) {
            throw new EventStreamFormatException("stream ended inside a message, after " + (PRELUDE_BYTES + got)
                    + " of " + totalLength + " bytes");
        }
        CRC32 crc = new CRC32();
        crc.update(prelude, 0, PRELUDE_BYTES);
        crc.update(rest, 0, rest.length - 4);
        int messageCrc = ByteBuffer.wrap(rest).getInt(rest.length - 4);
        if (messageCrc != (int) crc.getValue()) {
            throw new EventStreamFormatException(String.format("message CRC %08x does not match its bytes, CRC %08x",
                    messageCrc, (int) crc.getValue()));
        }
        return new EventStreamMessage(headers(ByteBuffer.wrap(rest, 0, headersLength).slice()),
                Arrays.copyOfRange(rest, headersLength, rest.length - 4));
    }

    private static Map<String, Object> headers(ByteBuffer in) throws EventStreamFormatException {
        Map<String, Object> headers = new LinkedHashMap<>();
        try {
            while (in.hasRemaining()) {
                int nameLength = in.get() & 0xff;
                if (nameLength == 0) {
                    throw new EventStreamFormatException("header with an empty name");
                }
                String name = string(in, nameLength);
                headers.put(name, value(in, name));
            }
        } catch (BufferUnderflowException e) {
            throw new EventStreamFormatException("headers section ends inside a header", e);
        }
        return headers;
    }

    private static Object value(ByteBuffer in, String name) throws EventStreamFormatException {
        int type = in.get() & 0xff;
        return switch (type) {
            case 0 -> Boolean.TRUE;
            case 1 -> Boolean.FALSE;
            case 2 -> in.get();
            case 3 -> in.getShort();
            case 4 -> in.getInt();
            case 5 -> in.getLong();
            case 6 -> {
                byte[] bytes = new byte[in.getShort() & 0xffff];
                in.get(bytes);
                yield bytes;
            }
            case 7 -> string(in, in.getShort() & 0xffff);
            case 8 -> Instant.ofEpochMilli(in.getLong());
            case 9 -> new UUID(in.getLong(), in.getLong());
            default -> throw new EventStreamFormatException("header " + name + " has unknown value type " + type);
        };
    }

    private static String string(ByteBuffer in, int length) {
        byte[] bytes = new byte[length];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static int crc32(byte[] bytes, int offset, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }
}
