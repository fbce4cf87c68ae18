package io.tributary.http;

import java.util.HexFormat;

/** Byte fixtures written as hex, spaces and line breaks ignored: {@code Hex.bytes("bf ff")}. */
public final class Hex {
  private Hex() {}

  public static byte[] bytes(String hex) {
    return HexFormat.of().parseHex(hex.replaceAll("\\s+", ""));
  }

  public static String of(byte[] bytes) {
    return HexFormat.ofDelimiter(" ").formatHex(bytes);
  }
}
