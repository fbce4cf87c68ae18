package io.tributary.storage;

/** How far a record must get before an append is acknowledged. */
public enum Durability {
  /**
   * Written to the write-ahead log in the operating system's page cache: survives a crash or
   * {@code kill -9} of the broker process, not a power loss or kernel crash.
   */
  WAL,
  /**
   * Written to the write-ahead log and fsynced before the acknowledgement: survives power loss.
   * Concurrent appends share one fsync (group commit).
   */
  FSYNC
}
