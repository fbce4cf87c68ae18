package io.tributary.http.wire;

import io.tributary.core.error.KinesisException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Blobs as base64 text, read as strictly as AWS reads them (padded, standard alphabet, no unused
 * bits in the last digit) and written as AWS writes them.
 *
 * <p>Reading is one pass that checks and decodes together; only a failure looks at the text a
 * second time, to report its problem in Coral's order (kinesalite validations/index.js lines
 * 89-99): the length, then the first bad character (a padding {@code =} followed by anything but
 * {@code =} counts as bad), then unused bits or excess padding at the end. A JSON PutRecords
 * request carries up to 500 of these, so this is on the hottest path of the JSON protocol.
 *
 * <p>Stateless; thread-safe.
 */
public final class Base64Text {
  /** Coral's words for bits left over in the last digit or excess padding; "dectected" is AWS's. */
  static final String LAST_DIGIT_PROBLEM = "Invalid last non-pad Base64 character dectected";

  /** The six bits each ASCII character stands for; -1 for anything but a base64 digit. */
  private static final byte[] SEXTETS = new byte[128];

  static {
    Arrays.fill(SEXTETS, (byte) -1);
    String digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (int i = 0; i < digits.length(); i++) {
      SEXTETS[digits.charAt(i)] = (byte) i;
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
    int padding = 0;
    while (padding < 2 && padding < length && text.charAt(length - 1 - padding) == '=') {
      padding++;
    }
    int digits = length - padding;
    byte[] out = new byte[length / 4 * 3 - padding];
    int whole = digits & ~3;
    int o = 0;
    for (int i = 0; i < whole; i += 4) {
      int bits = sextet(text, i) << 18 | sextet(text, i + 1) << 12 | sextet(text, i + 2) << 6 | sextet(text, i + 3);
      if (bits < 0) {
        throw invalidCharacter(text);
      }
      out[o++] = (byte) (bits >> 16);
      out[o++] = (byte) (bits >> 8);
      out[o++] = (byte) bits;
    }
    if (padding > 0) {
      // digits - whole is 2 (two pads) or 3 (one pad); anything else left a '=' among the digits.
      int bits = sextet(text, whole) << 18 | sextet(text, whole + 1) << 12
          | (padding == 1 ? sextet(text, whole + 2) << 6 : 0);
      if (bits < 0) {
        throw invalidCharacter(text);
      }
      if ((bits & (padding == 1 ? 0xFF : 0xFFFF)) != 0) {
        throw notBase64(text, LAST_DIGIT_PROBLEM);
      }
      out[o++] = (byte) (bits >> 16);
      if (padding == 1) {
        out[o] = (byte) (bits >> 8);
      }
    }
    return out;
  }

  /**
   * The six bits of the digit at {@code index}, or a negative number if it is not a digit; the
   * sign survives the caller's shifts and ors, so one test after a group catches any bad digit.
   */
  private static int sextet(String text, int index) {
    char c = text.charAt(index);
    return c < 128 ? SEXTETS[c] : -1;
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
