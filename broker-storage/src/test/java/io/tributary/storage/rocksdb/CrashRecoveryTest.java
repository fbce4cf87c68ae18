package io.tributary.storage.rocksdb;

import static io.tributary.storage.rocksdb.TestRecords.config;
import static io.tributary.storage.rocksdb.TestRecords.readAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.storage.Durability;
import io.tributary.storage.StoredRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a real broker-like process with SIGKILL while it appends, and checks that every append it
 * acknowledged is on disk after recovery: present, once, in order.
 */
class CrashRecoveryTest {

  private static final int ACKS_BEFORE_KILL = 20_000;
  private static final long MAX_WAIT_MILLIS = 15_000;

  @TempDir Path dir;

  @Test
  void everyAcknowledgedAppendSurvivesSigkillOnceAndInOrder() throws Exception {
    assertEveryAcknowledgedAppendSurvivesSigkill(Durability.WAL);
  }

  @Test
  void everyAcknowledgedFsyncedAppendSurvivesSigkillOnceAndInOrder() throws Exception {
    assertEveryAcknowledgedAppendSurvivesSigkill(Durability.FSYNC);
  }

  private void assertEveryAcknowledgedAppendSurvivesSigkill(Durability durability)
      throws Exception {
    Path dataDir = dir.resolve("data");
    Path stderr = dir.resolve("child-stderr.txt");
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                AppendUntilKilled.class.getName(),
                dataDir.toString(),
                durability.name())
            .redirectError(stderr.toFile())
            .start();
    List<long[]> acks = new ArrayList<>();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      long deadline = System.currentTimeMillis() + MAX_WAIT_MILLIS;
      String line;
      while (acks.size() < ACKS_BEFORE_KILL
          && System.currentTimeMillis() < deadline
          && (line = out.readLine()) != null) {
        parseAck(line, acks);
      }
      // SIGKILL, through the ProcessHandle: Process.destroyForcibly() would also close our end
      // of the pipe, losing acknowledgements the child printed just before it died.
      child.toHandle().destroyForcibly();
      assertTrue(child.waitFor(10, TimeUnit.SECONDS), "child did not die");
      // Lines already written to the pipe before the kill are acknowledgements too.
      while ((line = out.readLine()) != null) {
        parseAck(line, acks);
      }
    } finally {
      child.destroyForcibly();
    }
    assertEquals(137, child.exitValue(), "child was not killed by SIGKILL");
    assertTrue(acks.size() >= 100, "too few acknowledgements; child stderr: " + read(stderr));

    MutableClock clock = new MutableClock(Instant.now());
    try (RocksDbStreamStore store = RocksDbStreamStore.open(config(dataDir, clock))) {
      List<StoredRecord> stored = readAll(store.shardLog(AppendUntilKilled.SHARD).orElseThrow());
      // Appends were queued in order, so what survived is records 0..k, each once, in order.
      for (int i = 0; i < stored.size(); i++) {
        StoredRecord record = stored.get(i);
        assertEquals("pk-" + i, record.partitionKey(), "record at position " + i);
        assertArrayEquals(AppendUntilKilled.payload(i), record.data(), "data of record " + i);
        if (i > 0) {
          assertTrue(record.sequence() > stored.get(i - 1).sequence());
        }
      }
      for (long[] ack : acks) {
        int n = (int) ack[0];
        assertTrue(n < stored.size(), "acknowledged record " + n + " is missing");
        assertEquals(ack[1], stored.get(n).sequence(), "sequence of record " + n);
      }
      for (int i = 1; i < acks.size(); i++) {
        assertEquals(acks.get(i - 1)[0] + 1, acks.get(i)[0], "acks out of order at " + i);
      }
    }
  }

  private static void parseAck(String line, List<long[]> acks) {
    if (line.startsWith("ack ")) {
      String[] parts = line.split(" ");
      acks.add(new long[] {Long.parseLong(parts[1]), Long.parseLong(parts[2])});
    }
  }

  private static String read(Path file) throws IOException {
    return Files.exists(file) ? Files.readString(file) : "(none)";
  }
}
