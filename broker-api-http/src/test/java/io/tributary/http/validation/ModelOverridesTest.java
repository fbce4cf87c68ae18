package io.tributary.http.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModelOverridesTest {

  @Test
  void recordedMembersComeFirstAndTheRestKeepModelOrder() {
    assertEquals(
        List.of("Records", "StreamName", "StreamARN", "StreamId"),
        ModelOverrides.memberOrder(
            "PutRecordsInput", List.of("Records", "StreamName", "StreamARN", "StreamId")));
    assertEquals(
        List.of("StreamName", "Limit", "StreamARN"),
        ModelOverrides.memberOrder("SomeNewInput", List.of("StreamName", "Limit", "StreamARN")));
  }

  @Test
  void recordedOrderNamingAMemberTheModelLostFailsLoading() {
    assertThrows(IllegalStateException.class,
        () -> ModelOverrides.memberOrder("PutRecordsInput", List.of("StreamName")));
  }

  @Test
  void recordedEnumOrderWithDifferentValuesFailsLoading() {
    assertThrows(IllegalStateException.class,
        () -> ModelOverrides.enumOrder("ShardIteratorType", List.of("LATEST", "TRIM_HORIZON")));
  }
}
