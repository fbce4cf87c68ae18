package io.tributary.http.eventstream;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.CRC32;

/**
 * The AWS event-stream binary encoding, as the Transcribe and Lex developer guides document it
 * ("Event stream encoding"). All integers are big-endian:
 *
 * <pre>
 *   total length      4    the whole message, these 4 bytes and both CRCs included
 *   headers length    4    the headers section only
 *   prelude CRC       4    CRC-32 of the 8 bytes above
 *   headers           *    per header: name length (1), name (UTF-8), value type (1), value
 *   payload           *
 *   message CRC       4    CRC-32 of everything before it, prelude CRC included
 * </pre>
 *
 * <p>Values by type: 0 and 1 (true, false) have no bytes; 2 byte (1), 3 short (2), 4 int (4),
 * 5 long (8), 8 timestamp (8, epoch millis), 9 UUID (16); 6 bytes and 7 string have a 2-byte
 * length first. CRC-32 is the IEEE/zlib one ({@link CRC32}). For example a message with no
 * headers and the payload {@code {"foo": "bar"}} is
 * {@code 0000001e 00000000 baf2f68a 7b22666f6f223a2022626172227d ae7258e4}.
 *
 * <p>Stateless; thread-safe.
 */
public final class EventStreamCodec {
  /** Prelude (8), prelude CRC (4) and message CRC (4). */
  static final int OVERHEAD_BYTES = 16;
  /** The encoding's limits: 16 MiB per message, 128 KiB of headers. */
  static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;
  static final int MAX_HEADERS_BYTES = 128 * 1024;

  private EventStreamCodec() {}

  /** The message's bytes. */
  public static byte[] encode(EventStreamMessage message) {
    byte[] headers = encodeHeaders(message.headers());
    int total = OVERHEAD_BYTES + headers.length + message.payload().length;
    if (headers.length > MAX_HEADERS_BYTES || total > MAX_MESSAGE_BYTES) {
      throw new IllegalArgumentException("event-stream message over the encoding's limits: " + total + " bytes, "
          + headers.length + " of headers");
    }
    ByteBuffer out = ByteBuffer.allocate(total);
    out.putInt(total).putInt(headers.length);
    out.putInt(crc(out.array(), 0, 8));
    out.put(headers).put(message.payload());
    out.putInt(crc(out.array(), 0, total - 4));
    return out.array();
  }

  /**
   * Reads one message that fills {@code bytes} exactly.
   *
   * @throws IllegalArgumentException if the lengths disagree, a CRC does not match or a header
   *     is malformed
   */
  public static EventStreamMessage decode(byte[] bytes) {
    try {
      ByteBuffer in = ByteBuffer.wrap(bytes);
      int total = in.getInt();
      int headersLength = in.getInt();
      if (total != bytes.length || total < OVERHEAD_BYTES || headersLength < 0
          || headersLength > total - OVERHEAD_BYTES) {
        throw new IllegalArgumentException("bad event-stream lengths: total " + total + ", headers " + headersLength
            + ", " + bytes.length + " bytes given");
      }
      if (in.getInt() != crc(bytes, 0, 8)) {
        throw new IllegalArgumentException("event-stream prelude CRC does not match");
      }
      if (ByteBuffer.wrap(bytes, total - 4, 4).getInt() != crc(bytes, 0, total - 4)) {
        throw new IllegalArgumentException("event-stream message CRC does not match");
      }
      ByteBuffer headerBytes = ByteBuffer.wrap(bytes, 12, headersLength).slice();
      Map<String, HeaderValue> headers = new LinkedHashMap<>();
      while (headerBytes.hasRemaining()) {
        String name = string(headerBytes, headerBytes.get() & 0xff);
        headers.put(name, value(headerBytes));
      }
      byte[] payload = new byte[total - OVERHEAD_BYTES - headersLength];
      System.arraycopy(bytes, 12 + headersLength, payload, 0, payload.length);
      return new EventStreamMessage(headers, payload);
    } catch (BufferUnderflowException e) {
      throw new IllegalArgumentException("truncated event-stream message", e);
    }
  }

  private static byte[] encodeHeaders(Map<String, HeaderValue> headers) {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(128);
    for (Map.Entry<String, HeaderValue> header : headers.entrySet()) {
      byte[] name = header.getKey().getBytes(StandardCharsets.UTF_8);
      if (name.length == 0 || name.length > 255) {
        throw new IllegalArgumentException("header name must be 1 to 255 bytes: " + header.getKey());
      }
      bytes.write(name.length);
      bytes.writeBytes(name);
      HeaderValue value = header.getValue();
      bytes.write(value.typeCode());
      bytes.writeBytes(valueBytes(value));
    }
    return bytes.toByteArray();
  }

  private static byte[] valueBytes(HeaderValue value) {
    if (value instanceof HeaderValue.BooleanValue) {
      return new byte[0];
    } else if (value instanceof HeaderValue.ByteValue b) {
      return new byte[] {b.value()};
    } else if (value instanceof HeaderValue.ShortValue s) {
      return ByteBuffer.allocate(2).putShort(s.value()).array();
    } else if (value instanceof HeaderValue.IntValue i) {
      return ByteBuffer.allocate(4).putInt(i.value()).array();
    } else if (value instanceof HeaderValue.LongValue l) {
      return ByteBuffer.allocate(8).putLong(l.value()).array();
    } else if (value instanceof HeaderValue.BytesValue b) {
      return withLength(b.value());
    } else if (value instanceof HeaderValue.StringValue s) {
      return withLength(s.value().getBytes(StandardCharsets.UTF_8));
    } else if (value instanceof HeaderValue.TimestampValue t) {
      return ByteBuffer.allocate(8).putLong(t.value().toEpochMilli()).array();
    } else {
      UUID uuid = ((HeaderValue.UuidValue) value).value();
      return ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits())
          .array();
    }
  }

  private static byte[] withLength(byte[] value) {
    if (value.length > Short.MAX_VALUE) {
      throw new IllegalArgumentException("header value over 32767 bytes: " + value.length);
    }
    return ByteBuffer.allocate(2 + value.length).putShort((short) value.length).put(value).array();
  }

  private static HeaderValue value(ByteBuffer in) {
    int type = in.get();
    return switch (type) {
      case 0 -> new HeaderValue.BooleanValue(true);
      case 1 -> new HeaderValue.BooleanValue(false);
      case 2 -> new HeaderValue.ByteValue(in.get());
      case 3 -> new HeaderValue.ShortValue(in.getShort());
      case 4 -> new HeaderValue.IntValue(in.getInt());
      case 5 -> new HeaderValue.LongValue(in.getLong());
      case 6 -> {
        byte[] b = new byte[in.getShort() & 0xffff];
        in.get(b);
        yield new HeaderValue.BytesValue(b);
      }
      case 7 -> new HeaderValue.StringValue(string(in, in.getShort() & 0xffff));
      case 8 -> new HeaderValue.TimestampValue(Instant.ofEpochMilli(in.getLong()));
      case 9 -> new HeaderValue.UuidValue(new UUID(in.getLong(), in.getLong()));
      default -> throw new IllegalArgumentException("unknown event-stream header type " + type);
    };
  }

  private static String string(ByteBuffer in, int length) {
    byte[] b = new byte[length];
    in.get(b);
    return new String(b, StandardCharsets.UTF_8);
  }

  private static int crc(byte[] bytes, int offset, int length) {
    CRC32 crc = new CRC32();
    crc.update(bytes, offset, length);
    return (int) crc.getValue();
  }
}
