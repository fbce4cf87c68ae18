package io.tributary.core.streams;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks the opaque tokens the broker hands out (shard iterators, page tokens): a
 * token is its payload followed by the first {@value #MAC_BYTES} bytes of HMAC-SHA256 over it,
 * under a secret kept in the data directory, so tokens survive restarts and cannot be forged.
 *
 * <p>Thread-safe.
 */
public final class TokenSigner {
  static final int MAC_BYTES = 16;

  private final SecretKeySpec key;

  public TokenSigner(byte[] secret) {
    if (secret.length < 16) {
      throw new IllegalArgumentException("token secret must be at least 16 bytes");
    }
    this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
  }

  /** Writes the MAC of {@code token[0, payloadLength)} into the rest of {@code token}. */
  void sign(byte[] token, int payloadLength) {
    System.arraycopy(mac(token, payloadLength), 0, token, payloadLength, MAC_BYTES);
  }

  /** True when the token's last {@value #MAC_BYTES} bytes are the MAC of what precedes them. */
  boolean verify(byte[] token) {
    if (token.length < MAC_BYTES) {
      return false;
    }
    int payload = token.length - MAC_BYTES;
    return MessageDigest.isEqual(
        Arrays.copyOf(mac(token, payload), MAC_BYTES), Arrays.copyOfRange(token, payload, token.length));
  }

  private byte[] mac(byte[] data, int length) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(data, 0, length);
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java runtime has HmacSHA256", e);
    }
  }
}
