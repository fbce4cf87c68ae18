package io.tributary.core.operations;

import io.tributary.core.error.KinesisException;
import io.tributary.core.model.SequenceNumber;
import io.tributary.core.model.ShardId;
import io.tributary.core.model.ShardIteratorType;
import io.tributary.core.streams.ShardState;
import io.tributary.core.streams.StreamKey;
import io.tributary.storage.ShardLog;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where a reader starts in a shard, for GetShardIterator's {@code ShardIteratorType} and
 * SubscribeToShard's {@code StartingPosition}, which share the five types and AWS's errors:
 *
 * <ul>
 *   <li>TRIM_HORIZON: the oldest record still kept.
 *   <li>LATEST: just after the newest record now in the shard.
 *   <li>AT_SEQUENCE_NUMBER / AFTER_SEQUENCE_NUMBER: at or just after a sequence number that
 *       this shard gave out. AFTER also accepts the number just below the shard's starting
 *       sequence, which is what SubscribeToShard's {@code ContinuationSequenceNumber} is before
 *       the first record of a shard.
 *   <li>AT_TIMESTAMP: the first record that arrived at or after the timestamp; past the newest
 *       record, the first record that will arrive at or after it. One index seek, so it answers
 *       at once even when nothing is at or after the timestamp.
 * </ul>
 *
 * <p>Stateless.
 */
final class StartingPositions {
  private StartingPositions() {}

  /**
   * The log sequence to read first.
   *
   * @param operation the operation whose words the errors use, e.g. {@code GetShardIterator}
   * @param sequenceNumber the starting sequence number as sent
   */
  static long resolve(
      String operation, StreamKey key, ShardState shard, ShardLog log, ShardIteratorType type,
      Optional<String> sequenceNumber, Optional<Instant> timestamp) {
    return switch (type) {
      case TRIM_HORIZON -> {
        noSequenceNumber(type, sequenceNumber);
        yield shard.startingSequence();
      }
      case LATEST -> {
        noSequenceNumber(type, sequenceNumber);
        yield afterNewest(shard, log);
      }
      case AT_SEQUENCE_NUMBER -> sequence(operation, key, shard, type, sequenceNumber, 0);
      case AFTER_SEQUENCE_NUMBER -> sequence(operation, key, shard, type, sequenceNumber, 1) + 1;
      case AT_TIMESTAMP -> atTimestamp(shard, log, timestamp);
    };
  }

  static long afterNewest(ShardState shard, ShardLog log) {
    OptionalLong last = log.lastSequence();
    return last.isPresent() ? last.getAsLong() + 1 : shard.startingSequence();
  }

  private static long atTimestamp(ShardState shard, ShardLog log, Optional<Instant> timestamp) {
    Instant at = timestamp.orElseThrow(() -> KinesisException.invalidArgument(
        "Must specify timestampInMillis parameter for iterator of type AT_TIMESTAMP. "
            + "Current request has no timestamp parameter."));
    long millis = at.toEpochMilli();
    OptionalLong found = log.firstSequenceAtOrAfter(millis);
    if (found.isPresent()) {
      return found.getAsLong();
    }
    // Nothing arrived at or after the timestamp yet: start where the next such record will be.
    long fromTime = millis <= 0 ? 0 : millis >= (Long.MAX_VALUE >>> 20) ? Long.MAX_VALUE : millis << 20;
    return Math.max(Math.max(afterNewest(shard, log), fromTime), shard.startingSequence());
  }

  /** @param slack how far below the shard's starting sequence the number may be */
  private static long sequence(
      String operation, StreamKey key, ShardState shard, ShardIteratorType type, Optional<String> sequenceNumber,
      int slack) {
    String text = sequenceNumber.orElseThrow(() -> KinesisException.invalidArgument(
        "Must either specify (1) AT_SEQUENCE_NUMBER or AFTER_SEQUENCE_NUMBER and StartingSequenceNumber or "
            + "(2) TRIM_HORIZON or LATEST and no StartingSequenceNumber. Request specified " + type.name()
            + " and no StartingSequenceNumber."));
    SequenceNumber parsed = SequenceNumber.parse(text).orElseThrow(() -> KinesisException.invalidArgument(
        "StartingSequenceNumber " + text + " used in " + operation + " on shard " + shard.shardId()
            + " in stream " + key.name() + " under account " + key.accountId() + " is invalid."));
    if (parsed.shardIndex() != shard.shardId().index()) {
      throw KinesisException.invalidArgument("Invalid StartingSequenceNumber. It encodes "
          + new ShardId(parsed.shardIndex()) + ", while it was used in a call to a shard with "
          + shard.shardId());
    }
    if (parsed.sequence() < shard.startingSequence() - slack) {
      throw KinesisException.invalidArgument(
          "StartingSequenceNumber " + text + " used in " + operation + " on shard " + shard.shardId()
              + " in stream " + key.name() + " under account " + key.accountId()
              + " is invalid because it did not come from this stream.");
    }
    return parsed.sequence();
  }

  private static void noSequenceNumber(ShardIteratorType type, Optional<String> sequenceNumber) {
    if (sequenceNumber.isPresent()) {
      throw KinesisException.invalidArgument(
          "Must either specify (1) AT_SEQUENCE_NUMBER or AFTER_SEQUENCE_NUMBER and StartingSequenceNumber or "
              + "(2) TRIM_HORIZON or LATEST and no StartingSequenceNumber. Request specified "
              + type + " and also a StartingSequenceNumber.");
    }
  }
}
