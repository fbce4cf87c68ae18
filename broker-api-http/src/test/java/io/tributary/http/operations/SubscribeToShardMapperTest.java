package io.tributary.http.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.KinesisException;
import io.tributary.core.model.HashKey;
import io.tributary.core.model.HashKeyRange;
import io.tributary.core.model.SequenceNumber;
import io.tributary.core.model.ShardId;
import io.tributary.core.model.ShardIteratorType;
import io.tributary.core.operations.ChildShard;
import io.tributary.core.operations.DataRecord;
import io.tributary.core.operations.ShardSubscription;
import io.tributary.core.operations.SubscribeToShard;
import io.tributary.http.wire.WireCodec;
import io.tributary.http.wire.WireFormat;
import io.tributary.http.wire.WireObject;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SubscribeToShardMapperTest {
  private static final String ARN = "arn:aws:kinesis:us-east-1:000000000000:stream/s/consumer/c:1795852800";

  private final SubscribeToShardMapper mapper = new SubscribeToShardMapper();
  private final WireCodec codec = new WireCodec();

  private SubscribeToShard.Request readJson(String body) throws Exception {
    return mapper.readRequest(WireObject.root(new ObjectMapper().readTree(body), WireFormat.JSON));
  }

  private String writeJson(ShardSubscription.Event event) {
    return new String(codec.write(WireFormat.JSON, (out, ts) -> mapper.writeEvent(event, out, ts)),
        StandardCharsets.UTF_8);
  }

  @Test
  void readsTheConsumerTheShardAndTheStartingPosition() throws Exception {
    SubscribeToShard.Request request = readJson("{\"ConsumerARN\":\"" + ARN + "\",\"ShardId\":\"shardId-000000000000\","
        + "\"StartingPosition\":{\"Type\":\"AT_TIMESTAMP\",\"Timestamp\":1795852800.5}}");
    assertEquals(ARN, request.consumerArn().toString());
    assertEquals("shardId-000000000000", request.shardId());
    assertEquals(new SubscribeToShard.StartingPosition(ShardIteratorType.AT_TIMESTAMP, Optional.empty(),
        Optional.of(Instant.parse("2026-11-28T08:00:00.500Z"))), request.startingPosition());
  }

  @Test
  void arnThatTheModelPatternAllowsButNamesNoConsumerIsAValidationError() {
    KinesisException e = assertThrows(KinesisException.class, () -> readJson("{\"ConsumerARN\":"
        + "\"arn:aws:kinesis:us-east-1:000000000000:xstream/s/consumer/c:1\",\"ShardId\":\"0\","
        + "\"StartingPosition\":{\"Type\":\"LATEST\"}}"));
    assertEquals(ErrorCode.VALIDATION, e.code());
  }

  @Test
  void eventCarriesRecordsContinuationAndMillisBehind() {
    SequenceNumber sequence = new SequenceNumber(0, 1L << 40);
    ShardSubscription.Event event = new ShardSubscription.Event(List.of(new DataRecord(sequence,
        Instant.parse("2026-11-28T08:00:00.250Z"), new byte[] {1, 2}, "pk", Optional.empty())),
        Optional.of(sequence), 7, List.of());
    assertEquals("{\"Records\":[{\"SequenceNumber\":\"" + sequence + "\",\"ApproximateArrivalTimestamp\":1.79585280025E9,"
        + "\"Data\":\"AQI=\",\"PartitionKey\":\"pk\"}],\"ContinuationSequenceNumber\":\"" + sequence
        + "\",\"MillisBehindLatest\":7}", writeJson(event));
  }

  @Test
  void lastEventOfAClosedShardHasChildShardsAndNoContinuation() {
    HashKeyRange range = new HashKeyRange(new HashKey(BigInteger.ZERO), new HashKey(BigInteger.TEN));
    ShardSubscription.Event last = new ShardSubscription.Event(List.of(), Optional.empty(), 0,
        List.of(new ChildShard(new ShardId(1), List.of(new ShardId(0)), range)));
    assertEquals("{\"Records\":[],\"MillisBehindLatest\":0,\"ChildShards\":[{\"ShardId\":\"shardId-000000000001\","
        + "\"ParentShards\":[\"shardId-000000000000\"],\"HashKeyRange\":{\"StartingHashKey\":\"0\","
        + "\"EndingHashKey\":\"10\"}}]}", writeJson(last));
  }
}
