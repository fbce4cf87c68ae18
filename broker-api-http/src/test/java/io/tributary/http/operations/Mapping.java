package io.tributary.http.operations;

import io.tributary.http.Hex;
import io.tributary.http.wire.WireCodec;
import io.tributary.http.wire.WireFormat;
import io.tributary.http.wire.WireObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Runs a mapper over fixture bytes, the way the protocol does. */
final class Mapping {
  private static final WireCodec CODEC = new WireCodec();

  private Mapping() {}

  static <Q> Q readJson(OperationMapper<Q, ?> mapper, String json) {
    return read(mapper, json.getBytes(StandardCharsets.UTF_8), WireFormat.JSON);
  }

  static <Q> Q readCbor(OperationMapper<Q, ?> mapper, String hex) {
    return read(mapper, Hex.bytes(hex), WireFormat.CBOR);
  }

  private static <Q> Q read(OperationMapper<Q, ?> mapper, byte[] body, WireFormat format) {
    try {
      return mapper.readRequest(WireObject.root(CODEC.readTree(body, format), format));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static <R> String writeJson(OperationMapper<?, R> mapper, R response) {
    return new String(CODEC.write(WireFormat.JSON, (out, ts) -> mapper.writeResponse(response, out, ts)),
        StandardCharsets.UTF_8);
  }

  static <R> String writeCbor(OperationMapper<?, R> mapper, R response) {
    return Hex.of(CODEC.write(WireFormat.CBOR, (out, ts) -> mapper.writeResponse(response, out, ts)));
  }
}
