package io.tributary.http.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tributary.core.error.KinesisException;
import io.tributary.core.model.ShardIteratorType;
import io.tributary.core.model.StreamName;
import io.tributary.core.operations.GetShardIterator;
import io.tributary.core.operations.StreamRef;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GetShardIteratorMapperTest {
  private final GetShardIteratorMapper mapper = new GetShardIteratorMapper();

  @Test
  void jsonRequestDecodesWithSecondsTimestamp() {
    assertEquals(new GetShardIterator.Request(StreamRef.ofName(new StreamName("orders")), "shardId-000000000000",
            ShardIteratorType.AT_TIMESTAMP, Optional.empty(), Optional.of(Instant.ofEpochMilli(1_795_852_800_500L))),
        Mapping.readJson(mapper, "{\"StreamName\":\"orders\",\"ShardId\":\"shardId-000000000000\","
            + "\"ShardIteratorType\":\"AT_TIMESTAMP\",\"Timestamp\":1795852800.5}"));
  }

  @Test
  void cborRequestDecodesWithTaggedMillisTimestamp() {
    assertEquals(new GetShardIterator.Request(StreamRef.ofName(new StreamName("orders")), "shardId-000000000000",
            ShardIteratorType.AT_TIMESTAMP, Optional.empty(), Optional.of(Instant.ofEpochMilli(1_795_852_800_123L))),
        Mapping.readCbor(mapper, """
            bf
              6a 53 74 72 65 61 6d 4e 61 6d 65   66 6f 72 64 65 72 73
              67 53 68 61 72 64 49 64   74 73 68 61 72 64 49 64 2d 30 30 30 30 30 30 30 30 30 30 30 30
              71 53 68 61 72 64 49 74 65 72 61 74 6f 72 54 79 70 65   6c 41 54 5f 54 49 4d 45 53 54 41 4d 50
              69 54 69 6d 65 73 74 61 6d 70   c1 1b 00 00 01 a2 21 2b 10 7b
            ff"""));
  }

  @Test
  void unknownIteratorTypeFailsWithTheModelsEnum() {
    KinesisException e = assertThrows(KinesisException.class, () -> Mapping.readJson(mapper,
        "{\"StreamName\":\"orders\",\"ShardId\":\"0\",\"ShardIteratorType\":\"OLDEST\"}"));
    assertEquals("1 validation error detected: Value 'OLDEST' at 'shardIteratorType' failed to satisfy constraint: "
        + "Member must satisfy enum value set: [AT_SEQUENCE_NUMBER, AFTER_SEQUENCE_NUMBER, TRIM_HORIZON, LATEST, "
        + "AT_TIMESTAMP]", e.getMessage());
  }

  @Test
  void responseHasTheIterator() {
    assertEquals("{\"ShardIterator\":\"AAAA\"}", Mapping.writeJson(mapper, new GetShardIterator.Response("AAAA")));
  }
}
