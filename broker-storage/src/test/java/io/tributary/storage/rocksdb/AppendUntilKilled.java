package io.tributary.storage.rocksdb;

import io.tributary.storage.Durability;
import io.tributary.storage.NewRecord;
import io.tributary.storage.ShardLog;
import io.tributary.storage.ShardLogId;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Semaphore;

/**
 * The child process of {@link CrashRecoveryTest}: appends numbered records to one shard log for
 * ever, keeping up to {@value #IN_FLIGHT} appends in flight so they share batches, and prints
 * {@code ack <n> <sequence>} for record {@code n} only once its future has completed. It never
 * closes the store; the test kills it with SIGKILL.
 *
 * <p>Usage: {@code AppendUntilKilled <dataDir> <WAL|FSYNC>}.
 */
public final class AppendUntilKilled {

  static final ShardLogId SHARD = new ShardLogId("shard/1/0");
  static final int IN_FLIGHT = 32;

  private AppendUntilKilled() {}

  public static void main(String[] args) throws InterruptedException {
    PrintStream out =
        new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
    RocksDbStoreConfig config =
        new RocksDbStoreConfig(
            Path.of(args[0]), Durability.valueOf(args[1]), Clock.systemUTC(), 8L << 20, 8L << 20);
    RocksDbStreamStore store = RocksDbStreamStore.open(config);
    ShardLog log = store.createShardLog(SHARD);
    out.println("ready");
    out.flush();
    Semaphore inFlight = new Semaphore(IN_FLIGHT);
    for (long n = 0; ; n++) {
      inFlight.acquire();
      long number = n;
      NewRecord record = new NewRecord("pk-" + n, payload(n));
      log.append(List.of(record), 0)
          .whenComplete(
              (stored, failure) -> {
                if (failure == null) {
                  // Runs on the writer thread, in append order.
                  out.println("ack " + number + " " + stored.get(0).sequence());
                  out.flush();
                }
                inFlight.release();
              });
    }
  }

  /** The data of record {@code n}: its number, padded so batches carry some bytes. */
  static byte[] payload(long n) {
    return ("record-" + n + "-" + "x".repeat(200)).getBytes(StandardCharsets.UTF_8);
  }
}
