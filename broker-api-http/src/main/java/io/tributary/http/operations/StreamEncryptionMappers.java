package io.tributary.http.operations;

import com.fasterxml.jackson.core.JsonGenerator;
import io.tributary.core.model.EncryptionType;
import io.tributary.core.operations.StartStreamEncryption;
import io.tributary.core.operations.StopStreamEncryption;
import io.tributary.http.wire.TimestampEncoding;
import io.tributary.http.wire.WireObject;

/**
 * StartStreamEncryption and StopStreamEncryption, which share their input (the stream,
 * {@code EncryptionType} and {@code KeyId}, both required) and their empty answer.
 */
final class StreamEncryptionMappers {
  private StreamEncryptionMappers() {}

  static EncryptionType encryptionType(WireObject body) {
    String text = body.requiredString("EncryptionType");
    return CommonShapes.enumValue(body, "EncryptionType", EncryptionType.class, text);
  }

  static final class Start implements OperationMapper<StartStreamEncryption.Request, StartStreamEncryption.Response> {

    @Override
    public StartStreamEncryption.Request readRequest(WireObject body) {
      return new StartStreamEncryption.Request(CommonShapes.streamRef(body), encryptionType(body),
          body.requiredString("KeyId"));
    }

    @Override
    public void writeResponse(
        StartStreamEncryption.Response response, JsonGenerator out, TimestampEncoding timestamps) {
      // No output members: AWS answers with an empty body.
    }
  }

  static final class Stop implements OperationMapper<StopStreamEncryption.Request, StopStreamEncryption.Response> {

    @Override
    public StopStreamEncryption.Request readRequest(WireObject body) {
      return new StopStreamEncryption.Request(CommonShapes.streamRef(body), encryptionType(body),
          body.requiredString("KeyId"));
    }

    @Override
    public void writeResponse(
        StopStreamEncryption.Response response, JsonGenerator out, TimestampEncoding timestamps) {
      // No output members: AWS answers with an empty body.
    }
  }
}
