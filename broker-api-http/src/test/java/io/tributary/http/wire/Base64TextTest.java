package io.tributary.http.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.KinesisException;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Base64TextTest {

  @Test
  void decodesWhatTheJdkEncoderWritesForEveryLengthUpToAFewBlocks() {
    Random random = new Random(42);
    for (int length = 0; length <= 100; length++) {
      byte[] bytes = new byte[length];
      random.nextBytes(bytes);
      assertArrayEquals(bytes, Base64Text.decode(Base64.getEncoder().encodeToString(bytes)), "length " + length);
    }
  }

  @Test
  void decodesEveryDigitOfTheAlphabet() {
    String text = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    assertArrayEquals(Base64.getDecoder().decode(text), Base64Text.decode(text));
  }

  @Test
  void blobFieldIsWrittenAsJacksonWritesItInBothFormats() {
    WireCodec codec = new WireCodec();
    byte[] data = new byte[1000];
    new Random(7).nextBytes(data);
    for (WireFormat format : WireFormat.values()) {
      byte[] ours = codec.write(format, (out, timestamps) -> {
        out.writeStartObject();
        Base64Text.writeField(out, "Data", data);
        Base64Text.writeField(out, "Empty", new byte[0]);
        out.writeEndObject();
      });
      byte[] jacksons = codec.write(format, (out, timestamps) -> {
        out.writeStartObject();
        out.writeBinaryField("Data", data);
        out.writeBinaryField("Empty", new byte[0]);
        out.writeEndObject();
      });
      assertArrayEquals(jacksons, ours, format.name());
    }
  }

  @Test
  void blobsWrittenThroughOneScratchArrayAreWrittenAsJacksonWritesThem() {
    WireCodec codec = new WireCodec();
    Random random = new Random(11);
    byte[][] blobs = new byte[40][];
    for (int i = 0; i < blobs.length; i++) {
      // Lengths that shrink and grow again, so the scratch array is both reused and outgrown.
      blobs[i] = new byte[(i * 97) % 700 + (i % 3)];
      random.nextBytes(blobs[i]);
    }
    byte[] ours = codec.write(WireFormat.JSON, (out, timestamps) -> {
      out.writeStartObject();
      byte[] scratch = new byte[4];
      for (int i = 0; i < blobs.length; i++) {
        scratch = Base64Text.writeField(out, "D" + i, blobs[i], scratch);
      }
      out.writeEndObject();
    });
    byte[] jacksons = codec.write(WireFormat.JSON, (out, timestamps) -> {
      out.writeStartObject();
      for (int i = 0; i < blobs.length; i++) {
        out.writeBinaryField("D" + i, blobs[i]);
      }
      out.writeEndObject();
    });
    assertArrayEquals(jacksons, ours);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "23456    | Base64 encoded length is expected a multiple of 4 bytes but found: 5",
      "=+/=     | Invalid Base64 character: '='",
      "+/+=     | Invalid last non-pad Base64 character dectected",
      "AB!=     | Invalid Base64 character: '!'",
      "AA=A     | Invalid Base64 character: '='",
      "AAAA-AAA | Invalid Base64 character: '-'",
      "AAAAAAé= | Invalid Base64 character: 'é'",
      "A===     | Invalid last non-pad Base64 character dectected",
      "====     | Invalid last non-pad Base64 character dectected",
      "QR==     | Invalid last non-pad Base64 character dectected",
      "AAAAQR== | Invalid last non-pad Base64 character dectected",
  })
  void refusesTextThatIsNotCanonicalBase64InCoralsWords(String text, String reason) {
    KinesisException e = assertThrows(KinesisException.class, () -> Base64Text.decode(text));
    assertEquals(ErrorCode.SERIALIZATION, e.code());
    assertEquals("'" + text + "' can not be converted to a Blob: " + reason, e.getMessage());
  }
}
