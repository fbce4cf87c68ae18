package io.tributary.storage;

import java.util.Objects;

/**
 * A record handed to {@link ShardLog#append}: what the producer sent, before it has a sequence.
 *
 * @param partitionKey the producer's partition key, 1 to 256 Unicode characters
 * @param data the payload; the array is not copied and must not be changed afterwards
 */
public record NewRecord(String partitionKey, byte[] data) {
  public NewRecord {
    Objects.requireNonNull(partitionKey, "partitionKey");
    Objects.requireNonNull(data, "data");
  }
}
