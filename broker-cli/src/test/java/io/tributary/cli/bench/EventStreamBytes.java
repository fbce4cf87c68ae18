package io.tributary.cli.bench;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Builds the bytes a Kinesis endpoint sends for SubscribeToShard over HTTP/1.1, for tests: event
 * messages with string headers, chunks of a chunked body, and the response head. The message
 * encoding is checked against the Python-built vectors of {@link EventStreamDecoderTest}.
 *
 * <p>Stateless.
 */
final class EventStreamBytes {

    static final byte[] LAST_CHUNK = ascii("0\r\n\r\n");

    private EventStreamBytes() {
    }

    /** A 200 answer with an event-stream body in chunked transfer coding; its chunks follow. */
    static byte[] head() {
        return ascii("HTTP/1.1 200 OK\r\nContent-Type: application/vnd.amazon.eventstream\r\n"
                + "Transfer-Encoding: chunked\r\nx-amzn-RequestId: r1\r\n\r\n");
    }

    /** An event message, headers in the order Tributary writes them. */
    static byte[] event(String eventType, String payload) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(":event-type", eventType);
        headers.put(":content-type", "application/x-amz-json-1.1");
        headers.put(":message-type", "event");
        return message(headers, payload.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] initialResponse() {
        return event("initial-response", "{}");
    }

    static byte[] exception(String exceptionType, String message) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(":exception-type", exceptionType);
        headers.put(":content-type", "application/x-amz-json-1.1");
        headers.put(":message-type", "exception");
        return message(headers, ("{\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    static byte[] message(Map<String, String> stringHeaders, byte[] payload) {
        ByteArrayOutputStream headers = new ByteArrayOutputStream();
        stringHeaders.forEach((name, value) -> {
            byte[] n = name.getBytes(StandardCharsets.UTF_8);
            byte[] v = value.getBytes(StandardCharsets.UTF_8);
            headers.write(n.length);
            headers.writeBytes(n);
            headers.write(7);
            headers.write(v.length >>> 8);
            headers.write(v.length & 0xff);
            headers.writeBytes(v);
        });
        int total = 16 + headers.size() + payload.length;
        ByteBuffer out = ByteBuffer.allocate(total);
        out.putInt(total).putInt(headers.size()).putInt(crc(out.array(), 8));
        out.put(headers.toByteArray()).put(payload);
        out.putInt(crc(out.array(), total - 4));
        return out.array();
    }

    /** One chunk of a chunked body. */
    static byte[] chunk(byte[] data) {
        return concat(ascii(Integer.toHexString(data.length) + "\r\n"), data, ascii("\r\n"));
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static int crc(byte[] bytes, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, length);
        return (int) crc.getValue();
    }
}
