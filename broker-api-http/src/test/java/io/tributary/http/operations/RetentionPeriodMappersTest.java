package io.tributary.http.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tributary.core.error.KinesisException;
import io.tributary.core.model.StreamName;
import io.tributary.core.operations.DecreaseStreamRetentionPeriod;
import io.tributary.core.operations.IncreaseStreamRetentionPeriod;
import io.tributary.core.operations.StreamRef;
import org.junit.jupiter.api.Test;

class RetentionPeriodMappersTest {
  private static final StreamRef ORDERS = StreamRef.ofName(new StreamName("orders"));

  @Test
  void increaseRequestDecodes() {
    assertEquals(new IncreaseStreamRetentionPeriod.Request(ORDERS, 48), Mapping.readJson(
        new RetentionPeriodMappers.Increase(), "{\"StreamName\":\"orders\",\"RetentionPeriodHours\":48}"));
  }

  @Test
  void decreaseRequestDecodesFromCbor() {
    assertEquals(new DecreaseStreamRetentionPeriod.Request(ORDERS, 24), Mapping.readCbor(
        new RetentionPeriodMappers.Decrease(), """
            bf 6a 53 74 72 65 61 6d 4e 61 6d 65   66 6f 72 64 65 72 73
               74 52 65 74 65 6e 74 69 6f 6e 50 65 72 69 6f 64 48 6f 75 72 73   18 18
            ff"""));
  }

  @Test
  void missingHoursFailValidation() {
    KinesisException e = assertThrows(KinesisException.class,
        () -> Mapping.readJson(new RetentionPeriodMappers.Increase(), "{\"StreamName\":\"orders\"}"));
    assertEquals("1 validation error detected: Value null at 'retentionPeriodHours' failed to satisfy constraint: "
        + "Member must not be null", e.getMessage());
  }

  @Test
  void bothAnswerWithAnEmptyBody() {
    assertEquals("", Mapping.writeJson(new RetentionPeriodMappers.Increase(),
        new IncreaseStreamRetentionPeriod.Response()));
    assertEquals("", Mapping.writeCbor(new RetentionPeriodMappers.Decrease(),
        new DecreaseStreamRetentionPeriod.Response()));
  }
}
