package io.tributary.http.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import io.tributary.core.error.KinesisException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * Blobs as base64 text, read as strictly as AWS reads them (padded, standard alphabet, no unused
 * bits in the last digit) and written as AWS writes them.
 *
 * <p>Reading is one pass of the JDK's decoder, which refuses everything Coral refuses but unused
 * bits in the last digit, and which measured three times faster than a hand-written table loop
 * ({@code benchmarks/…/Base64Bench}); those bits are then checked alone. Only a failure looks at the text
 * again, to report its problem in Coral's order (kinesalite validations/index.js lines 89-99):
 * the length, then the first bad character (a padding {@code =} followed by anything but {@code
 * =} counts as bad), then unused bits or excess padding at the end. A JSON PutRecords request
 * carries up to 500 of these, so this is on the hottest path of the JSON protocol.
 *
 * <p>Stateless; thread-safe.
 */
public final class Base64Text {
  /** Coral's words for bits left over in the last digit or excess padding; "dectected" is AWS's. */
  static final String LAST_DIGIT_PROBLEM = "Invalid last non-pad Base64 character dectected";

  /** The six bits each ASCII character stands for; -1 for anything but a base64 digit. */
  private static final int[] SEXTETS = new int[128];

  static {
    Arrays.fill(SEXTETS, -1);
    String digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (int i = 0; i < digits.length(); i++) {
      SEXTETS[digits.charAt(i)] = i;
    }
  }

  private Base64Text() {}

  /**
   * The bytes {@code text} stands for.
   *
   * @throws KinesisException {@code SerializationException} in Coral's words, {@code '<text>' can
   *     not be converted to a Blob: <reason>}, if {@code text} is not canonical base64
   */
  public static byte[] decode(String text) {
    int length = text.length();
    if (length % 4 != 0) {
      throw notBase64(text, "Base64 encoded length is expected a multiple of 4 bytes but found: " + length);
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw invalidCharacter(text);
    }
    // The JDK's decoder refuses what Coral refuses, except bits left over in the last digit.
    if (length > 0 && text.charAt(length - 1) == '=') {
      boolean twoPads = text.charAt(length - 2) == '=';
      char lastDigit = text.charAt(length - (twoPads ? 3 : 2));
      if ((SEXTETS[lastDigit] & (twoPads ? 0xF : 0x3)) != 0) {
        throw notBase64(text, LAST_DIGIT_PROBLEM);
      }
    }
    return bytes;
  }

  /**
   * Writes a blob member as AWS writes it: a byte string where the format has them (CBOR), else
   * padded standard base64 text (JSON). The text comes from the JDK's encoder and goes into the
   * generator as ready UTF-8, which measured two to three times faster than Jackson's own base64
   * writer on GetRecords answers ({@code benchmarks/…/ResponseBench}); the bytes are the same.
   */
  public static void writeField(JsonGenerator out, String name, byte[] data) throws IOException {
    writeField(out, name, data, new byte[0]);
  }

  /**
   * As {@link #writeField(JsonGenerator, String, byte[])}, encoding into {@code scratch} when it is
   * long enough, so that a writer of many blobs needs no array per blob.
   *
   * @return the array to pass as {@code scratch} next time: {@code scratch} or a longer one
   */
  public static byte[] writeField(JsonGenerator out, String name, byte[] data, byte[] scratch)
      throws IOException {
    if (out.canWriteBinaryNatively()) {
      out.writeBinaryField(name, data);
      return scratch;
    }
    out.writeFieldName(name);
    int textLength = 4 * ((data.length + 2) / 3);
    byte[] text = scratch.length >= textLength ? scratch : new byte[Math.max(textLength, 2 * scratch.length)];
    int written = Base64.getEncoder().encode(data, text);
    out.writeRawUTF8String(text, 0, written);
    return text;
  }

  /**
   * The bytes that {@code length} bytes of base64 text at {@code offset} in {@code source} stand
   * for, or empty if the text is not canonical base64 (the caller then reads it as a string, and
   * {@link #decode} reports the problem).
   */
  static Optional<byte[]> tryDecode(byte[] source, int offset, int length) {
    if (length % 4 != 0) {
      return Optional.empty();
    }
    ByteBuffer decoded;
    try {
      decoded = Base64.getDecoder().decode(ByteBuffer.wrap(source, offset, length));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    int end = offset + length;
    if (length > 0 && source[end - 1] == '=') {
      boolean twoPads = source[end - 2] == '=';
      int lastDigit = source[end - (twoPads ? 3 : 2)];
      if ((SEXTETS[lastDigit] & (twoPads ? 0xF : 0x3)) != 0) {
        return Optional.empty();
      }
    }
    byte[] bytes = decoded.array();
    return Optional.of(decoded.remaining() == bytes.length && decoded.arrayOffset() == 0
        ? bytes : Arrays.copyOfRange(bytes, decoded.arrayOffset() + decoded.position(),
            decoded.arrayOffset() + decoded.limit()));
  }

  private static KinesisException invalidCharacter(String text) {
    return notBase64(text, firstBadCharacter(text)
        .map(bad -> "Invalid Base64 character: '" + bad + "'")
        .orElse(LAST_DIGIT_PROBLEM));
  }

  /**
   * The first character Coral calls invalid: not a base64 digit or {@code =}, or an {@code =}
   * followed by anything but {@code =}. Empty when only the padding is wrong, as in {@code A===}.
   */
  private static Optional<Character> firstBadCharacter(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean padBeforeData = c == '=' && i + 1 < text.length() && text.charAt(i + 1) != '=';
      if (!(c < 128 && SEXTETS[c] >= 0 || c == '=') || padBeforeData) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  private static KinesisException notBase64(String text, String reason) {
    return KinesisException.serialization("'" + text + "' can not be converted to a Blob: " + reason);
  }
}
