package io.tributary.benchmarks;

import io.tributary.http.wire.Base64Text;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading one record's base64 {@code Data}: Tributary's strict decoder ({@link Base64Text}), the
 * JDK's decoder alone (which checks less: it accepts unused bits in the last digit), and a
 * hand-written table loop of the kind {@code Base64Text} used before, for reference.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class Base64Bench {
  private static final int[] SEXTETS = new int[256];

  static {
    Arrays.fill(SEXTETS, -1);
    String digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (int i = 0; i < digits.length(); i++) {
      SEXTETS[digits.charAt(i)] = i;
    }
  }

  @Param({"100", "1024"})
  int recordBytes;

  private String text;

  @Setup
  public void setUp() {
    byte[] data = new byte[recordBytes];
    new Random(1).nextBytes(data);
    text = Base64.getEncoder().encodeToString(data);
  }

  @Benchmark
  public byte[] strictDecode() {
    return Base64Text.decode(text);
  }

  @Benchmark
  public byte[] jdkDecode() {
    return Base64.getDecoder().decode(text);
  }

  /** Four digits at a time through a 256-entry table; padding is not handled. */
  @Benchmark
  public byte[] tableLoop() {
    byte[] in = text.getBytes(StandardCharsets.ISO_8859_1);
    int length = in.length;
    int padding = in[length - 1] == '=' ? (in[length - 2] == '=' ? 2 : 1) : 0;
    byte[] out = new byte[length / 4 * 3 - padding];
    int whole = (length - padding) & ~3;
    int o = 0;
    for (int i = 0; i < whole; i += 4) {
      int bits = SEXTETS[in[i] & 0xFF] << 18 | SEXTETS[in[i + 1] & 0xFF] << 12
          | SEXTETS[in[i + 2] & 0xFF] << 6 | SEXTETS[in[i + 3] & 0xFF];
      if (bits < 0) {
        throw new IllegalArgumentException("not base64");
      }
      out[o++] = (byte) (bits >> 16);
      out[o++] = (byte) (bits >> 8);
      out[o++] = (byte) bits;
    }
    return out;
  }
}
