package io.tributary.core;

import io.tributary.storage.NewRecord;
import io.tributary.storage.ShardLog;
import io.tributary.storage.ShardLogClosedException;
import io.tributary.storage.ShardLogId;
import io.tributary.storage.StoredRecord;
import io.tributary.storage.StreamCatalog;
import io.tributary.storage.StreamStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A hand-written in-memory {@link StreamStore} for domain tests: the same contract as the
 * RocksDB store (sequence rule, arrival times that never decrease), nothing on disk. Thread-safe.
 */
public final class InMemoryStreamStore implements StreamStore {
  private final Clock clock;
  private final Catalog catalog = new Catalog();
  private final Map<ShardLogId, Log> logs = new ConcurrentHashMap<>();

  /** Whether {@link #appendAllIfIdle} appends (as the RocksDB store under WAL durability). */
  private volatile boolean appendsWithoutBlocking;

  public InMemoryStreamStore(Clock clock) {
    this.clock = clock;
  }

  /** Makes {@link #appendAllIfIdle} append at once, or (the default) never. */
  public void appendsWithoutBlocking(boolean allowed) {
    appendsWithoutBlocking = allowed;
  }

  @Override
  public boolean canAppendWithoutBlocking() {
    return appendsWithoutBlocking;
  }

  @Override
  public Optional<List<CompletableFuture<List<StoredRecord>>>> appendAllIfIdle(List<ShardAppend> appends) {
    return appendsWithoutBlocking ? Optional.of(appendAll(appends)) : Optional.empty();
  }

  @Override
  public StreamCatalog catalog() {
    return catalog;
  }

  @Override
  public ShardLog createShardLog(ShardLogId id) {
    return logs.computeIfAbsent(id, Log::new);
  }

  @Override
  public Optional<ShardLog> shardLog(ShardLogId id) {
    return Optional.ofNullable(logs.get(id));
  }

  @Override
  public Set<ShardLogId> shardLogIds() {
    return Set.copyOf(logs.keySet());
  }

  @Override
  public void dropShardLog(ShardLogId id) {
    Log log = logs.remove(id);
    if (log != null) {
      log.dropped = true;
    }
  }

  @Override
  public void close() {}

  private static final class Catalog implements StreamCatalog {
    private final ConcurrentSkipListMap<String, byte[]> entries = new ConcurrentSkipListMap<>();

    @Override
    public Optional<byte[]> get(String key) {
      return Optional.ofNullable(entries.get(key)).map(byte[]::clone);
    }

    @Override
    public List<CatalogEntry> scan(String prefix) {
      List<CatalogEntry> result = new ArrayList<>();
      for (Map.Entry<String, byte[]> e : entries.tailMap(prefix).entrySet()) {
        if (!e.getKey().startsWith(prefix)) {
          break;
        }
        result.add(new CatalogEntry(e.getKey(), e.getValue().clone()));
      }
      return result;
    }

    @Override
    public void put(String key, byte[] value) {
      entries.put(key, value.clone());
    }

    @Override
    public void delete(String key) {
      entries.remove(key);
    }
  }

  private final class Log implements ShardLog {
    private final ShardLogId id;
    private final ConcurrentSkipListMap<Long, StoredRecord> records = new ConcurrentSkipListMap<>();
    private long last;
    private long lastArrival;
    private volatile boolean dropped;

    Log(ShardLogId id) {
      this.id = id;
    }

    @Override
    public ShardLogId id() {
      return id;
    }

    @Override
    public synchronized CompletableFuture<List<StoredRecord>> append(List<NewRecord> batch, long minSequenceExclusive) {
      if (dropped) {
        return CompletableFuture.failedFuture(new ShardLogClosedException(id + " was dropped"));
      }
      List<StoredRecord> stored = new ArrayList<>(batch.size());
      for (NewRecord r : batch) {
        long arrival = Math.max(clock.millis(), lastArrival);
        long seq = Math.max(Math.max(last + 1, arrival << 20), minSequenceExclusive + 1);
        StoredRecord s = new StoredRecord(seq, arrival, r.partitionKey(), r.data());
        records.put(seq, s);
        stored.add(s);
        last = seq;
        lastArrival = arrival;
      }
      return CompletableFuture.completedFuture(stored);
    }

    @Override
    public List<StoredRecord> read(long fromSequence, int maxRecords, long maxBytes) {
      List<StoredRecord> result = new ArrayList<>();
      long bytes = 0;
      for (StoredRecord r : records.tailMap(fromSequence).values()) {
        if (result.size() == maxRecords || (!result.isEmpty() && bytes + r.sizeBytes() > maxBytes)) {
          break;
        }
        result.add(r);
        bytes += r.sizeBytes();
      }
      return result;
    }

    @Override
    public OptionalLong lastSequence() {
      return records.isEmpty() ? OptionalLong.empty() : OptionalLong.of(records.lastKey());
    }

    @Override
    public OptionalLong firstSequence() {
      return records.isEmpty() ? OptionalLong.empty() : OptionalLong.of(records.firstKey());
    }

    @Override
    public OptionalLong firstSequenceAtOrAfter(long epochMillis) {
      for (StoredRecord r : records.tailMap(epochMillis << 20).values()) {
        if (r.arrivalMillis() >= epochMillis) {
          return OptionalLong.of(r.sequence());
        }
      }
      return OptionalLong.empty();
    }

    @Override
    public void trimBefore(long sequence) {
      records.headMap(sequence).clear();
    }
  }
}
