package io.tributary.core.streams;

import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.KinesisException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Makes and checks the {@code NextToken} of paged listings: opaque, tamper-evident, bound to
 * one listing kind, account, region and scope (for ListShards, the stream), and expiring after
 * a TTL as AWS's do (300 seconds for ListShards).
 *
 * <p>Layout before URL-safe base64: version byte {@code 1}, kind byte, issue time (8 bytes),
 * then four length-prefixed UTF-8 strings (account, region, scope, last item returned), then
 * 16 bytes of HMAC-SHA256 ({@link TokenSigner}).
 *
 * <p>Thread-safe.
 */
public final class PageTokens {
  private static final int VERSION = 1;
  private static final int MAC_BYTES = TokenSigner.MAC_BYTES;

  /** What a token pages through; a token of one kind is refused by the others. */
  public enum Kind {
    LIST_STREAMS,
    LIST_SHARDS,
    LIST_STREAM_CONSUMERS
  }

  /** A decoded token. */
  public record Page(String accountId, String region, String scope, String after, long issuedMillis) {}

  private final TokenSigner signer;
  private final Clock clock;
  private final Duration ttl;

  public PageTokens(TokenSigner signer, Clock clock, Duration ttl) {
    this.signer = signer;
    this.clock = clock;
    this.ttl = ttl;
  }

  public String encode(Kind kind, String accountId, String region, String scope, String after) {
    byte[][] parts = {bytes(accountId), bytes(region), bytes(scope), bytes(after)};
    int size = 1 + 1 + 8 + MAC_BYTES;
    for (byte[] p : parts) {
      size += 2 + p.length;
    }
    ByteBuffer buf = ByteBuffer.allocate(size);
    buf.put((byte) VERSION).put((byte) kind.ordinal()).putLong(clock.millis());
    for (byte[] p : parts) {
      buf.putShort((short) p.length).put(p);
    }
    signer.sign(buf.array(), buf.position());
    return Base64.getUrlEncoder().withoutPadding().encodeToString(buf.array());
  }

  /**
   * Decodes a token of the given kind. Empty when it is not a valid token of that kind
   * (callers word that error per operation); ExpiredNextTokenException when it is too old.
   */
  public Optional<Page> decode(Kind kind, String token) {
    byte[] raw;
    try {
      raw = Base64.getUrlDecoder().decode(token);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (raw.length < 2 + 8 + 8 + MAC_BYTES || raw[0] != VERSION || raw[1] != kind.ordinal()) {
      return Optional.empty();
    }
    if (!signer.verify(raw)) {
      return Optional.empty();
    }
    int signed = raw.length - MAC_BYTES;
    ByteBuffer buf = ByteBuffer.wrap(raw, 2, signed - 2);
    long issued = buf.getLong();
    String[] parts = new String[4];
    for (int i = 0; i < parts.length; i++) {
      byte[] b = new byte[buf.getShort() & 0xffff];
      buf.get(b);
      parts[i] = new String(b, StandardCharsets.UTF_8);
    }
    if (clock.millis() - issued > ttl.toMillis()) {
      throw new KinesisException(ErrorCode.EXPIRED_NEXT_TOKEN, "The timestamp of the NextToken has expired.");
    }
    return Optional.of(new Page(parts[0], parts[1], parts[2], parts[3], issued));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
