package io.tributary.http.validation;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.KinesisException;
import io.tributary.http.wire.WireFormat;
import java.io.UncheckedIOException;

/**
 * Assertions shared by the validation tests, over one {@link ModelValidator} loaded once per JVM.
 * Requests are written as JSON text; CBOR trees are built with Jackson nodes by the tests.
 */
final class ValidationAssertions {
  static final ModelValidator VALIDATOR = ModelValidator.load();
  private static final ObjectMapper JSON = new ObjectMapper();

  private ValidationAssertions() {}

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void assertValid(String operation, String body) {
    assertValid(operation, json(body), WireFormat.JSON);
  }

  static void assertValid(String operation, JsonNode body, WireFormat format) {
    assertDoesNotThrow(() -> VALIDATOR.validate(operation, body, format));
  }

  static void assertValidation(String operation, String body, String expectedMessage) {
    assertRejected(operation, json(body), WireFormat.JSON, ErrorCode.VALIDATION, expectedMessage);
  }

  static void assertSerialization(String operation, String body, String expectedMessage) {
    assertRejected(operation, json(body), WireFormat.JSON, ErrorCode.SERIALIZATION, expectedMessage);
  }

  static void assertRejected(
      String operation, JsonNode body, WireFormat format, ErrorCode code, String expectedMessage) {
    KinesisException thrown =
        assertThrows(KinesisException.class, () -> VALIDATOR.validate(operation, body, format));
    assertAll(
        () -> assertEquals(expectedMessage, thrown.getMessage()),
        () -> assertEquals(code, thrown.code()));
  }
}
