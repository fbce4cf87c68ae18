package io.tributary.storage;

/**
 * A failure of the storage engine: I/O error, corruption, or a data directory that cannot be
 * opened. The storage implementation wraps its engine's exceptions into this type once, at its
 * boundary; callers treat it as an internal failure of the broker.
 */
public class StorageException extends RuntimeException {
  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }

  public StorageException(String message) {
    super(message);
  }
}
