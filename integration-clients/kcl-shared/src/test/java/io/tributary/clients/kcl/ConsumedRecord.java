package io.tributary.clients.kcl;

import java.nio.ByteBuffer;
import software.amazon.kinesis.retrieval.KinesisClientRecord;

/**
 * One user record as a KCL record processor was handed it.
 *
 * @param shardId the shard whose processor got it
 * @param sequenceNumber the Kinesis record's sequence number
 * @param subSequenceNumber its position inside a KPL-aggregated record; 0 for a plain record
 * @param partitionKey the user record's partition key
 * @param data the user record's data, copied
 * @param aggregated whether the KCL took it out of a KPL-aggregated Kinesis record
 */
record ConsumedRecord(
    String shardId, String sequenceNumber, long subSequenceNumber, String partitionKey, byte[] data, boolean aggregated) {

  static ConsumedRecord of(String shardId, KinesisClientRecord record) {
    ByteBuffer buffer = record.data().asReadOnlyBuffer();
    byte[] data = new byte[buffer.remaining()];
    buffer.get(data);
    return new ConsumedRecord(shardId, record.sequenceNumber(), record.subSequenceNumber(), record.partitionKey(), data,
        record.aggregated());
  }

  /** {@code sequenceNumber/subSequenceNumber}: one user record, however often it was delivered. */
  String identity() {
    return sequenceNumber + "/" + subSequenceNumber;
  }
}
