package io.tributary.storage.rocksdb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeLibraryCacheTest {
  private static final String LIBRARY = "libexample-linux64.so";
  private static final byte[] CONTENT = content(300_000);

  @TempDir Path dir;

  @Test
  void firstUseCopiesTheLibraryOutOfTheJarByteForByte() throws Exception {
    Path library = cache(jarWith(CONTENT)).cachedLibrary();

    assertEquals(LIBRARY, library.getFileName().toString());
    assertTrue(library.startsWith(dir.resolve("cache")));
    assertArrayEquals(CONTENT, Files.readAllBytes(library));
    assertEquals(List.of(LIBRARY), names(library.getParent())); // no temporary file left behind
  }

  @Test
  void laterUsesKeepTheCopyWithoutWritingItAgain() throws Exception {
    NativeLibraryCache cache = cache(jarWith(CONTENT));
    Path library = cache.cachedLibrary();
    FileTime old = FileTime.fromMillis(1_000_000L);
    Files.setLastModifiedTime(library, old);

    assertEquals(library, cache.cachedLibrary());
    assertEquals(old, Files.getLastModifiedTime(library));
  }

  @Test
  void anotherBuildOfTheLibraryGetsADirectoryOfItsOwn() throws Exception {
    Path first = cache(jarWith(CONTENT)).cachedLibrary();
    byte[] other = CONTENT.clone();
    other[17] ^= 1;

    Path second = cache(jarWith(other)).cachedLibrary();

    assertTrue(!first.getParent().equals(second.getParent()), first + " vs " + second);
    assertArrayEquals(CONTENT, Files.readAllBytes(first));
    assertArrayEquals(other, Files.readAllBytes(second));
  }

  @Test
  void aTruncatedCopyIsWrittenAgain() throws Exception {
    NativeLibraryCache cache = cache(jarWith(CONTENT));
    Path library = cache.cachedLibrary();
    Files.write(library, java.util.Arrays.copyOf(CONTENT, 1000));

    assertArrayEquals(CONTENT, Files.readAllBytes(cache.cachedLibrary()));
  }

  @Test
  void aCopyOfTheRightSizeWithAFlippedByteIsWrittenAgain() throws Exception {
    NativeLibraryCache cache = cache(jarWith(CONTENT));
    Path library = cache.cachedLibrary();
    byte[] damaged = CONTENT.clone();
    damaged[123_456] ^= 0x40;
    Files.write(library, damaged);

    assertArrayEquals(CONTENT, Files.readAllBytes(cache.cachedLibrary()));
  }

  @Test
  void manyCallersAtOnceAllGetTheSameWholeCopy() throws Exception {
    Path jar = jarWith(CONTENT);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Path>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        Callable<Path> task = () -> cache(jar).cachedLibrary(); // separate class loaders, as processes
        results.add(pool.submit(task));
      }
      Set<Path> libraries = new HashSet<>();
      for (Future<Path> result : results) {
        libraries.add(result.get());
      }
      assertEquals(1, libraries.size());
      Path library = libraries.iterator().next();
      assertArrayEquals(CONTENT, Files.readAllBytes(library));
      assertEquals(List.of(LIBRARY), names(library.getParent()));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aLibraryOutsideAJarIsNotCached() throws Exception {
    Path classes = Files.createDirectories(dir.resolve("classes"));
    Files.write(classes.resolve(LIBRARY), CONTENT);
    NativeLibraryCache cache = new NativeLibraryCache(dir.resolve("cache"),
        new URLClassLoader(new URL[] {classes.toUri().toURL()}, null), LIBRARY, LIBRARY);

    assertThrows(IOException.class, cache::cachedLibrary);
  }

  @Test
  void aCacheDirectoryThatCannotBeCreatedIsAnIoError() throws Exception {
    Path file = Files.writeString(dir.resolve("not-a-directory"), "x");
    NativeLibraryCache cache = new NativeLibraryCache(file.resolve("cache"),
        new URLClassLoader(new URL[] {jarWith(CONTENT).toUri().toURL()}, null), LIBRARY, LIBRARY);

    assertThrows(IOException.class, cache::cachedLibrary);
  }

  @Test
  void rocksDbsOwnLibraryIsCachedFromTheRocksdbjniJar() throws Exception {
    NativeLibraryCache cache = new NativeLibraryCache(dir.resolve("cache"));

    Path library = cache.cachedLibrary();

    String name = org.rocksdb.util.Environment.getJniLibraryFileName("rocksdb");
    try (InputStream in = org.rocksdb.RocksDB.class.getClassLoader().getResourceAsStream(name)) {
      assertArrayEquals(in.readAllBytes(), Files.readAllBytes(library));
    }
  }

  @Test
  void loadLeavesRocksDbUsable() throws Exception {
    new NativeLibraryCache(dir.resolve("cache")).load();

    try (RocksDbStreamStore store = RocksDbStreamStore.open(
        RocksDbStoreConfig.defaults(dir.resolve("data")))) {
      assertTrue(store.shardLog(new io.tributary.storage.ShardLogId("shard/1/0")).isEmpty());
    }
    assertEquals(1, names(dir.resolve("cache")).size());
  }

  private NativeLibraryCache cache(Path jar) throws IOException {
    return new NativeLibraryCache(dir.resolve("cache"),
        new URLClassLoader(new URL[] {jar.toUri().toURL()}, null), LIBRARY, LIBRARY);
  }

  private Path jarWith(byte[] library) throws IOException {
    Path jar = Files.createTempFile(dir, "lib", ".jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new JarEntry(LIBRARY));
      out.write(library);
      out.closeEntry();
    }
    return jar;
  }

  private static List<String> names(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static byte[] content(int size) {
    byte[] bytes = new byte[size];
    long x = 0x9E3779B97F4A7C15L;
    for (int i = 0; i < size; i++) {
      x ^= x << 13;
      x ^= x >>> 7;
      x ^= x << 17;
      bytes[i] = (byte) x;
    }
    return bytes;
  }
}
