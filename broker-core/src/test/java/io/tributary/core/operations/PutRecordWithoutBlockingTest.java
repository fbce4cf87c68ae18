package io.tributary.core.operations;

import static io.tributary.core.operations.BrokerFixture.CONTEXT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.KinesisException;
import io.tributary.core.model.ShardIteratorType;
import io.tributary.core.model.StreamName;
import io.tributary.core.streams.AppendNotifier;
import io.tributary.core.streams.StreamRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.Lock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** PutRecord's non-blocking path: when it answers, it answers as the blocking one would. */
class PutRecordWithoutBlockingTest {
  private final BrokerFixture f = new BrokerFixture();
  private final StreamRef s = f.activeStream("s", 1);
  private final ExecutorService other = Executors.newSingleThreadExecutor();

  @AfterEach
  void stop() {
    other.shutdownNow();
  }

  private static PutRecord.Request request(StreamRef stream, String data) {
    return new PutRecord.Request(stream, data.getBytes(StandardCharsets.UTF_8), "k", Optional.empty(),
        Optional.empty());
  }

  private int recordsInShard() {
    return f.get(f.iterator(s, "shardId-000000000000", ShardIteratorType.TRIM_HORIZON)).records().size();
  }

  @Test
  void putWithoutBlockingIsStoredAndSequencedLikeABlockingPut() {
    f.store.appendsWithoutBlocking(true);
    PutRecord.Response first = f.put(s, "k", "blocking");

    PutRecord.Response second = f.broker.putRecord().executeIfNonBlocking(CONTEXT, request(s, "at once")).orElseThrow();

    assertTrue(f.broker.putRecord().hasNonBlockingPath());
    assertEquals(first.shardId(), second.shardId());
    assertTrue(second.sequenceNumber().sequence() > first.sequenceNumber().sequence());
    assertEquals(2, recordsInShard());
  }

  @Test
  void storeThatMayBlockLeavesEveryPutToTheBlockingPath() {
    Optional<PutRecord.Response> answer = f.broker.putRecord().executeIfNonBlocking(CONTEXT, request(s, "no"));

    assertFalse(f.broker.putRecord().hasNonBlockingPath());
    assertTrue(answer.isEmpty());
    assertEquals(0, recordsInShard());
  }

  @Test
  void putWithoutBlockingWhileAReshardHoldsTheShardLockAppendsNothing() throws Exception {
    f.store.appendsWithoutBlocking(true);
    // A registry over the same store, whose shard lock this test can hold as a reshard would.
    StreamRegistry registry = new StreamRegistry(f.store, f.clock);
    PutRecord putRecord = new PutRecord(registry, f.store, new AppendNotifier(), f.clock);
    Lock reshard = registry.shardLock(s.resolve(CONTEXT)).writeLock();
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Future<?> holder = other.submit(() -> {
      reshard.lock();
      try {
        held.countDown();
        release.await();
      } finally {
        reshard.unlock();
      }
      return null;
    });
    held.await();

    Optional<PutRecord.Response> during = putRecord.executeIfNonBlocking(CONTEXT, request(s, "during"));
    release.countDown();
    holder.get();

    assertTrue(during.isEmpty());
    assertEquals(0, recordsInShard());
    assertTrue(putRecord.executeIfNonBlocking(CONTEXT, request(s, "after")).isPresent());
  }

  @Test
  void putWithoutBlockingToAMissingStreamFailsAsTheBlockingPutDoes() {
    f.store.appendsWithoutBlocking(true);
    StreamRef missing = StreamRef.ofName(new StreamName("missing"));

    KinesisException e = assertThrows(KinesisException.class,
        () -> f.broker.putRecord().executeIfNonBlocking(CONTEXT, request(missing, "x")));

    assertEquals(ErrorCode.RESOURCE_NOT_FOUND, e.code());
  }
}
