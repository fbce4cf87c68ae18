package io.tributary.storage.rocksdb;

import io.tributary.storage.Durability;
import io.tributary.storage.ShardLog;
import io.tributary.storage.ShardLogClosedException;
import io.tributary.storage.ShardLogId;
import io.tributary.storage.StorageException;
import io.tributary.storage.StoredRecord;
import io.tributary.storage.StreamCatalog;
import io.tributary.storage.StreamStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link StreamStore} in one RocksDB database under a data directory: the {@code catalog}
 * column family holds the {@link StreamCatalog}, and every other column family except {@code
 * default} (which stays empty) is one {@link ShardLog}, named by its {@link ShardLogId}. The bytes
 * in each are described, with worked examples, in {@link io.tributary.storage.rocksdb}.
 *
 * <p>Opening lists the column families already on disk and opens them all (RocksDB requires it); a
 * shard log's tail is read lazily, on its first append. All column families share one block cache
 * and one write buffer manager (see {@link RocksDbResources}), so memory stays bounded with 1,000
 * shards.
 *
 * <p>Failures follow {@link RocksDbErrorPolicy}: {@code RocksDBException} is wrapped once, here or
 * in the shard log or catalog that called RocksDB, into {@link StorageException}.
 *
 * <p>Thread-safe. Appends and trims are ordered by the single {@link ShardLogWriter} thread; reads,
 * catalog calls, and the creation and drop of column families run on the caller's thread under a
 * {@link HandleGate} lease; creations are serialized by {@code createLock}.
 */
// "try": a HandleGate lease is held for its try block and never read inside it.
@SuppressWarnings("try")
public final class RocksDbStreamStore implements StreamStore {

  /** The column family of the {@link StreamCatalog}. */
  static final String CATALOG_COLUMN_FAMILY = "catalog";

  private static final Logger log = LoggerFactory.getLogger(RocksDbStreamStore.class);

  private final Path dataDir;
  private final RocksDbResources resources;
  private final RocksDB db;
  private final ColumnFamilyHandle defaultHandle;
  private final ColumnFamilyHandle catalogHandle;
  private final HandleGate gate;
  private final RocksDbCatalog catalog;
  private final ShardLogWriter writer;
  private final ConcurrentMap<ShardLogId, RocksDbShardLog> shardLogs = new ConcurrentHashMap<>();
  private final Object createLock = new Object();
  /** Whether every write is fsynced ({@link io.tributary.storage.Durability#FSYNC}). */
  private final boolean syncsEveryWrite;

  private RocksDbStreamStore(
      Path dataDir,
      RocksDbStoreConfig config,
      UnaryOperator<ShardLogWriter.BatchSink> sinkWrapper,
      RocksDbResources resources,
      RocksDB db,
      List<byte[]> names,
      List<ColumnFamilyHandle> handles) {
    this.dataDir = dataDir;
    this.resources = resources;
    this.db = db;
    this.gate = new HandleGate(dataDir.toString());
    this.syncsEveryWrite = config.durability() == Durability.FSYNC;
    ShardLogWriter.BatchSink sink =
        (batch, mayStall) ->
            db.write(mayStall ? resources.writeOptions : resources.noStallWriteOptions, batch);
    this.writer = new ShardLogWriter(sinkWrapper.apply(sink), config.clock());
    ColumnFamilyHandle defaultCf = null;
    ColumnFamilyHandle catalogCf = null;
    for (int i = 0; i < names.size(); i++) {
      String name = new String(names.get(i), StandardCharsets.US_ASCII);
      ColumnFamilyHandle handle = handles.get(i);
      if (Arrays.equals(names.get(i), RocksDB.DEFAULT_COLUMN_FAMILY)) {
        defaultCf = handle;
      } else if (name.equals(CATALOG_COLUMN_FAMILY)) {
        catalogCf = handle;
      } else {
        ShardLogId id = shardLogId(dataDir, names.get(i));
        shardLogs.put(id, new RocksDbShardLog(id, handle, db, gate, writer));
      }
    }
    this.defaultHandle = Objects.requireNonNull(defaultCf, "default column family");
    this.catalogHandle = Objects.requireNonNull(catalogCf, "catalog column family");
    this.catalog = new RocksDbCatalog(db, catalogHandle, resources.writeOptions, gate);
    writer.start();
  }

  /**
   * Opens the store under {@code config.dataDir()}, creating the directory and the database if
   * missing.
   *
   * @throws StorageException if the directory cannot be used; the message names it and says why in
   *     plain words (in use by another broker, not a directory, not writable, corrupt)
   */
  public static RocksDbStreamStore open(RocksDbStoreConfig config) {
    return open(config, UnaryOperator.identity());
  }

  /**
   * Opens the store with the writer's batches passing through {@code sinkWrapper}: the seam through
   * which tests make a WAL write fail.
   */
  static RocksDbStreamStore open(
      RocksDbStoreConfig config, UnaryOperator<ShardLogWriter.BatchSink> sinkWrapper) {
    Objects.requireNonNull(config, "config");
    Path dataDir = config.dataDir().toAbsolutePath().normalize();
    prepareDirectory(dataDir);
    // A no-op when the broker has loaded it from NativeLibraryCache; tests open stores directly.
    NativeLibraryCache.loadWithRocksJava();
    RocksDbResources resources = new RocksDbResources(config);
    List<ColumnFamilyHandle> handles = new ArrayList<>();
    RocksDB db = null;
    try {
      List<byte[]> names = existingColumnFamilies(dataDir);
      List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
      for (byte[] name : names) {
        boolean shard =
            !Arrays.equals(name, RocksDB.DEFAULT_COLUMN_FAMILY)
                && !Arrays.equals(name, catalogName());
        descriptors.add(
            new ColumnFamilyDescriptor(
                name, shard ? resources.shardOptions : resources.catalogOptions));
      }
      db = RocksDB.open(resources.dbOptions, dataDir.toString(), descriptors, handles);
      return new RocksDbStreamStore(dataDir, config, sinkWrapper, resources, db, names, handles);
    } catch (RocksDBException e) {
      release(handles, db, resources);
      throw RocksDbErrorPolicy.openFailure(dataDir, e);
    } catch (RuntimeException | Error e) {
      release(handles, db, resources);
      throw e;
    }
  }

  /** The absolute data directory. */
  public Path dataDir() {
    return dataDir;
  }

  @Override
  public StreamCatalog catalog() {
    return catalog;
  }

  /**
   * {@inheritDoc}
   *
   * <p>Costs one RocksDB column family creation, which rewrites the OPTIONS file: about 0.3 s once
   * 1,000 shard logs exist. Use {@link #createShardLogs} for a whole stream.
   *
   * @throws ShardLogClosedException if a log of that name is being dropped
   */
  @Override
  public ShardLog createShardLog(ShardLogId id) {
    return createShardLogs(List.of(id)).get(0);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Creates all missing column families in one RocksDB call, so the OPTIONS file is written
   * once.
   *
   * @throws ShardLogClosedException if a log of one of those names is being dropped
   */
  @Override
  public List<ShardLog> createShardLogs(List<ShardLogId> ids) {
    List<ShardLogId> wanted = List.copyOf(ids);
    try (HandleGate.Lease lease = gate.enter()) {
      synchronized (createLock) {
        List<ShardLogId> missing = new ArrayList<>();
        List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
        for (ShardLogId id : new LinkedHashSet<>(wanted)) {
          RocksDbShardLog existing = shardLogs.get(id);
          if (existing == null) {
            missing.add(id);
            descriptors.add(
                new ColumnFamilyDescriptor(columnFamilyName(id), resources.shardOptions));
          } else if (existing.isDropped()) {
            throw new ShardLogClosedException("shard log " + id + " is being dropped");
          }
        }
        if (!descriptors.isEmpty()) {
          List<ColumnFamilyHandle> handles = db.createColumnFamilies(descriptors);
          for (int i = 0; i < missing.size(); i++) {
            ShardLogId id = missing.get(i);
            shardLogs.put(id, new RocksDbShardLog(id, handles.get(i), db, gate, writer));
          }
        }
        List<ShardLog> result = new ArrayList<>(wanted.size());
        for (ShardLogId id : wanted) {
          result.add(shardLogs.get(id));
        }
        return result;
      }
    } catch (RocksDBException e) {
      throw RocksDbErrorPolicy.wrap("creation of shard logs " + abbreviate(wanted), e);
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>Submitted to the writer together, so they share one write: the caller's own if nothing else
   * is being written (see {@link ShardLogWriter}), else the writer thread's next batch.
   */
  @Override
  public List<CompletableFuture<List<StoredRecord>>> appendAll(List<ShardAppend> appends) {
    List<Prepared> prepared = prepare(appends);
    try (HandleGate.Lease lease = gate.enter()) {
      writer.submitAppends(submittable(prepared));
    } catch (ShardLogClosedException e) {
      return failedAll(appends, e);
    }
    return futures(prepared);
  }

  /** True under {@link io.tributary.storage.Durability#WAL}: an fsync is never done on an event loop. */
  @Override
  public boolean canAppendWithoutBlocking() {
    return !syncsEveryWrite;
  }

  /**
   * {@inheritDoc}
   *
   * <p>Appends only under {@link io.tributary.storage.Durability#WAL}, when no other write is in
   * progress or queued and no shard log is being dropped. The write then goes into RocksDB's
   * write-ahead log without a sync, which is a {@code write(2)} into the page cache (tens of
   * microseconds for a request's records), with RocksDB told not to wait if it would stall the
   * write ({@code no_slowdown}); a stalled write appends nothing and answers empty.
   */
  @Override
  public Optional<List<CompletableFuture<List<StoredRecord>>>> appendAllIfIdle(
      List<ShardAppend> appends) {
    if (syncsEveryWrite) {
      return Optional.empty();
    }
    List<Prepared> prepared = prepare(appends);
    Optional<HandleGate.Lease> lease;
    try {
      lease = gate.tryEnter();
    } catch (ShardLogClosedException e) {
      return Optional.of(failedAll(appends, e));
    }
    if (lease.isEmpty()) {
      return Optional.empty();
    }
    try (HandleGate.Lease held = lease.get()) {
      if (!writer.submitAppendsIfIdle(submittable(prepared))) {
        return Optional.empty();
      }
    }
    return Optional.of(futures(prepared));
  }

  /** An append checked and bound to its log, or the failure that its log is gone. */
  private record Prepared(
      Optional<ShardLogWriter.Append> append, CompletableFuture<List<StoredRecord>> failed) {}

  private List<Prepared> prepare(List<ShardAppend> appends) {
    List<Prepared> prepared = new ArrayList<>(appends.size());
    for (ShardAppend append : appends) {
      RocksDbShardLog shardLog = shardLogs.get(Objects.requireNonNull(append.log(), "log"));
      if (shardLog == null || shardLog.isDropped()) {
        ShardLogClosedException gone =
            shardLog == null
                ? new ShardLogClosedException("shard log " + append.log() + " does not exist")
                : shardLog.droppedException();
        prepared.add(new Prepared(Optional.empty(), CompletableFuture.failedFuture(gone)));
      } else {
        prepared.add(
            new Prepared(
                Optional.of(
                    shardLog.prepareAppend(append.records(), append.minSequenceExclusive())),
                null));
      }
    }
    return prepared;
  }

  private static List<ShardLogWriter.Append> submittable(List<Prepared> prepared) {
    List<ShardLogWriter.Append> result = new ArrayList<>(prepared.size());
    for (Prepared p : prepared) {
      p.append().ifPresent(result::add);
    }
    return result;
  }

  private static List<CompletableFuture<List<StoredRecord>>> futures(List<Prepared> prepared) {
    List<CompletableFuture<List<StoredRecord>>> result = new ArrayList<>(prepared.size());
    for (Prepared p : prepared) {
      result.add(p.append().map(ShardLogWriter.Append::future).orElse(p.failed()));
    }
    return result;
  }

  private static List<CompletableFuture<List<StoredRecord>>> failedAll(
      List<ShardAppend> appends, ShardLogClosedException e) {
    return appends.stream().map(a -> CompletableFuture.<List<StoredRecord>>failedFuture(e)).toList();
  }

  @Override
  public Optional<ShardLog> shardLog(ShardLogId id) {
    Objects.requireNonNull(id, "id");
    try (HandleGate.Lease lease = gate.enter()) {
      RocksDbShardLog found = shardLogs.get(id);
      return found == null || found.isDropped() ? Optional.empty() : Optional.of(found);
    }
  }

  @Override
  public Set<ShardLogId> shardLogIds() {
    try (HandleGate.Lease lease = gate.enter()) {
      return shardLogs.values().stream()
          .filter(shardLog -> !shardLog.isDropped())
          .map(RocksDbShardLog::id)
          .collect(Collectors.toUnmodifiableSet());
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>Returns once the column family is dropped; RocksDB deletes its files in the background. Like
   * {@link #createShardLog}, it rewrites the OPTIONS file; use {@link #dropShardLogs} for a whole
   * stream.
   *
   * @throws IllegalStateException if called on the writer thread (from an append's callback)
   */
  @Override
  public void dropShardLog(ShardLogId id) {
    dropShardLogs(List.of(id));
  }

  /**
   * {@inheritDoc}
   *
   * <p>Marks the logs dropped (later appends and reads fail), waits until the writer has written
   * everything queued before that, drops the column families in one RocksDB call on this thread
   * (appends to other shards go on meanwhile), then releases the handles once no read is using
   * them. If RocksDB fails to drop them they stay on disk and are listed again after a restart, for
   * the caller's reconciliation to retry.
   *
   * @throws IllegalStateException if called on the writer thread (from an append's callback)
   */
  @Override
  public void dropShardLogs(Collection<ShardLogId> ids) {
    writer.checkNotOnWriterThread("dropShardLogs");
    List<RocksDbShardLog> dropping = new ArrayList<>();
    CompletableFuture<Void> barrier;
    try (HandleGate.Lease lease = gate.enter()) {
      for (ShardLogId id : ids) {
        RocksDbShardLog shardLog = shardLogs.get(Objects.requireNonNull(id, "id"));
        if (shardLog != null && shardLog.markDropped()) {
          dropping.add(shardLog);
        }
      }
      if (dropping.isEmpty()) {
        return;
      }
      barrier = writer.submitBarrier();
    }
    ShardLogWriter.await(barrier);
    try (HandleGate.Lease lease = gate.enter()) {
      db.dropColumnFamilies(dropping.stream().map(RocksDbShardLog::handle).toList());
    } catch (RocksDBException e) {
      log.error("Drop of shard logs {} failed; they stay on disk until the next start", dropping);
      throw RocksDbErrorPolicy.wrap(
          "drop of shard logs " + abbreviate(dropping.stream().map(RocksDbShardLog::id).toList()),
          e);
    } finally {
      gate.runExclusive(
          () -> {
            for (RocksDbShardLog shardLog : dropping) {
              if (shardLogs.remove(shardLog.id(), shardLog)) {
                shardLog.handle().close();
              }
            }
          });
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>Appends already queued are written first; then the write-ahead log is synced (so a clean
   * shutdown under {@code WAL} durability also survives power loss), and every native handle is
   * released: column families, database, options, write buffer manager, cache.
   *
   * @throws StorageException if syncing the log or closing the database failed; everything is
   *     released all the same
   */
  @Override
  public void close() {
    if (!gate.close()) {
      return;
    }
    writer.stop();
    StorageException[] failure = new StorageException[1];
    gate.runExclusive(
        () -> {
          try {
            db.flushWal(true);
          } catch (RocksDBException e) {
            failure[0] = RocksDbErrorPolicy.wrap("sync of the write-ahead log in " + dataDir, e);
          }
          shardLogs.values().forEach(shardLog -> shardLog.handle().close());
          shardLogs.clear();
          catalogHandle.close();
          defaultHandle.close();
          try {
            db.closeE();
          } catch (RocksDBException e) {
            StorageException closeFailure =
                RocksDbErrorPolicy.wrap("close of the database in " + dataDir, e);
            if (failure[0] == null) {
              failure[0] = closeFailure;
            } else {
              failure[0].addSuppressed(closeFailure);
            }
          }
          resources.close();
        });
    if (failure[0] != null) {
      throw failure[0];
    }
  }

  /**
   * RocksDB's view of its memory and files, for watching a running store by hand ({@code
   * ManyShardsMemoryWatch} in the tests): the shared cache's usage and pinned usage, and, summed
   * over every column family, memtables, table readers, level-0 files and pending compaction.
   * Thread-safe; each figure is read separately, so they are not one snapshot.
   */
  StoreMemory memory() {
    try (HandleGate.Lease lease = gate.enter()) {
      long levelZeroFiles = 0;
      for (RocksDbShardLog shardLog : shardLogs.values()) {
        levelZeroFiles +=
            Long.parseLong(db.getProperty(shardLog.handle(), "rocksdb.num-files-at-level0").trim());
      }
      return new StoreMemory(
          resources.cache.getUsage(),
          resources.cache.getPinnedUsage(),
          db.getAggregatedLongProperty("rocksdb.cur-size-all-mem-tables"),
          db.getAggregatedLongProperty("rocksdb.estimate-table-readers-mem"),
          levelZeroFiles,
          db.getAggregatedLongProperty("rocksdb.estimate-pending-compaction-bytes"));
    } catch (RocksDBException e) {
      throw RocksDbErrorPolicy.wrap("reading memory properties of " + dataDir, e);
    }
  }

  /** What {@link #memory()} answers; bytes unless the name says otherwise. */
  record StoreMemory(
      long cacheUsageBytes,
      long cachePinnedBytes,
      long memTableBytes,
      long tableReaderBytes,
      long levelZeroFiles,
      long pendingCompactionBytes) {}

  @Override
  public String toString() {
    return "RocksDbStreamStore[" + dataDir + "]";
  }

  /** At most three names, for messages about many shard logs. */
  private static String abbreviate(List<ShardLogId> ids) {
    return ids.size() <= 3
        ? ids.toString()
        : ids.subList(0, 3) + " and " + (ids.size() - 3) + " more";
  }

  private static void prepareDirectory(Path dataDir) {
    try {
      Files.createDirectories(dataDir);
    } catch (FileAlreadyExistsException e) {
      throw RocksDbErrorPolicy.openFailure(
          dataDir, "a file that is not a directory is in the way", e);
    } catch (AccessDeniedException e) {
      throw RocksDbErrorPolicy.openFailure(dataDir, "permission denied creating " + e.getFile(), e);
    } catch (FileSystemException e) {
      throw RocksDbErrorPolicy.openFailure(
          dataDir, "it cannot be created (" + e.getFile() + ": " + e.getReason() + ")", e);
    } catch (IOException e) {
      throw RocksDbErrorPolicy.openFailure(dataDir, "it cannot be created (" + e + ")", e);
    }
    if (!Files.isWritable(dataDir)) {
      throw RocksDbErrorPolicy.openFailure(dataDir, "it is not writable by this user", null);
    }
  }

  /**
   * The column families on disk, or the two a new store starts with. RocksJava answers an
   * unreadable manifest with an empty list rather than an error; opening with just the default
   * column family then fails with RocksDB's own explanation (or, if the manifest does list shard
   * logs, with "column families not opened"), never with a silently empty store.
   */
  private static List<byte[]> existingColumnFamilies(Path dataDir) throws RocksDBException {
    List<byte[]> names = new ArrayList<>();
    if (Files.exists(dataDir.resolve("CURRENT"))) {
      try (Options options = new Options()) {
        names.addAll(RocksDB.listColumnFamilies(options, dataDir.toString()));
      }
    }
    if (names.stream().noneMatch(name -> Arrays.equals(name, RocksDB.DEFAULT_COLUMN_FAMILY))) {
      names.add(0, RocksDB.DEFAULT_COLUMN_FAMILY);
    }
    if (names.stream().noneMatch(name -> Arrays.equals(name, catalogName()))) {
      names.add(catalogName());
    }
    return names;
  }

  private static ShardLogId shardLogId(Path dataDir, byte[] columnFamilyName) {
    String name = new String(columnFamilyName, StandardCharsets.US_ASCII);
    try {
      return new ShardLogId(name);
    } catch (IllegalArgumentException e) {
      throw RocksDbErrorPolicy.openFailure(
          dataDir,
          "it holds a column family named '"
              + name
              + "', which is not a Tributary shard log; is this a Tributary data directory?",
          e);
    }
  }

  private static byte[] columnFamilyName(ShardLogId id) {
    return id.value().getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] catalogName() {
    return CATALOG_COLUMN_FAMILY.getBytes(StandardCharsets.US_ASCII);
  }

  private static void release(
      List<ColumnFamilyHandle> handles, RocksDB db, RocksDbResources resources) {
    handles.forEach(ColumnFamilyHandle::close);
    if (db != null) {
      db.close();
    }
    resources.close();
  }
}
