package io.tributary.storage;

/** An operation on a {@link ShardLog} that was dropped, or on a store that was closed. */
public final class ShardLogClosedException extends StorageException {
  public ShardLogClosedException(String message) {
    super(message);
  }
}
