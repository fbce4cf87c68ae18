package io.tributary.http.wire;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns request bodies into trees and responses into bytes, in JSON or CBOR.
 *
 * <p>Requests are read into a {@link JsonNode} tree (any whitespace, as the KPL pretty-prints;
 * nothing may follow the top-level value). Responses are streamed through a {@link
 * JsonGenerator}, so one piece of writing code serves both formats; only timestamps differ (see
 * {@link TimestampEncoding}). JSON blobs come out as padded standard base64, CBOR blobs as byte
 * strings, CBOR maps as indefinite-length maps, which is what {@code writeStartObject} produces.
 *
 * <p>Thread-safe: the mappers are configured once and never changed; the JSON mappers that decode
 * blobs while parsing are made on first use, one per set of blob paths (two, for the model's two
 * operations with blobs).
 */
public final class WireCodec {
  /** The member AWS names the error message in; Coral's type errors capitalize it. */
  private static final String SERIALIZATION_EXCEPTION = "SerializationException";

  private final ObjectMapper json = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  /** JSON mappers that decode the blobs of an operation while parsing, by the operation's blob paths. */
  private final Map<BlobPaths, ObjectMapper> jsonByBlobs = new ConcurrentHashMap<>();
  private final CBORMapper cbor = CBORMapper.builder(new CBORFactory())
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  /** Writes one response body. */
  @FunctionalInterface
  public interface BodyWriter {
    void write(JsonGenerator out, TimestampEncoding timestamps) throws IOException;
  }

  /**
   * Decodes a request body.
   *
   * @throws IOException if the bytes are not one well-formed JSON or CBOR value
   */
  public JsonNode readTree(byte[] body, WireFormat format) throws IOException {
    return mapper(format).readTree(body);
  }

  /**
   * Decodes a request body whose blobs lie on {@code blobs}. In JSON, each such member that is
   * canonical base64 arrives as a binary node of its bytes, decoded straight from the body (see
   * {@link BlobDecodingParser}); anything else, and everything in CBOR, is read as {@link
   * #readTree(byte[], WireFormat)} reads it.
   *
   * @throws IOException if the bytes are not one well-formed JSON or CBOR value
   */
  public JsonNode readTree(byte[] body, WireFormat format, BlobPaths blobs) throws IOException {
    if (format != WireFormat.JSON || blobs.isEmpty()) {
      return readTree(body, format);
    }
    return jsonReading(blobs).readTree(body);
  }

  /** A JSON mapper that decodes {@code blobs} while parsing; one per set of paths, made once. */
  private ObjectMapper jsonReading(BlobPaths blobs) {
    return jsonByBlobs.computeIfAbsent(blobs, paths -> new ObjectMapper(new BlobDecodingParser.Factory(paths))
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS));
  }

  /** Encodes a body in one array; a writer that writes nothing gives an empty body. */
  public byte[] write(WireFormat format, BodyWriter writer) {
    List<byte[]> segments = writeSegments(format, writer);
    if (segments.size() == 1) {
      return segments.get(0);
    }
    int length = 0;
    for (byte[] segment : segments) {
      length += segment.length;
    }
    byte[] body = new byte[length];
    int at = 0;
    for (byte[] segment : segments) {
      System.arraycopy(segment, 0, body, at, segment.length);
      at += segment.length;
    }
    return body;
  }

  /**
   * Encodes a body as consecutive arrays, never joined (see {@link SegmentedOutput}): for
   * responses, which a GetRecords answer makes up to 10 MiB of base64. At least one array,
   * empty if the writer wrote nothing.
   */
  public List<byte[]> writeSegments(WireFormat format, BodyWriter writer) {
    SegmentedOutput bytes = new SegmentedOutput();
    try (JsonGenerator out = mapper(format).getFactory().createGenerator(bytes, JsonEncoding.UTF8)) {
      writer.write(out, TimestampEncoding.of(format));
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return bytes.segments();
  }

  /**
   * Encodes an error as {@code {"__type": ..., "message": ...}}; the message member is left out
   * when AWS sends none, and is spelled {@code Message} on SerializationException, as Coral
   * spells it on its type errors (kinesalite, validations/index.js, {@code typeError}).
   */
  public byte[] writeError(WireFormat format, WireError error) {
    return write(format, (out, timestamps) -> {
      out.writeStartObject();
      out.writeStringField("__type", error.type());
      if (error.message().isPresent()) {
        String member = error.type().equals(SERIALIZATION_EXCEPTION) ? "Message" : "message";
        out.writeStringField(member, error.message().get());
      }
      out.writeEndObject();
    });
  }

  /**
   * Encodes an error in the older Coral shape AWS uses for {@code Content-Type:
   * application/json}: {@code {"Output":{"__type":"com.amazon.coral.service#<type>"},"Version":"1.0"}}
   * (kinesalite, index.js).
   */
  public byte[] writeCoralError(String type) {
    return write(WireFormat.JSON, (out, timestamps) -> {
      out.writeStartObject();
      out.writeObjectFieldStart("Output");
      out.writeStringField("__type", "com.amazon.coral.service#" + type);
      out.writeEndObject();
      out.writeStringField("Version", "1.0");
      out.writeEndObject();
    });
  }

  private ObjectMapper mapper(WireFormat format) {
    return format == WireFormat.CBOR ? cbor : json;
  }
}
