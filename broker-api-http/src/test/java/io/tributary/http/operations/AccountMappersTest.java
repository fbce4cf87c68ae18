package io.tributary.http.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tributary.core.error.KinesisException;
import io.tributary.core.model.MinimumThroughputBillingCommitmentStatus;
import io.tributary.core.operations.DescribeAccountSettings;
import io.tributary.core.operations.DescribeLimits;
import io.tributary.core.operations.MinimumThroughputBillingCommitment;
import io.tributary.core.operations.UpdateAccountSettings;
import io.tributary.http.Hex;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** DescribeLimits, DescribeAccountSettings and UpdateAccountSettings: the per-account operations. */
class AccountMappersTest {
  private static final Instant STARTED = Instant.ofEpochSecond(1_795_852_800L);
  private static final MinimumThroughputBillingCommitment ENABLED = new MinimumThroughputBillingCommitment(
      MinimumThroughputBillingCommitmentStatus.ENABLED, Optional.of(STARTED), Optional.empty(),
      Optional.of(STARTED.plusSeconds(86_400)));

  @Test
  void describeLimitsTakesNoMembers() {
    assertEquals(new DescribeLimits.Request(), Mapping.readJson(new DescribeLimitsMapper(), "{}"));
    assertEquals(new DescribeLimits.Request(), Mapping.readCbor(new DescribeLimitsMapper(), "bf ff"));
  }

  @Test
  void describeLimitsResponseHasAllFourCounts() {
    DescribeLimits.Response response = new DescribeLimits.Response(500, 3, 1, 50);
    assertEquals("{\"ShardLimit\":500,\"OpenShardCount\":3,\"OnDemandStreamCount\":1,\"OnDemandStreamCountLimit\":50}",
        Mapping.writeJson(new DescribeLimitsMapper(), response));
    assertEquals(Hex.of(Hex.bytes("""
            bf
              6a 53 68 61 72 64 4c 69 6d 69 74   19 01 f4
              6e 4f 70 65 6e 53 68 61 72 64 43 6f 75 6e 74   03
              73 4f 6e 44 65 6d 61 6e 64 53 74 72 65 61 6d 43 6f 75 6e 74   01
              78 18 4f 6e 44 65 6d 61 6e 64 53 74 72 65 61 6d 43 6f 75 6e 74 4c 69 6d 69 74   18 32
            ff""")), Mapping.writeCbor(new DescribeLimitsMapper(), response));
  }

  @Test
  void describeAccountSettingsResponseHasOnlyTheTimesTheCommitmentHas() {
    DescribeAccountSettings.Response response = new DescribeAccountSettings.Response(ENABLED);
    assertEquals("{\"MinimumThroughputBillingCommitment\":{\"Status\":\"ENABLED\",\"StartedAt\":1.7958528E9,"
        + "\"EarliestAllowedEndAt\":1.7959392E9}}", Mapping.writeJson(new AccountSettingsMappers.Describe(), response));
    assertEquals(Hex.of(Hex.bytes("""
            bf
             78 22 4d 69 6e 69 6d 75 6d 54 68 72 6f 75 67 68 70 75 74 42 69 6c 6c 69 6e 67 43 6f 6d 6d 69 74 6d
                    65 6e 74
              bf
                66 53 74 61 74 75 73   67 45 4e 41 42 4c 45 44
                69 53 74 61 72 74 65 64 41 74   c1 1b 00 00 01 a2 21 2b 10 00
                74 45 61 72 6c 69 65 73 74 41 6c 6c 6f 77 65 64 45 6e 64 41 74   c1 1b 00 00 01 a2 26 51 6c 00
              ff
            ff""")),
        Mapping.writeCbor(new AccountSettingsMappers.Describe(), response));
  }

  @Test
  void neverEnabledCommitmentIsJustDisabled() {
    MinimumThroughputBillingCommitment disabled = new MinimumThroughputBillingCommitment(
        MinimumThroughputBillingCommitmentStatus.DISABLED, Optional.empty(), Optional.empty(), Optional.empty());
    assertEquals("{\"MinimumThroughputBillingCommitment\":{\"Status\":\"DISABLED\"}}",
        Mapping.writeJson(new AccountSettingsMappers.Update(), new UpdateAccountSettings.Response(disabled)));
  }

  @Test
  void updateAccountSettingsRequestDecodes() {
    assertEquals(new UpdateAccountSettings.Request(MinimumThroughputBillingCommitmentStatus.ENABLED),
        Mapping.readJson(new AccountSettingsMappers.Update(),
            "{\"MinimumThroughputBillingCommitment\":{\"Status\":\"ENABLED\"}}"));
    assertEquals(new UpdateAccountSettings.Request(MinimumThroughputBillingCommitmentStatus.DISABLED),
        Mapping.readCbor(new AccountSettingsMappers.Update(), """
            bf
             78 22 4d 69 6e 69 6d 75 6d 54 68 72 6f 75 67 68 70 75 74 42 69 6c 6c 69 6e 67 43 6f 6d 6d 69 74 6d
                    65 6e 74
              bf
                66 53 74 61 74 75 73   68 44 49 53 41 42 4c 45 44
              ff
            ff"""));
  }

  @Test
  void updateAccountSettingsRefusesTheOutputOnlyStatus() {
    KinesisException e = assertThrows(KinesisException.class, () -> Mapping.readJson(
        new AccountSettingsMappers.Update(),
        "{\"MinimumThroughputBillingCommitment\":{\"Status\":\"ENABLED_UNTIL_EARLIEST_ALLOWED_END\"}}"));
    assertEquals("1 validation error detected: Value 'ENABLED_UNTIL_EARLIEST_ALLOWED_END' at "
        + "'minimumThroughputBillingCommitment.status' failed to satisfy constraint: "
        + "Member must satisfy enum value set: [ENABLED, DISABLED]", e.getMessage());
  }

  @Test
  void updateAccountSettingsWithoutTheCommitmentFailsValidation() {
    KinesisException e = assertThrows(KinesisException.class,
        () -> Mapping.readJson(new AccountSettingsMappers.Update(), "{}"));
    assertEquals("1 validation error detected: Value null at 'minimumThroughputBillingCommitment' failed to "
        + "satisfy constraint: Member must not be null", e.getMessage());
  }
}
