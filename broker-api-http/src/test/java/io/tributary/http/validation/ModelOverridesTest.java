package io.tributary.http.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.OptionalLong;
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

  @Test
  void onlyTheDataBlobIsCapped() {
    Shape.Bounds modelDataBounds = new Shape.Bounds(
        OptionalLong.of(0), OptionalLong.of(10_485_760));
    assertEquals(
        OptionalLong.of(1_048_576),
        ModelOverrides.blobLength("Data", modelDataBounds).max());
    assertEquals(modelDataBounds, ModelOverrides.blobLength("OtherBlob", modelDataBounds));
  }
}
