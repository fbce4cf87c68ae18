package io.tributary.http.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tributary.core.model.HashKeyRange;
import io.tributary.core.model.SequenceNumber;
import io.tributary.core.model.ShardId;
import io.tributary.core.model.StreamName;
import io.tributary.core.operations.ListShards;
import io.tributary.core.operations.ShardDescription;
import io.tributary.core.operations.ShardFilter;
import io.tributary.core.operations.StreamRef;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ListShardsMapperTest {
  private final ListShardsMapper mapper = new ListShardsMapper();

  @Test
  void requestWithFilterDecodes() {
    assertEquals(new ListShards.Request(StreamRef.ofName(new StreamName("orders")), Optional.empty(),
            Optional.empty(), OptionalInt.of(100), Optional.empty(),
            Optional.of(new ShardFilter(ShardFilter.Type.AT_TIMESTAMP, Optional.empty(),
                Optional.of(Instant.ofEpochSecond(1_795_852_800L))))),
        Mapping.readJson(mapper, "{\"StreamName\":\"orders\",\"MaxResults\":100,"
            + "\"ShardFilter\":{\"Type\":\"AT_TIMESTAMP\",\"Timestamp\":1795852800}}"));
  }

  @Test
  void cborFilterTimestampIsTaggedMillis() {
    ListShards.Request request = Mapping.readCbor(mapper, """
        bf
          6a 53 74 72 65 61 6d 4e 61 6d 65   66 6f 72 64 65 72 73
          6b 53 68 61 72 64 46 69 6c 74 65 72
          bf
            64 54 79 70 65   6e 46 52 4f 4d 5f 54 49 4d 45 53 54 41 4d 50
            69 54 69 6d 65 73 74 61 6d 70   c1 1b 00 00 01 a2 21 2b 10 7b
          ff
        ff""");
    assertEquals(Optional.of(new ShardFilter(ShardFilter.Type.FROM_TIMESTAMP, Optional.empty(),
        Optional.of(Instant.ofEpochMilli(1_795_852_800_123L)))), request.shardFilter());
  }

  @Test
  void nextTokenAloneDecodes() {
    assertEquals(new ListShards.Request(new StreamRef(Optional.empty(), Optional.empty()), Optional.of("tok"),
            Optional.empty(), OptionalInt.empty(), Optional.empty(), Optional.empty()),
        Mapping.readJson(mapper, "{\"NextToken\":\"tok\"}"));
  }

  @Test
  void responseHasShardsAndNextToken() {
    ShardDescription shard = new ShardDescription(new ShardId(0), Optional.empty(), Optional.empty(),
        HashKeyRange.evenSplit(1).get(0), new SequenceNumber(0, 1), Optional.empty());
    assertEquals("{\"Shards\":[{\"ShardId\":\"shardId-000000000000\","
        + "\"HashKeyRange\":{\"StartingHashKey\":\"0\",\"EndingHashKey\":\"340282366920938463463374607431768211455\"},"
        + "\"SequenceNumberRange\":{\"StartingSequenceNumber\":\"49000000000000000000000000000000000000000000000000000001\"}}],"
        + "\"NextToken\":\"tok\"}",
        Mapping.writeJson(mapper, new ListShards.Response(List.of(shard), Optional.of("tok"))));
  }
}
