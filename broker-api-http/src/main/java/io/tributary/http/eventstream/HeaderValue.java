package io.tributary.http.eventstream;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;

/**
 * A typed event-stream header value, one of the ten the encoding defines; {@link #typeCode()} is
 * the byte that precedes it on the wire.
 */
public sealed interface HeaderValue {

  /** The wire type byte: 0 true, 1 false, 2 byte, 3 short, 4 int, 5 long, 6 bytes, 7 string, 8 timestamp, 9 UUID. */
  int typeCode();

  record BooleanValue(boolean value) implements HeaderValue {
    @Override
    public int typeCode() {
      return value ? 0 : 1;
    }
  }

  record ByteValue(byte value) implements HeaderValue {
    @Override
    public int typeCode() {
      return 2;
    }
  }

  record ShortValue(short value) implements HeaderValue {
    @Override
    public int typeCode() {
      return 3;
    }
  }

  record IntValue(int value) implements HeaderValue {
    @Override
    public int typeCode() {
      return 4;
    }
  }

  record LongValue(long value) implements HeaderValue {
    @Override
    public int typeCode() {
      return 5;
    }
  }

  /** At most 32,767 bytes (a 2-byte length). */
  record BytesValue(byte[] value) implements HeaderValue {
    public BytesValue {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public int typeCode() {
      return 6;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof BytesValue other && Arrays.equals(value, other.value);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(value);
    }
  }

  /** At most 32,767 bytes of UTF-8 (a 2-byte length). */
  record StringValue(String value) implements HeaderValue {
    public StringValue {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public int typeCode() {
      return 7;
    }
  }

  /** Epoch milliseconds on the wire. */
  record TimestampValue(Instant value) implements HeaderValue {
    public TimestampValue {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public int typeCode() {
      return 8;
    }
  }

  record UuidValue(UUID value) implements HeaderValue {
    public UuidValue {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public int typeCode() {
      return 9;
    }
  }

  static HeaderValue of(String value) {
    return new StringValue(value);
  }
}
