package io.tributary.storage.rocksdb;

import io.tributary.storage.Durability;
import io.tributary.storage.NewRecord;
import io.tributary.storage.ShardLog;
import io.tributary.storage.ShardLogId;
import io.tributary.storage.StoredRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

/**
 * Not a test: a tool run by hand to see what grows in memory when many shards are written at once.
 * It opens a store, creates the shard logs, and has producer threads append 100-byte records to
 * random shards (each producer: 50 shards at a time, 10 records each, waiting for all 50, so a
 * round touches as many shards as a PutRecords of 500 records over 1,000 shards does). Every
 * interval it prints one line: the process's RSS next to RocksDB's own figures ({@link
 * RocksDbStreamStore#memory()}) and the table-file count.
 *
 * <p>Usage, from the repository root after {@code ./mvnw package -DskipTests} and {@code ./mvnw
 * -pl broker-storage test-compile}:
 *
 * <pre>{@code
 * java -Xmx128m -XX:+UseSerialGC -cp broker-cli/target/tributary.jar:broker-storage/target/test-classes \
 *   io.tributary.storage.rocksdb.ManyShardsMemoryWatch /tmp/watch 1000 180 8 [cacheMiB] [writeBufferMiB]
 * }</pre>
 *
 * <p>Arguments: a data directory (must not exist), shards, seconds to write, producers, and
 * optionally the block cache and memtable budget in MiB (default: the broker's). After the writing
 * it keeps printing for 30 seconds with no writes, so a settling can be seen.
 */
public final class ManyShardsMemoryWatch {

  private static final int SHARDS_PER_ROUND = 50;
  private static final int RECORDS_PER_SHARD = 10;
  private static final int RECORD_BYTES = 100;
  private static final long INTERVAL_MILLIS = 5_000;
  private static final long SETTLE_MILLIS = 30_000;

  private ManyShardsMemoryWatch() {}

  public static void main(String[] args) throws Exception {
    Path dataDir = Path.of(args[0]);
    if (Files.exists(dataDir)) {
      throw new IllegalArgumentException(dataDir + " exists; give a new directory");
    }
    int shards = Integer.parseInt(args[1]);
    long writeMillis = Long.parseLong(args[2]) * 1000;
    int producers = Integer.parseInt(args[3]);
    long cacheBytes =
        args.length > 4
            ? Long.parseLong(args[4]) << 20
            : RocksDbStoreConfig.DEFAULT_BLOCK_CACHE_BYTES;
    long writeBufferBytes =
        args.length > 5
            ? Long.parseLong(args[5]) << 20
            : RocksDbStoreConfig.DEFAULT_WRITE_BUFFER_BYTES;
    RocksDbStoreConfig config =
        new RocksDbStoreConfig(
            dataDir, Durability.WAL, Clock.systemUTC(), cacheBytes, writeBufferBytes);
    try (RocksDbStreamStore store = RocksDbStreamStore.open(config)) {
      List<ShardLogId> ids = new ArrayList<>();
      for (int i = 0; i < shards; i++) {
        ids.add(new ShardLogId("watch/1/" + i));
      }
      List<ShardLog> logs = store.createShardLogs(ids);
      LongAdder written = new LongAdder();
      AtomicBoolean stop = new AtomicBoolean();
      List<Thread> threads = new ArrayList<>();
      for (int p = 0; p < producers; p++) {
        long seed = p;
        Thread thread =
            new Thread(() -> produce(logs, seed, written, stop), "watch-producer-" + p);
        thread.start();
        threads.add(thread);
      }
      System.out.println(
          "seconds records rss_MiB cache_MiB pinned_MiB memtables_MiB table_readers_MiB"
              + " l0_files sst_files pending_compaction_MiB");
      long start = System.nanoTime();
      long end = writeMillis + SETTLE_MILLIS;
      for (long elapsed = 0; elapsed <= end; elapsed += INTERVAL_MILLIS) {
        long wake = start + elapsed * 1_000_000;
        long sleepNanos = wake - System.nanoTime();
        if (sleepNanos > 0) {
          Thread.sleep(sleepNanos / 1_000_000);
        }
        if (elapsed >= writeMillis && !stop.getAndSet(true)) {
          for (Thread thread : threads) {
            thread.join();
          }
        }
        print(elapsed / 1000, written.sum(), store, dataDir);
      }
    }
  }

  private static void produce(
      List<ShardLog> logs, long seed, LongAdder written, AtomicBoolean stop) {
    SplittableRandom random = new SplittableRandom(seed);
    byte[] data = new byte[RECORD_BYTES];
    List<CompletableFuture<List<StoredRecord>>> pending = new ArrayList<>();
    while (!stop.get()) {
      for (int s = 0; s < SHARDS_PER_ROUND; s++) {
        ShardLog log = logs.get(random.nextInt(logs.size()));
        List<NewRecord> records = new ArrayList<>(RECORDS_PER_SHARD);
        for (int r = 0; r < RECORDS_PER_SHARD; r++) {
          random.nextBytes(data);
          records.add(new NewRecord("pk-" + random.nextInt(1_000_000), data.clone()));
        }
        pending.add(log.append(records, 0));
      }
      pending.forEach(CompletableFuture::join);
      pending.clear();
      written.add((long) SHARDS_PER_ROUND * RECORDS_PER_SHARD);
    }
  }

  private static void print(long seconds, long records, RocksDbStreamStore store, Path dataDir)
      throws IOException {
    RocksDbStreamStore.StoreMemory memory = store.memory();
    System.out.printf(
        Locale.ROOT,
        "%d %d %.1f %.1f %.1f %.1f %.1f %d %d %.1f%n",
        seconds,
        records,
        rssKiB() / 1024.0,
        mib(memory.cacheUsageBytes()),
        mib(memory.cachePinnedBytes()),
        mib(memory.memTableBytes()),
        mib(memory.tableReaderBytes()),
        memory.levelZeroFiles(),
        tableFiles(dataDir),
        mib(memory.pendingCompactionBytes()));
  }

  private static double mib(long bytes) {
    return bytes / (1024.0 * 1024.0);
  }

  private static long rssKiB() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return 0;
  }

  private static long tableFiles(Path dataDir) {
    try (Stream<Path> files = Files.list(dataDir)) {
      return files.filter(file -> file.toString().endsWith(".sst")).count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
