package io.tributary.http.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.KinesisException;
import io.tributary.core.model.StreamMode;
import io.tributary.core.model.StreamName;
import io.tributary.core.operations.CreateStream;
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
        Mapping.readJson(mapper, "{\"StreamName\":\"orders\",\"StreamModeDetails\":{\"StreamMode\":\"ON_DEMAND\"},"
            + "\"Tags\":{\"team\":\"a\"}}"));
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
