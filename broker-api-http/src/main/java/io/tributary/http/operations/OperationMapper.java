package io.tributary.http.operations;

import com.fasterxml.jackson.core.JsonGenerator;
import io.tributary.http.wire.TimestampEncoding;
import io.tributary.http.wire.WireObject;
import java.io.IOException;

/**
 * The wire side of one Kinesis operation: reads its validated request body into the operation's
 * domain request, and writes the domain response with AWS's member names.
 *
 * <p>This is where the wire ends: past {@link #readRequest} nothing sees a PascalCase member
 * name, base64 or a raw wire string that has a domain type.
 *
 * <p>Implementations are stateless and thread-safe.
 *
 * @param <Q> the operation's request
 * @param <R> the operation's response
 */
public interface OperationMapper<Q, R> {

  /** Reads the request; throws {@link io.tributary.core.error.KinesisException} for bad members. */
  Q readRequest(WireObject body);

  /**
   * Writes the response body; absent optional members are left out, never written as null. An
   * operation whose output has no members writes nothing, which makes an empty body, as AWS's.
   */
  void writeResponse(R response, JsonGenerator out, TimestampEncoding timestamps) throws IOException;
}
