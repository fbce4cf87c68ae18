package io.tributary.core.streams;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;
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
  /**
   * A MAC initialized with the key and never used itself: each token's MAC is a clone of it,
   * which skips the provider lookup and key schedule that {@code getInstance} and {@code init}
   * cost on every GetRecords (a fifth of its time on the operation thread). Only read, so
   * cloning it from many threads is safe. Empty if the provider's MAC cannot be cloned.
   */
  private final Optional<Mac> keyed;

  public TokenSigner(byte[] secret) {
    if (secret.length < 16) {
      throw new IllegalArgumentException("token secret must be at least 16 bytes");
    }
    this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
    this.keyed = cloneable(newMac());
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
    Mac mac = keyed.map(TokenSigner::copy).orElseGet(this::newMac);
    mac.update(data, 0, length);
    return mac.doFinal();
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java runtime has HmacSHA256", e);
    }
  }

  private static Optional<Mac> cloneable(Mac mac) {
    try {
      mac.clone();
      return Optional.of(mac);
    } catch (CloneNotSupportedException e) {
      return Optional.empty();
    }
  }

  private static Mac copy(Mac prototype) {
    try {
      return (Mac) prototype.clone();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("a MAC that cloned once clones again", e);
    }
  }
}
