package io.tributary.core.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.core.MutableClock;
import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.KinesisException;
import io.tributary.core.model.EncryptionType;
import io.tributary.core.model.ShardId;
import io.tributary.core.model.StreamMode;
import io.tributary.core.model.StreamName;
import io.tributary.core.model.StreamStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class TokensTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2015-01-22T01:17:02Z"));
  private final TokenSigner signer = new TokenSigner(new byte[32]);
  private final ShardIterators iterators = new ShardIterators(signer, clock, Duration.ofMinutes(5));
  private final StreamState stream = new StreamState(
      new StreamKey("000000000000", "us-east-1", new StreamName("s" + "x".repeat(127))), 42, StreamStatus.ACTIVE,
      0, 0, 24, List.of(), 1, StreamMode.PROVISIONED, EncryptionType.NONE, Optional.empty(), java.util.Map.of(),
      List.of(), 1024, java.util.OptionalInt.empty(), List.of(), Optional.empty());

  @Test
  void shardIteratorRoundTripsAndFitsAwsLengthLimit() {
    String it = iterators.encode(stream, new ShardId(3), 123456789L);
    assertTrue(it.length() <= 512, "length " + it.length());
    ShardIterators.Position p = iterators.decode(it);
    assertEquals(stream.key().name(), p.streamName());
    assertEquals(42, p.streamUid());
    assertEquals(new ShardId(3), p.shardId());
    assertEquals(123456789L, p.nextSequence());
  }

  @Test
  void tokensSignedOnManyThreadsAtOnceAllVerify() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int seed = t;
        results.add(threads.submit(() -> {
          for (int i = 0; i < 2_000; i++) {
            byte[] token = new byte[24 + TokenSigner.MAC_BYTES];
            token[0] = (byte) seed;
            token[1] = (byte) i;
            signer.sign(token, 24);
            if (!signer.verify(token)) {
              return false;
            }
            token[2] ^= 1;
            if (signer.verify(token)) {
              return false;
            }
          }
          return true;
        }));
      }
      for (Future<Boolean> result : results) {
        assertTrue(result.get());
      }
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void tamperedShardIteratorIsInvalidArgument() {
    byte[] raw = Base64.getUrlDecoder().decode(iterators.encode(stream, new ShardId(0), 5));
    raw[25] ^= 1;
    String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    KinesisException e = assertThrows(KinesisException.class, () -> iterators.decode(forged));
    assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
    assertEquals("Invalid ShardIterator.", e.getMessage());
    assertThrows(KinesisException.class, () -> iterators.decode("not base64 !"));
    assertThrows(KinesisException.class, () -> iterators.decode("AAAA"));
  }

  @Test
  void shardIteratorExpiresAfterFiveMinutesWithAwsWording() {
    String it = iterators.encode(stream, new ShardId(0), 5);
    clock.advance(Duration.ofMinutes(5));
    iterators.decode(it);
    clock.advance(Duration.ofSeconds(60));
    KinesisException e = assertThrows(KinesisException.class, () -> iterators.decode(it));
    assertEquals(ErrorCode.EXPIRED_ITERATOR, e.code());
    assertEquals("Iterator expired. The iterator was created at time Thu Jan 22 01:17:02 UTC 2015 while right now"
        + " it is Thu Jan 22 01:23:02 UTC 2015 which is further in the future than the tolerated delay of 300000"
        + " milliseconds.", e.getMessage());
  }

  @Test
  void pageTokenIsBoundToItsKindAndExpires() {
    PageTokens tokens = new PageTokens(signer, clock, Duration.ofSeconds(300));
    String t = tokens.encode(PageTokens.Kind.LIST_SHARDS, "000000000000", "us-east-1", "s", "shardId-000000000001");
    assertEquals("shardId-000000000001", tokens.decode(PageTokens.Kind.LIST_SHARDS, t).orElseThrow().after());
    assertEquals(Optional.empty(), tokens.decode(PageTokens.Kind.LIST_STREAMS, t));
    assertEquals(Optional.empty(), tokens.decode(PageTokens.Kind.LIST_SHARDS, t.substring(1)));
    clock.advance(Duration.ofSeconds(301));
    KinesisException e = assertThrows(KinesisException.class, () -> tokens.decode(PageTokens.Kind.LIST_SHARDS, t));
    assertEquals(ErrorCode.EXPIRED_NEXT_TOKEN, e.code());
  }
}
