package io.tributary.core.operations;

import io.tributary.core.Broker;
import io.tributary.core.BrokerConfig;
import io.tributary.core.InMemoryStreamStore;
import io.tributary.core.MutableClock;
import io.tributary.core.RequestContext;
import io.tributary.core.model.ShardIteratorType;
import io.tributary.core.model.StreamName;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/** A broker over an in-memory store and a hand-moved clock, with shorthands for tests. */
final class BrokerFixture {
  static final RequestContext CONTEXT = new RequestContext("req-1", "000000000000", "us-east-1");

  final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T08:00:00Z"));
  final InMemoryStreamStore store = new InMemoryStreamStore(clock);
  final Broker broker;

  BrokerFixture() {
    this(BrokerConfig.defaults());
  }

  BrokerFixture(BrokerConfig config) {
    broker = new Broker(store, config, clock);
  }

  /** Creates a provisioned stream and moves the clock past CREATING. */
  StreamRef activeStream(String name, int shards) {
    broker.createStream().execute(CONTEXT,
        new CreateStream.Request(new StreamName(name), OptionalInt.of(shards), Optional.empty()));
    clock.advance(Duration.ofSeconds(1));
    return StreamRef.ofName(new StreamName(name));
  }

  PutRecord.Response put(StreamRef stream, String partitionKey, String data) {
    return broker.putRecord().execute(CONTEXT, new PutRecord.Request(stream,
        data.getBytes(StandardCharsets.UTF_8), partitionKey, Optional.empty(), Optional.empty()));
  }

  String iterator(StreamRef stream, String shardId, ShardIteratorType type, Optional<String> sequence,
      Optional<Instant> timestamp) {
    return broker.getShardIterator().execute(CONTEXT,
        new GetShardIterator.Request(stream, shardId, type, sequence, timestamp)).shardIterator();
  }

  String iterator(StreamRef stream, String shardId, ShardIteratorType type) {
    return iterator(stream, shardId, type, Optional.empty(), Optional.empty());
  }

  GetRecords.Response get(String iterator) {
    return broker.getRecords().execute(CONTEXT, new GetRecords.Request(iterator, OptionalInt.empty(), Optional.empty()));
  }

  static String text(DataRecord r) {
    return new String(r.data(), StandardCharsets.UTF_8);
  }
}
