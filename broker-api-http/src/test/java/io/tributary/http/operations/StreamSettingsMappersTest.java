package io.tributary.http.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tributary.core.error.KinesisException;
import io.tributary.core.model.StreamArn;
import io.tributary.core.model.StreamMode;
import io.tributary.core.model.StreamName;
import io.tributary.core.operations.StreamRef;
import io.tributary.core.operations.UpdateMaxRecordSize;
import io.tributary.core.operations.UpdateStreamMode;
import io.tributary.core.operations.UpdateStreamWarmThroughput;
import io.tributary.core.operations.WarmThroughput;
import io.tributary.http.Hex;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** UpdateMaxRecordSize, UpdateStreamWarmThroughput and UpdateStreamMode. */
class StreamSettingsMappersTest {
  private static final String STREAM = ResourceTagMappersTest.STREAM;
  private static final StreamArn ARN = StreamArn.parse(STREAM).orElseThrow();

  @Test
  void updateMaxRecordSizeRequestDecodes() {
    UpdateMaxRecordSize.Request expected = new UpdateMaxRecordSize.Request(Optional.of(ARN), 2048);
    assertEquals(expected, Mapping.readJson(new UpdateMaxRecordSizeMapper(),
        "{\"StreamARN\":\"" + STREAM + "\",\"MaxRecordSizeInKiB\":2048}"));
    assertEquals(expected, Mapping.readCbor(new UpdateMaxRecordSizeMapper(), """
            bf
              69 53 74 72 65 61 6d 41 52 4e   78 34 61 72 6e 3a 61 77 73 3a 6b 69 6e 65 73 69 73 3a 75 73 2d 65
                    61 73 74 2d 31 3a 31 31 31 31 31 31 31 31 31 31 31 31 3a 73 74 72 65 61 6d 2f 6f 72 64 65 72
                    73
              72 4d 61 78 52 65 63 6f 72 64 53 69 7a 65 49 6e 4b 69 42   19 08 00
            ff"""));
    assertEquals("", Mapping.writeCbor(new UpdateMaxRecordSizeMapper(), new UpdateMaxRecordSize.Response()));
  }

  @Test
  void updateMaxRecordSizeWithoutTheSizeFailsValidation() {
    KinesisException e = assertThrows(KinesisException.class,
        () -> Mapping.readJson(new UpdateMaxRecordSizeMapper(), "{\"StreamARN\":\"" + STREAM + "\"}"));
    assertEquals("1 validation error detected: Value null at 'maxRecordSizeInKiB' failed to satisfy constraint: "
        + "Member must not be null", e.getMessage());
  }

  @Test
  void updateWarmThroughputRequestDecodes() {
    UpdateStreamWarmThroughput.Request expected =
        new UpdateStreamWarmThroughput.Request(StreamRef.ofName(new StreamName("orders")), 100);
    assertEquals(expected, Mapping.readJson(new UpdateStreamWarmThroughputMapper(),
        "{\"StreamName\":\"orders\",\"WarmThroughputMiBps\":100}"));
    assertEquals(expected, Mapping.readCbor(new UpdateStreamWarmThroughputMapper(), """
            bf
              6a 53 74 72 65 61 6d 4e 61 6d 65   66 6f 72 64 65 72 73
              73 57 61 72 6d 54 68 72 6f 75 67 68 70 75 74 4d 69 42 70 73   18 64
            ff"""));
  }

  @Test
  void updateWarmThroughputResponseHasTargetAndCurrent() {
    UpdateStreamWarmThroughput.Response response = new UpdateStreamWarmThroughput.Response(ARN,
        new StreamName("orders"), new WarmThroughput(OptionalInt.of(100), OptionalInt.of(50)));
    assertEquals("{\"StreamARN\":\"" + STREAM + "\",\"StreamName\":\"orders\","
        + "\"WarmThroughput\":{\"TargetMiBps\":100,\"CurrentMiBps\":50}}",
        Mapping.writeJson(new UpdateStreamWarmThroughputMapper(), response));
    assertEquals(Hex.of(Hex.bytes("""
            bf
              69 53 74 72 65 61 6d 41 52 4e   78 34 61 72 6e 3a 61 77 73 3a 6b 69 6e 65 73 69 73 3a 75 73 2d 65
                    61 73 74 2d 31 3a 31 31 31 31 31 31 31 31 31 31 31 31 3a 73 74 72 65 61 6d 2f 6f 72 64 65 72
                    73
              6a 53 74 72 65 61 6d 4e 61 6d 65   66 6f 72 64 65 72 73
              6e 57 61 72 6d 54 68 72 6f 75 67 68 70 75 74
              bf
                6b 54 61 72 67 65 74 4d 69 42 70 73   18 64
                6c 43 75 72 72 65 6e 74 4d 69 42 70 73   18 32
              ff
            ff""")), Mapping.writeCbor(new UpdateStreamWarmThroughputMapper(), response));
  }

  @Test
  void warmThroughputStillScalingHasNoCurrent() {
    UpdateStreamWarmThroughput.Response response = new UpdateStreamWarmThroughput.Response(ARN,
        new StreamName("orders"), new WarmThroughput(OptionalInt.of(100), OptionalInt.empty()));
    assertEquals("{\"StreamARN\":\"" + STREAM + "\",\"StreamName\":\"orders\","
        + "\"WarmThroughput\":{\"TargetMiBps\":100}}",
        Mapping.writeJson(new UpdateStreamWarmThroughputMapper(), response));
  }

  @Test
  void updateStreamModeRequestDecodes() {
    assertEquals(new UpdateStreamMode.Request(ARN, StreamMode.PROVISIONED), Mapping.readJson(
        new UpdateStreamModeMapper(),
        "{\"StreamARN\":\"" + STREAM + "\",\"StreamModeDetails\":{\"StreamMode\":\"PROVISIONED\"}}"));
    assertEquals(new UpdateStreamMode.Request(ARN, StreamMode.ON_DEMAND, OptionalInt.of(100)),
        Mapping.readCbor(new UpdateStreamModeMapper(), """
            bf
              69 53 74 72 65 61 6d 41 52 4e   78 34 61 72 6e 3a 61 77 73 3a 6b 69 6e 65 73 69 73 3a 75 73 2d 65
                    61 73 74 2d 31 3a 31 31 31 31 31 31 31 31 31 31 31 31 3a 73 74 72 65 61 6d 2f 6f 72 64 65 72
                    73
              71 53 74 72 65 61 6d 4d 6f 64 65 44 65 74 61 69 6c 73
              bf
                6a 53 74 72 65 61 6d 4d 6f 64 65   69 4f 4e 5f 44 45 4d 41 4e 44
              ff
              73 57 61 72 6d 54 68 72 6f 75 67 68 70 75 74 4d 69 42 70 73   18 64
            ff"""));
    assertEquals("", Mapping.writeJson(new UpdateStreamModeMapper(), new UpdateStreamMode.Response()));
  }

  @Test
  void updateStreamModeWithoutDetailsFailsValidation() {
    KinesisException e = assertThrows(KinesisException.class,
        () -> Mapping.readJson(new UpdateStreamModeMapper(), "{\"StreamARN\":\"" + STREAM + "\"}"));
    assertEquals("1 validation error detected: Value null at 'streamModeDetails' failed to satisfy constraint: "
        + "Member must not be null", e.getMessage());
  }
}
