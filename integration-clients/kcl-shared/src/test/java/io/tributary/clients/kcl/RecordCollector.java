package io.tributary.clients.kcl;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;
import software.amazon.kinesis.exceptions.InvalidStateException;
import software.amazon.kinesis.exceptions.ShutdownException;
import software.amazon.kinesis.lifecycle.events.InitializationInput;
import software.amazon.kinesis.lifecycle.events.LeaseLostInput;
import software.amazon.kinesis.lifecycle.events.ProcessRecordsInput;
import software.amazon.kinesis.lifecycle.events.ShardEndedInput;
import software.amazon.kinesis.lifecycle.events.ShutdownRequestedInput;
import software.amazon.kinesis.processor.RecordProcessorCheckpointer;
import software.amazon.kinesis.processor.ShardRecordProcessor;
import software.amazon.kinesis.processor.ShardRecordProcessorFactory;

/**
 * The record processors of one KCL application: each keeps every record it is handed, in order
 * of arrival, and checkpoints after every batch, at the end of its shard, and when asked to shut
 * down, as a KCL application should.
 *
 * <p>Thread-safe: the KCL runs one processor per shard, each on its own thread.
 */
final class RecordCollector implements ShardRecordProcessorFactory {
  private final ConcurrentLinkedQueue<ConsumedRecord> records = new ConcurrentLinkedQueue<>();
  private final Set<String> endedShards = ConcurrentHashMap.newKeySet();
  private final Set<String> initializedShards = ConcurrentHashMap.newKeySet();

  @Override
  public ShardRecordProcessor shardRecordProcessor() {
    return new Processor();
  }

  /** Every record handed to a processor so far, duplicates included, in order of arrival. */
  List<ConsumedRecord> records() {
    return List.copyOf(records);
  }

  /** The shards whose processor was told the shard ended (and checkpointed SHARD_END). */
  Set<String> endedShards() {
    return Set.copyOf(endedShards);
  }

  /** The shards a processor was started for. */
  Set<String> initializedShards() {
    return Set.copyOf(initializedShards);
  }

  /**
   * Waits until {@code condition} holds for the records so far; fails, saying what arrived, if it
   * does not within {@code timeout}.
   */
  void awaitRecords(Predicate<List<ConsumedRecord>> condition, Duration timeout, String what) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.test(records())) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout + " waiting for " + what + "; got "
            + records.size() + " records from shards " + initializedShards + ", ended shards " + endedShards);
      }
      sleep(Duration.ofMillis(50));
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** Confined to the KCL's thread for its shard. */
  private final class Processor implements ShardRecordProcessor {
    private String shardId;

    @Override
    public void initialize(InitializationInput input) {
      shardId = input.shardId();
      initializedShards.add(shardId);
    }

    @Override
    public void processRecords(ProcessRecordsInput input) {
      input.records().forEach(r -> records.add(ConsumedRecord.of(shardId, r)));
      if (!input.records().isEmpty()) {
        checkpoint(input.checkpointer());
      }
    }

    @Override
    public void leaseLost(LeaseLostInput input) {
      // Another worker owns the shard now; it may not checkpoint any more.
    }

    @Override
    public void shardEnded(ShardEndedInput input) {
      checkpoint(input.checkpointer());
      endedShards.add(shardId);
    }

    @Override
    public void shutdownRequested(ShutdownRequestedInput input) {
      checkpoint(input.checkpointer());
    }

    private void checkpoint(RecordProcessorCheckpointer checkpointer) {
      try {
        checkpointer.checkpoint();
      } catch (InvalidStateException | ShutdownException e) {
        throw new IllegalStateException("checkpoint of " + shardId + " failed", e);
      }
    }
  }
}
