package io.tributary.http.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tributary.core.error.KinesisException;
import io.tributary.core.model.EncryptionType;
import io.tributary.core.model.StreamName;
import io.tributary.core.operations.StartStreamEncryption;
import io.tributary.core.operations.StopStreamEncryption;
import io.tributary.core.operations.StreamRef;
import org.junit.jupiter.api.Test;

/** StartStreamEncryption and StopStreamEncryption. */
class StreamEncryptionMappersTest {
  private static final StreamRef ORDERS = StreamRef.ofName(new StreamName("orders"));
  private static final String KMS =
      "{\"StreamName\":\"orders\",\"EncryptionType\":\"KMS\",\"KeyId\":\"alias/aws/kinesis\"}";

  @Test
  void startRequestDecodes() {
    StartStreamEncryption.Request expected =
        new StartStreamEncryption.Request(ORDERS, EncryptionType.KMS, "alias/aws/kinesis");
    assertEquals(expected, Mapping.readJson(new StreamEncryptionMappers.Start(), KMS));
    assertEquals(expected, Mapping.readCbor(new StreamEncryptionMappers.Start(), """
            bf
              6a 53 74 72 65 61 6d 4e 61 6d 65   66 6f 72 64 65 72 73
              6e 45 6e 63 72 79 70 74 69 6f 6e 54 79 70 65   63 4b 4d 53
              65 4b 65 79 49 64   71 61 6c 69 61 73 2f 61 77 73 2f 6b 69 6e 65 73 69 73
            ff"""));
  }

  @Test
  void stopRequestDecodes() {
    assertEquals(new StopStreamEncryption.Request(ORDERS, EncryptionType.KMS, "alias/aws/kinesis"),
        Mapping.readJson(new StreamEncryptionMappers.Stop(), KMS));
  }

  @Test
  void unknownEncryptionTypeFailsWithTheModelsEnum() {
    KinesisException e = assertThrows(KinesisException.class, () -> Mapping.readJson(
        new StreamEncryptionMappers.Start(), "{\"StreamName\":\"orders\",\"EncryptionType\":\"AES\",\"KeyId\":\"k\"}"));
    assertEquals("1 validation error detected: Value 'AES' at 'encryptionType' failed to satisfy constraint: "
        + "Member must satisfy enum value set: [NONE, KMS]", e.getMessage());
  }

  @Test
  void missingKeyIdFailsValidation() {
    KinesisException e = assertThrows(KinesisException.class, () -> Mapping.readJson(
        new StreamEncryptionMappers.Stop(), "{\"StreamName\":\"orders\",\"EncryptionType\":\"KMS\"}"));
    assertEquals("1 validation error detected: Value null at 'keyId' failed to satisfy constraint: "
        + "Member must not be null", e.getMessage());
  }

  @Test
  void bothAnswerWithAnEmptyBody() {
    assertEquals("", Mapping.writeJson(new StreamEncryptionMappers.Start(), new StartStreamEncryption.Response()));
    assertEquals("", Mapping.writeCbor(new StreamEncryptionMappers.Stop(), new StopStreamEncryption.Response()));
  }
}
