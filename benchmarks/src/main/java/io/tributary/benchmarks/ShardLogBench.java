package io.tributary.benchmarks;

import io.tributary.storage.Durability;
import io.tributary.storage.NewRecord;
import io.tributary.storage.ShardLog;
import io.tributary.storage.ShardLogId;
import io.tributary.storage.StoredRecord;
import io.tributary.storage.rocksdb.RocksDbStoreConfig;
import io.tributary.storage.rocksdb.RocksDbStreamStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The RocksDB shard log under the broker (durability {@code wal}, as served by default): one
 * append of a PutRecords-sized batch through the single writer thread, and one read of 1,000
 * records from a log filled with 200,000 (mostly flushed to table files, read through the
 * block cache). Time per operation; divide by the batch size for time per record.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ShardLogBench {
  static final int BATCH = 500;
  static final int READ = 1000;
  static final int FILLED = 200_000;

  @Param({"100", "1024"})
  int recordBytes;

  private Path dataDir;
  private RocksDbStreamStore store;
  private ShardLog appendLog;
  private ShardLog readLog;
  private List<NewRecord> batch;
  private long firstSequence;
  private long nextSequence;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    dataDir = Files.createTempDirectory("tributary-shardlog-bench");
    store = RocksDbStreamStore.open(RocksDbStoreConfig.defaults(dataDir).withDurability(Durability.WAL));
    appendLog = store.createShardLog(new ShardLogId("shard/1/0"));
    readLog = store.createShardLog(new ShardLogId("shard/2/0"));
    Random random = new Random(3);
    batch = new ArrayList<>(BATCH);
    for (int i = 0; i < BATCH; i++) {
      byte[] data = new byte[recordBytes];
      random.nextBytes(data);
      batch.add(new NewRecord("partition-key-" + i, data));
    }
    for (int i = 0; i < FILLED / BATCH; i++) {
      readLog.append(batch, 0).join();
    }
    firstSequence = readLog.firstSequence().orElseThrow();
    nextSequence = firstSequence;
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    store.close();
    try (Stream<Path> files = Files.walk(dataDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  @Benchmark
  public List<StoredRecord> append() {
    return appendLog.append(batch, 0).join();
  }

  /** Reads the log front to back, 1,000 records at a time, starting over at the end. */
  @Benchmark
  public List<StoredRecord> read() {
    List<StoredRecord> records = readLog.read(nextSequence, READ, Long.MAX_VALUE);
    nextSequence = records.size() < READ ? firstSequence : records.get(READ - 1).sequence() + 1;
    return records;
  }
}
