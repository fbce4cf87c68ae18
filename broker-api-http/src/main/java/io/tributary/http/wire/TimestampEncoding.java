package io.tributary.http.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * How a timestamp member looks in each wire format: the one place where writing a response
 * differs between JSON and CBOR.
 *
 * <ul>
 *   <li>JSON: a number of epoch seconds. Requests may send an integer or a fraction; responses
 *       carry Java's {@code Double.toString} of the seconds, exactly as AWS writes them (the
 *       GetRecords example in the Kinesis API reference shows
 *       {@code "ApproximateArrivalTimestamp": 1.441215410867E9}).
 *   <li>CBOR: CBOR tag 1 followed by a number of epoch <em>milliseconds</em>, as the AWS SDK for
 *       Java v2 writes and reads them (not the seconds RFC 8949 intends for tag 1). Responses
 *       write an integer.
 * </ul>
 *
 * <p>Requests' tags are not checked: Jackson's CBOR parser reports a tagged number as a number.
 */
public enum TimestampEncoding {
  EPOCH_SECONDS {
    @Override
    public void writeField(JsonGenerator out, String name, Instant value) throws IOException {
      out.writeFieldName(name);
      out.writeNumber(value.toEpochMilli() / 1000.0);
    }

    @Override
    Instant read(BigDecimal number) {
      return fromMillis(number.movePointRight(3));
    }
  },
  TAGGED_EPOCH_MILLIS {
    @Override
    public void writeField(JsonGenerator out, String name, Instant value) throws IOException {
      out.writeFieldName(name);
      ((CBORGenerator) out).writeTag(CBOR_EPOCH_TAG);
      out.writeNumber(value.toEpochMilli());
    }

    @Override
    Instant read(BigDecimal number) {
      return fromMillis(number);
    }
  };

  /** CBOR's "epoch-based date/time" tag. */
  static final int CBOR_EPOCH_TAG = 1;

  private static final BigDecimal MIN_MILLIS = BigDecimal.valueOf(Long.MIN_VALUE);
  private static final BigDecimal MAX_MILLIS = BigDecimal.valueOf(Long.MAX_VALUE);

  public static TimestampEncoding of(WireFormat format) {
    return format == WireFormat.CBOR ? TAGGED_EPOCH_MILLIS : EPOCH_SECONDS;
  }

  /** Writes {@code name} and the timestamp; millisecond precision, as Kinesis keeps. */
  public abstract void writeField(JsonGenerator out, String name, Instant value) throws IOException;

  /** Reads a numeric timestamp member; the caller has checked that the node is a number. */
  public Instant read(JsonNode number) {
    return read(WireObject.decimal(number));
  }

  abstract Instant read(BigDecimal number);

  /** Clamps to the range of epoch milliseconds, which is all the domain can represent. */
  private static Instant fromMillis(BigDecimal millis) {
    BigDecimal clamped = millis.max(MIN_MILLIS).min(MAX_MILLIS);
    BigDecimal whole = clamped.setScale(0, RoundingMode.FLOOR);
    long nanos = clamped.subtract(whole).movePointRight(6).setScale(0, RoundingMode.FLOOR).longValueExact();
    return Instant.ofEpochMilli(whole.longValueExact()).plusNanos(nanos);
  }
}
