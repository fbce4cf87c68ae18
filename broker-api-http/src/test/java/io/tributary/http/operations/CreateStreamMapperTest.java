package io.tributary.http.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.KinesisException;
import io.tributary.core.model.StreamMode;
import io.tributary.core.model.StreamName;
import io.tributary.core.operations.CreateStream;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class CreateStreamMapperTest {
  private final CreateStreamMapper mapper = new CreateStreamMapper();

  @Test
  void requestWithShardCountDecodes() {
    assertEquals(new CreateStream.Request(new StreamName("orders"), OptionalInt.of(2), Optional.empty()),
        Mapping.readJson(mapper, "{\"StreamName\":\"orders\",\"ShardCount\":2}"));
  }

  @Test
  void requestWithStreamModeDetailsDecodes() {
    assertEquals(new CreateStream.Request(new StreamName("orders"), OptionalInt.empty(),
            Optional.of(StreamMode.ON_DEMAND)),
        Mapping.readJson(mapper, "{\"StreamName\":\"orders\",\"StreamModeDetails\":{\"StreamMode\":\"ON_DEMAND\"}}"));
  }

  @Test
  void requestWithTagsWarmThroughputAndRecordSizeDecodes() {
    CreateStream.Request expected = new CreateStream.Request(new StreamName("orders"), OptionalInt.empty(),
        Optional.empty(), Map.of("team", "a"), OptionalInt.of(0), OptionalInt.of(10240));
    assertEquals(expected, Mapping.readJson(mapper, "{\"StreamName\":\"orders\",\"Tags\":{\"team\":\"a\"},"
        + "\"WarmThroughputMiBps\":0,\"MaxRecordSizeInKiB\":10240}"));
    assertEquals(expected, Mapping.readCbor(mapper, """
            bf
              6a 53 74 72 65 61 6d 4e 61 6d 65   66 6f 72 64 65 72 73
              64 54 61 67 73
              bf
                64 74 65 61 6d   61 61
              ff
              73 57 61 72 6d 54 68 72 6f 75 67 68 70 75 74 4d 69 42 70 73   00
              72 4d 61 78 52 65 63 6f 72 64 53 69 7a 65 49 6e 4b 69 42   19 28 00
            ff"""));
  }

  @Test
  void cborRequestDecodes() {
    assertEquals(new CreateStream.Request(new StreamName("orders"), OptionalInt.of(2), Optional.empty()),
        Mapping.readCbor(mapper, """
            bf 6a 53 74 72 65 61 6d 4e 61 6d 65   66 6f 72 64 65 72 73
               6a 53 68 61 72 64 43 6f 75 6e 74   02
            ff"""));
  }

  @Test
  void unknownStreamModeFailsWithTheModelsEnum() {
    KinesisException e = assertThrows(KinesisException.class, () -> Mapping.readJson(mapper,
        "{\"StreamName\":\"orders\",\"StreamModeDetails\":{\"StreamMode\":\"FAST\"}}"));
    assertEquals(ErrorCode.VALIDATION, e.code());
    assertEquals("1 validation error detected: Value 'FAST' at 'streamModeDetails.streamMode' failed to satisfy "
        + "constraint: Member must satisfy enum value set: [PROVISIONED, ON_DEMAND]", e.getMessage());
  }

  @Test
  void badStreamNameFailsWithThePattern() {
    KinesisException e = assertThrows(KinesisException.class,
        () -> Mapping.readJson(mapper, "{\"StreamName\":\"a b\"}"));
    assertEquals("1 validation error detected: Value 'a b' at 'streamName' failed to satisfy constraint: "
        + "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+", e.getMessage());
  }

  @Test
  void responseIsEmpty() {
    assertEquals("", Mapping.writeJson(mapper, new CreateStream.Response()));
    assertEquals("", Mapping.writeCbor(mapper, new CreateStream.Response()));
  }
}
