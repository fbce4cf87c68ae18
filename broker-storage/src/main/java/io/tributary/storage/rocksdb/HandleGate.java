package io.tributary.storage.rocksdb;

import io.tributary.storage.ShardLogClosedException;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Guards the lifetime of the store's native RocksDB handles, so that no thread uses a handle while
 * another closes it (a use after close crashes the JVM instead of throwing).
 *
 * <p>Every use of a handle from a caller's thread holds a {@link #enter lease} (the read side of a
 * read-write lock); closing handles, when a shard log is dropped or the store is closed, holds the
 * write side, so it waits for leases in progress and new leases see the result. The writer thread
 * uses handles without a lease (a caller writing its own batch holds the lease of its append): a
 * drop waits for a writer barrier before it releases a handle, and the store closes only after the
 * writer has stopped.
 *
 * <p>Thread-safe. The closed flag is guarded by the lock.
 */
final class HandleGate {

  /** A held read lease; closing it releases the lease. */
  interface Lease extends AutoCloseable {
    @Override
    void close();
  }

  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final String storeName;
  private boolean closed;

  /** A gate for the store at {@code storeName}, named in closed-store errors. */
  HandleGate(String storeName) {
    this.storeName = storeName;
  }

  /**
   * Takes a lease on the handles.
   *
   * @throws ShardLogClosedException if the store is closed
   */
  Lease enter() {
    ReentrantReadWriteLock.ReadLock readLock = lock.readLock();
    readLock.lock();
    if (closed) {
      readLock.unlock();
      throw new ShardLogClosedException("the store at " + storeName + " is closed");
    }
    return readLock::unlock;
  }

  /**
   * Takes a lease only if that needs no waiting: empty if a handle is being closed or waited for.
   *
   * @throws ShardLogClosedException if the store is closed
   */
  Optional<Lease> tryEnter() {
    ReentrantReadWriteLock.ReadLock readLock = lock.readLock();
    if (!readLock.tryLock()) {
      return Optional.empty();
    }
    if (closed) {
      readLock.unlock();
      throw new ShardLogClosedException("the store at " + storeName + " is closed");
    }
    return Optional.of(readLock::unlock);
  }

  /** Runs {@code action} while no lease is held, whether or not the store is closed. */
  void runExclusive(Runnable action) {
    lock.writeLock().lock();
    try {
      action.run();
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Refuses every later lease; returns false if the gate was already closed. */
  boolean close() {
    lock.writeLock().lock();
    try {
      boolean wasOpen = !closed;
      closed = true;
      return wasOpen;
    } finally {
      lock.writeLock().unlock();
    }
  }
}
