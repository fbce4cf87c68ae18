package io.tributary.storage.rocksdb;

import io.tributary.storage.StorageException;
import java.nio.file.Path;
import java.util.Locale;
import org.rocksdb.RocksDBException;
import org.rocksdb.Status;

/**
 * The one policy for RocksDB failures in this package.
 *
 * <ol>
 *   <li><b>Wrap once, at the boundary.</b> Every {@link RocksDBException} is caught in the method
 *       that called RocksDB and rethrown (or used to fail a future) as a {@link StorageException}
 *       made here, whose message says what was being done, to which shard log or catalog key, and
 *       RocksDB's status. Nothing above this package sees a RocksDB type.
 *   <li><b>No retry, no resume.</b> A failed write is reported to the callers whose data was in it,
 *       and the store's in-memory state (the last assigned sequence) does not advance, so it never
 *       disagrees with the disk. After a WAL or flush I/O error RocksDB itself refuses further
 *       writes; the store does not call {@code resume()}: the operator fixes the disk and restarts
 *       the broker, which recovers from the write-ahead log (fail-stop, as Kafka takes a failed log
 *       directory offline).
 *   <li><b>Corruption is named.</b> A value that does not decode is a {@link
 *       CorruptRecordException}; RocksDB's own {@code Corruption} status keeps its code in the
 *       message.
 *   <li><b>Start-up failures speak plainly.</b> A data directory that cannot be opened fails {@link
 *       RocksDbStreamStore#open} with a message naming the directory and the cause in words a user
 *       acts on (in use by another process, not a directory, corrupt).
 * </ol>
 *
 * <p>Stateless and thread-safe.
 */
final class RocksDbErrorPolicy {

  private RocksDbErrorPolicy() {}

  /** A failure while doing {@code action}, for example "append to shard log shard/17/3". */
  static StorageException wrap(String action, RocksDBException e) {
    return new StorageException(action + " failed: " + describe(e), e);
  }

  /** A data directory RocksDB refused to open, explained for the person starting the broker. */
  static StorageException openFailure(Path dataDir, RocksDBException e) {
    String detail = describe(e);
    String lower = detail.toLowerCase(Locale.ROOT);
    Status.Code code = e.getStatus() == null ? Status.Code.Undefined : e.getStatus().getCode();
    String reason;
    if (code == Status.Code.IOError && lower.contains("lock")) {
      reason =
          "it is in use by another Tributary broker (its LOCK file is held); stop that broker or"
              + " choose another data directory";
    } else if (code == Status.Code.Corruption) {
      reason = "its files are corrupt";
    } else if (lower.contains("permission denied")) {
      reason = "permission denied";
    } else if (lower.contains("no space left")) {
      reason = "the disk is full";
    } else if (lower.contains("not a directory")) {
      reason = "a path component is a file, not a directory";
    } else {
      reason = "RocksDB refused to open it";
    }
    return openFailure(dataDir, reason + " (" + detail + ")", e);
  }

  /** A data directory that cannot be used, with the cause in plain words. */
  static StorageException openFailure(Path dataDir, String reason, Throwable cause) {
    return new StorageException("Cannot open the data directory " + dataDir + ": " + reason, cause);
  }

  private static String describe(RocksDBException e) {
    Status status = e.getStatus();
    if (status == null) {
      return String.valueOf(e.getMessage());
    }
    String state = status.getState();
    String text = state == null || state.isEmpty() ? e.getMessage() : state;
    return status.getCodeString() + ": " + text;
  }
}
