package io.tributary.core.model;

/** Where a shard iterator starts reading. The constants are spelled as on the wire. */
public enum ShardIteratorType {
  AT_SEQUENCE_NUMBER, AFTER_SEQUENCE_NUMBER, TRIM_HORIZON, LATEST, AT_TIMESTAMP
}
