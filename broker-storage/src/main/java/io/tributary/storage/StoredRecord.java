package io.tributary.storage;

import java.util.Objects;

/**
 * A record as it is kept in a shard's log.
 *
 * @param sequence the record's key in its shard: positive, strictly increasing in append order
 *     (see {@link ShardLog} for how it is chosen)
 * @param arrivalMillis when the log accepted it, in epoch milliseconds; never decreases within a
 *     shard
 * @param partitionKey the producer's partition key
 * @param data the payload
 */
public record StoredRecord(long sequence, long arrivalMillis, String partitionKey, byte[] data) {
  public StoredRecord {
    Objects.requireNonNull(partitionKey, "partitionKey");
    Objects.requireNonNull(data, "data");
  }

  /** The bytes this record counts for against read limits: data plus UTF-8 partition key. */
  public long sizeBytes() {
    return data.length + utf8Length(partitionKey);
  }

  /** The length of {@code s} in UTF-8, without encoding it. */
  static int utf8Length(String s) {
    int bytes = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }
}
