package io.tributary.storage.rocksdb;

import io.tributary.storage.ShardLog;
import io.tributary.storage.ShardLogClosedException;
import io.tributary.storage.ShardLogId;
import io.tributary.storage.StorageException;
import io.tributary.storage.StreamCatalog;
import io.tributary.storage.StreamStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
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
 * default} (which stays empty) is one {@link ShardLog}, named by its {@link ShardLogId}. The
 * bytes in each are described, with worked examples, in {@link io.tributary.storage.rocksdb}.
 *
 * <p>Opening lists the column families already on disk and opens them all (RocksDB requires it);
 * a shard log's tail is read lazily, on its first append. All column families share one block
 * cache and one write buffer manager (see {@link RocksDbResources}), so memory stays bounded
 * with 1,000 shards.
 *
 * <p>Failures follow {@link RocksDbErrorPolicy}: {@code RocksDBException} is wrapped once, here
 * or in the shard log or catalog that called RocksDB, into {@link StorageException}.
 *
 * <p>Thread-safe. Appends, trims and drops are ordered by the single {@link ShardLogWriter}
 * thread; reads and catalog calls run on the caller's thread under a {@link HandleGate} lease;
 * creating shard logs is serialized by {@code createLock}.
 */
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

  private RocksDbStreamStore(
      Path dataDir,
      RocksDbStoreConfig config,
      RocksDbResources resources,
      RocksDB db,
      List<byte[]> names,
      List<ColumnFamilyHandle> handles) {
    this.dataDir = dataDir;
    this.resources = resources;
    this.db = db;
    this.gate = new HandleGate(dataDir.toString());
    this.writer = new ShardLogWriter(db, resources.writeOptions, config.clock(), this::dropNow);
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
   * @throws StorageException if the directory cannot be used; the message names it and says why
   *     in plain words (in use by another broker, not a directory, not writable, corrupt)
   */
  public static RocksDbStreamStore open(RocksDbStoreConfig config) {
    Objects.requireNonNull(config, "config");
    Path dataDir = config.dataDir().toAbsolutePath().normalize();
    prepareDirectory(dataDir);
    loadLibrary();
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
      return new RocksDbStreamStore(dataDir, config, resources, db, names, handles);
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

  @Override
  public ShardLog createShardLog(ShardLogId id) {
    Objects.requireNonNull(id, "id");
    try (HandleGate.Lease lease = gate.enter()) {
      synchronized (createLock) {
        RocksDbShardLog existing = shardLogs.get(id);
        if (existing != null) {
          if (existing.isDropped()) {
            throw new ShardLogClosedException("shard log " + id + " is being dropped");
          }
          return existing;
        }
        ColumnFamilyHandle handle =
            db.createColumnFamily(
                new ColumnFamilyDescriptor(columnFamilyName(id), resources.shardOptions));
        RocksDbShardLog created = new RocksDbShardLog(id, handle, db, gate, writer);
        shardLogs.put(id, created);
        return created;
      }
    } catch (RocksDBException e) {
      throw RocksDbErrorPolicy.wrap("creation of shard log " + id + " in " + dataDir, e);
    }
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
   * <p>Returns once the column family is dropped; RocksDB deletes its files in the background.
   *
   * @throws IllegalStateException if called on the writer thread (from an append's callback)
   */
  @Override
  public void dropShardLog(ShardLogId id) {
    Objects.requireNonNull(id, "id");
    writer.checkNotOnWriterThread("dropShardLog");
    CompletableFuture<Void> dropped;
    try (HandleGate.Lease lease = gate.enter()) {
      RocksDbShardLog shardLog = shardLogs.get(id);
      if (shardLog == null || !shardLog.markDropped()) {
        return;
      }
      dropped = writer.submitDrop(shardLog);
    }
    try {
      dropped.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause
          ? cause
          : new StorageException("drop of shard log " + id + " failed", e.getCause());
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

  @Override
  public String toString() {
    return "RocksDbStreamStore[" + dataDir + "]";
  }

  /** Drops the log's column family and releases its handle. Runs on the writer thread. */
  private void dropNow(RocksDbShardLog shardLog) {
    gate.runExclusive(
        () -> {
          shardLogs.remove(shardLog.id(), shardLog);
          try {
            db.dropColumnFamily(shardLog.handle());
          } catch (RocksDBException e) {
            log.error(
                "Drop of shard log {} failed; it stays on disk until the next start", shardLog.id());
            throw RocksDbErrorPolicy.wrap("drop of shard log " + shardLog.id(), e);
          } finally {
            shardLog.handle().close();
          }
        });
  }

  private static void prepareDirectory(Path dataDir) {
    try {
      Files.createDirectories(dataDir);
    } catch (FileAlreadyExistsException e) {
      throw RocksDbErrorPolicy.openFailure(dataDir, "a file that is not a directory is in the way", e);
    } catch (AccessDeniedException e) {
      throw RocksDbErrorPolicy.openFailure(
          dataDir, "permission denied creating " + e.getFile(), e);
    } catch (IOException e) {
      throw RocksDbErrorPolicy.openFailure(dataDir, "it cannot be created (" + e + ")", e);
    }
    if (!Files.isWritable(dataDir)) {
      throw RocksDbErrorPolicy.openFailure(dataDir, "it is not writable by this user", null);
    }
  }

  private static void loadLibrary() {
    try {
      RocksDB.loadLibrary();
    } catch (RuntimeException | UnsatisfiedLinkError e) {
      throw new StorageException(
          "Cannot load the RocksDB native library (is java.io.tmpdir writable?): " + e, e);
    }
  }

  /** The column families on disk, or the two a new store starts with. */
  private static List<byte[]> existingColumnFamilies(Path dataDir) throws RocksDBException {
    List<byte[]> names = new ArrayList<>();
    if (Files.exists(dataDir.resolve("CURRENT"))) {
      try (Options options = new Options()) {
        names.addAll(RocksDB.listColumnFamilies(options, dataDir.toString()));
      }
    } else {
      names.add(RocksDB.DEFAULT_COLUMN_FAMILY);
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
