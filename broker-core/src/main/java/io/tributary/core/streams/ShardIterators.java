package io.tributary.core.streams;

import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.KinesisException;
import io.tributary.core.model.ShardId;
import io.tributary.core.model.StreamName;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;

/**
 * Makes and checks shard iterators: opaque, tamper-evident tokens naming a stream, a shard and
 * the log sequence to read from next.
 *
 * <p>Layout before URL-safe base64 (no padding): version byte {@code 1}, issue time (8 bytes,
 * epoch millis), stream uid (8), shard index (4), next log sequence (8), account (12 ASCII
 * digits), region and stream name (each a length byte and UTF-8), then the first 16 bytes of
 * HMAC-SHA256 over all of it ({@link TokenSigner}). The longest (a 128-character name)
 * is about 280 characters, inside the 512 AWS allows.
 *
 * <p>An iterator is refused when its MAC does not match (forged or corrupted: {@code
 * InvalidArgumentException}) and when it is older than the TTL ({@code
 * ExpiredIteratorException}, worded as AWS words it).
 *
 * <p>Thread-safe.
 */
public final class ShardIterators {
  private static final int VERSION = 1;
  private static final int MAC_BYTES = TokenSigner.MAC_BYTES;
  private static final DateTimeFormatter AMZ_DATE =
      DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss 'UTC' yyyy", Locale.US).withZone(ZoneOffset.UTC);

  private final TokenSigner signer;
  private final Clock clock;
  private final Duration ttl;

  public ShardIterators(TokenSigner signer, Clock clock, Duration ttl) {
    this.signer = signer;
    this.clock = clock;
    this.ttl = ttl;
  }

  /** A decoded iterator: where to read next, and which stream incarnation it belongs to. */
  public record Position(
      String accountId, String region, StreamName streamName, long streamUid, ShardId shardId,
      long nextSequence, long issuedMillis) {}

  public String encode(StreamState stream, ShardId shardId, long nextSequence) {
    byte[] account = stream.key().accountId().getBytes(StandardCharsets.US_ASCII);
    byte[] region = stream.key().region().getBytes(StandardCharsets.UTF_8);
    byte[] name = stream.key().name().value().getBytes(StandardCharsets.UTF_8);
    ByteBuffer buf = ByteBuffer.allocate(1 + 8 + 8 + 4 + 8 + account.length + 2 + region.length + name.length + MAC_BYTES);
    buf.put((byte) VERSION).putLong(clock.millis()).putLong(stream.uid()).putInt(shardId.index())
        .putLong(nextSequence).put(account)
        .put((byte) region.length).put(region).put((byte) name.length).put(name);
    signer.sign(buf.array(), buf.position());
    return Base64.getUrlEncoder().withoutPadding().encodeToString(buf.array());
  }

  /** Checks and decodes an iterator; throws the error AWS would give for a bad or old one. */
  public Position decode(String iterator) {
    byte[] raw;
    try {
      raw = Base64.getUrlDecoder().decode(iterator);
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
    int fixed = 1 + 8 + 8 + 4 + 8 + 12 + 2 + MAC_BYTES;
    if (raw.length < fixed || raw[0] != VERSION) {
      throw invalid();
    }
    if (!signer.verify(raw)) {
      throw invalid();
    }
    int signed = raw.length - MAC_BYTES;
    ByteBuffer buf = ByteBuffer.wrap(raw, 1, signed - 1);
    long issued = buf.getLong();
    long uid = buf.getLong();
    int shardIndex = buf.getInt();
    long next = buf.getLong();
    byte[] account = new byte[12];
    buf.get(account);
    String region = readString(buf);
    String name = readString(buf);
    long now = clock.millis();
    if (now - issued > ttl.toMillis()) {
      throw new KinesisException(ErrorCode.EXPIRED_ITERATOR,
          "Iterator expired. The iterator was created at time " + AMZ_DATE.format(Instant.ofEpochMilli(issued))
              + " while right now it is " + AMZ_DATE.format(Instant.ofEpochMilli(now))
              + " which is further in the future than the tolerated delay of " + ttl.toMillis() + " milliseconds.");
    }
    return new Position(new String(account, StandardCharsets.US_ASCII), region, new StreamName(name), uid,
        new ShardId(shardIndex), next, issued);
  }

  private static String readString(ByteBuffer buf) {
    byte[] b = new byte[buf.get() & 0xff];
    buf.get(b);
    return new String(b, StandardCharsets.UTF_8);
  }

  private static KinesisException invalid() {
    return KinesisException.invalidArgument("Invalid ShardIterator.");
  }
}
