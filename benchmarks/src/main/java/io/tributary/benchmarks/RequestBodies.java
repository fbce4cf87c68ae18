package io.tributary.benchmarks;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import io.tributary.http.wire.WireFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;

/**
 * Request bodies as the bench client and the AWS SDKs send them: PutRecords with random data and
 * distinct partition keys, in JSON (base64 text) or CBOR (byte strings). Stateless.
 */
public final class RequestBodies {
  private RequestBodies() {}

  /** A PutRecords body of {@code records} records of {@code recordBytes} random bytes each. */
  public static byte[] putRecords(WireFormat format, String streamName, int records, int recordBytes) {
    Random random = new Random(records * 31L + recordBytes);
    return write(format, out -> {
      out.writeStartObject();
      out.writeStringField("StreamName", streamName);
      out.writeArrayFieldStart("Records");
      for (int i = 0; i < records; i++) {
        byte[] data = new byte[recordBytes];
        random.nextBytes(data);
        out.writeStartObject();
        out.writeBinaryField("Data", data);
        out.writeStringField("PartitionKey", "partition-key-" + random.nextInt(1_000_000));
        out.writeEndObject();
      }
      out.writeEndArray();
      out.writeEndObject();
    });
  }

  /** A PutRecord body of one record of {@code recordBytes} random bytes. */
  public static byte[] putRecord(WireFormat format, String streamName, int recordBytes) {
    byte[] data = new byte[recordBytes];
    new Random(recordBytes).nextBytes(data);
    return write(format, out -> {
      out.writeStartObject();
      out.writeStringField("StreamName", streamName);
      out.writeBinaryField("Data", data);
      out.writeStringField("PartitionKey", "partition-key-1");
      out.writeEndObject();
    });
  }

  /** Writes one body. */
  public interface Body {
    void write(JsonGenerator out) throws IOException;
  }

  public static byte[] write(WireFormat format, Body body) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    JsonFactory factory = format == WireFormat.CBOR ? new CBORFactory() : new JsonFactory();
    try (JsonGenerator out = factory.createGenerator(bytes, JsonEncoding.UTF8)) {
      body.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
