package io.tributary.core.streams;

import io.tributary.core.model.HashKey;
import java.security.GeneralSecurityException;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Per-request and per-record work outside the codec: signing and checking a shard iterator
 * (twice per GetRecords: the one read, the next one written), against a MAC made afresh each
 * time as {@code TokenSigner} did before; and routing a record by the MD5 of its partition key.
 * (In this package for {@code TokenSigner}'s package-private methods.)
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TokenAndRoutingBench {
  private static final int PAYLOAD = 96;

  private final byte[] secret = new byte[32];
  private final TokenSigner signer = new TokenSigner(secret);
  private final SecretKeySpec key = new SecretKeySpec(secret, "HmacSHA256");
  private final byte[] token = new byte[PAYLOAD + TokenSigner.MAC_BYTES];

  @Benchmark
  public boolean signAndVerify() {
    signer.sign(token, PAYLOAD);
    return signer.verify(token);
  }

  /** What each MAC cost before: a provider lookup and a key schedule. */
  @Benchmark
  public byte[] macMadeAfreshEachTime() throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(key);
    mac.update(token, 0, PAYLOAD);
    return mac.doFinal();
  }

  @Benchmark
  public HashKey hashKeyOfPartitionKey() {
    return HashKey.ofPartitionKey("partition-key-123456");
  }
}
