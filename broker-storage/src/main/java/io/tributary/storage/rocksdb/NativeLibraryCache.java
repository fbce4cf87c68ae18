package io.tributary.storage.rocksdb;

import io.tributary.storage.StorageException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.jar.JarEntry;
import java.util.zip.CRC32;
import org.rocksdb.RocksDB;
import org.rocksdb.util.Environment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RocksDB's JNI library, copied out of the rocksdbjni jar once into a cache directory and loaded
 * from there on every start after.
 *
 * <p>RocksJava's own loader ({@link RocksDB#loadLibrary()}) copies the 15 MB library for this
 * platform out of the jar into a new temporary file on every start, about 0.1 s of a broker's
 * start-up. This class keeps the copy instead, named by the library's CRC-32 and size as the jar's
 * directory records them (read without inflating the library), so a different rocksdbjni build
 * gets a directory of its own and an old one is never loaded by mistake:
 *
 * <pre>
 * CACHE_DIR/
 *   rocksdbjni-9f3c2a71-15377032/
 *     librocksdbjnijni-linux64.so    librocksdbjni-linux64.so from the jar, byte for byte
 * </pre>
 *
 * <p>A copy is written to a temporary file in that directory and renamed onto its name
 * atomically, so a reader sees no file or a whole one, and two brokers starting at once each
 * write their own temporary file and the second rename replaces the first with the same bytes. A
 * copy whose size or CRC-32 is wrong (a disk that filled up, a hand edit) is written again: it is
 * checked on every start, a few milliseconds, because loading a damaged library could crash the
 * JVM rather than fail.
 *
 * <p>{@link #load()} never fails where RocksJava's loader would succeed: on any problem with the
 * cache (not writable, not a jar, a library that does not load) it logs why and falls back to
 * {@link RocksDB#loadLibrary()}. It loads the library once per process; RocksJava's later calls
 * to {@code loadLibrary()} see it loaded and return.
 *
 * <p>Thread-safe, and safe for several processes sharing the cache directory.
 */
public final class NativeLibraryCache {
  private static final Logger log = LoggerFactory.getLogger(NativeLibraryCache.class);
  private static final String CACHE_ENTRY_PREFIX = "rocksdbjni";

  private final Path cacheDir;
  private final ClassLoader classLoader;
  private final String resourceName;
  private final String cachedFileName;

  /**
   * A cache of this platform's RocksDB library under {@code cacheDir}, created with owner-only
   * permissions if missing.
   */
  public NativeLibraryCache(Path cacheDir) {
    // The jar holds lib<rocksdbjni-linux64>.so, RocksJava's name for "rocksdb"; the loader that
    // takes a directory, RocksDB.loadLibrary(List), looks there for the name it gives
    // "rocksdbjni", librocksdbjnijni-linux64.so, so the copy is kept under that name.
    this(cacheDir, RocksDB.class.getClassLoader(), Environment.getJniLibraryFileName("rocksdb"),
        Environment.getJniLibraryFileName("rocksdbjni"));
  }

  /**
   * A cache of the jar resource {@code resourceName} from {@code classLoader}, kept as {@code
   * cachedFileName}; for tests.
   */
  NativeLibraryCache(
      Path cacheDir, ClassLoader classLoader, String resourceName, String cachedFileName) {
    this.cacheDir = Objects.requireNonNull(cacheDir, "cacheDir").toAbsolutePath().normalize();
    this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
    this.resourceName = Objects.requireNonNull(resourceName, "resourceName");
    this.cachedFileName = Objects.requireNonNull(cachedFileName, "cachedFileName");
  }

  /**
   * Loads RocksDB's native library from the cache, copying it there first if needed; falls back
   * to {@link RocksDB#loadLibrary()} if the cache cannot be used.
   *
   * @throws StorageException only when RocksJava's own loader fails too
   */
  public void load() {
    long startNanos = System.nanoTime();
    Path library;
    try {
      library = cachedLibrary();
    } catch (IOException | RuntimeException e) {
      log.info("Not caching the RocksDB native library in {} ({}); extracting it to a temporary file",
          cacheDir, e.toString());
      loadWithRocksJava();
      return;
    }
    try {
      // Loads DIR/<cachedFileName> and records the library as loaded, or throws.
      RocksDB.loadLibrary(List.of(library.getParent().toString()));
    } catch (RuntimeException | UnsatisfiedLinkError e) {
      log.warn("Cannot load the cached RocksDB native library {} ({}); extracting it again to a "
          + "temporary file", library, e.toString());
      loadWithRocksJava();
      return;
    }
    log.debug("Loaded the RocksDB native library from {} in {} ms", library,
        (System.nanoTime() - startNanos) / 1_000_000);
  }

  /**
   * RocksJava's own loader, which copies the library into a new temporary file unless it is
   * already loaded (then it returns at once).
   */
  static void loadWithRocksJava() {
    try {
      RocksDB.loadLibrary();
    } catch (RuntimeException | UnsatisfiedLinkError e) {
      throw new StorageException(
          "Cannot load the RocksDB native library (is java.io.tmpdir writable?): " + e, e);
    }
  }

  /**
   * The intact cached copy of the library, written first if missing or damaged.
   *
   * @throws IOException if the library is not in a jar on the class path, or the cache cannot be
   *     written
   */
  Path cachedLibrary() throws IOException {
    URL resource = classLoader.getResource(resourceName);
    if (resource == null) {
      throw new IOException(resourceName + " is not on the class path");
    }
    URLConnection connection = resource.openConnection();
    if (!(connection instanceof JarURLConnection jar)) {
      throw new IOException(resourceName + " is not in a jar: " + resource);
    }
    JarEntry entry = jar.getJarEntry();
    long crc = entry.getCrc();
    long size = entry.getSize();
    if (crc < 0 || size < 0) {
      throw new IOException("the jar records no CRC-32 or size for " + resourceName);
    }
    Path dir = cacheDir.resolve(
        String.format(Locale.ROOT, "%s-%08x-%d", CACHE_ENTRY_PREFIX, crc, size));
    Path library = dir.resolve(cachedFileName);
    if (intact(library, crc, size)) {
      return library;
    }
    createPrivateDirectories(dir);
    Path temporary = Files.createTempFile(dir, cachedFileName, ".tmp");
    try {
      try (InputStream in = jar.getInputStream();
          OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.WRITE)) {
        in.transferTo(out);
      }
      if (!intact(temporary, crc, size)) {
        throw new IOException("the copy of " + resource + " does not match its CRC-32 and size");
      }
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
        channel.force(true); // on disk before it has its name: never a named file of zeros
      }
      moveIntoPlace(temporary, library);
    } finally {
      Files.deleteIfExists(temporary);
    }
    log.debug("Cached the RocksDB native library in {}", library);
    return library;
  }

  private static void moveIntoPlace(Path temporary, Path library) throws IOException {
    try {
      Files.move(temporary, library, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      // Windows cannot replace a library another process has loaded: use that copy, checked
      // like any other when it is loaded next.
      if (!Files.isRegularFile(library)) {
        throw e;
      }
    }
  }

  private static void createPrivateDirectories(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    try {
      Files.createDirectories(dir,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } catch (UnsupportedOperationException e) { // not a POSIX file system
      Files.createDirectories(dir);
    }
  }

  /** Whether {@code file} exists with this size and CRC-32. */
  private static boolean intact(Path file, long crc, long size) throws IOException {
    if (!Files.isRegularFile(file) || Files.size(file) != size) {
      return false;
    }
    CRC32 checksum = new CRC32();
    byte[] buffer = new byte[1 << 20];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        checksum.update(buffer, 0, n);
      }
    }
    return checksum.getValue() == crc;
  }
}
