package io.tributary.core.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.core.InMemoryStreamStore;
import io.tributary.core.MutableClock;
import io.tributary.core.model.MinimumThroughputBillingCommitmentStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class AccountSettingsTest {
  private static final long T = Instant.parse("2026-11-28T08:00:00Z").toEpochMilli();
  private static final long DAY = Duration.ofHours(24).toMillis();

  @Test
  void enablingStartsATwentyFourHourCommitment() {
    BillingCommitment c = BillingCommitment.NEVER_ENABLED.enable(T);
    assertEquals(MinimumThroughputBillingCommitmentStatus.ENABLED, c.statusAt(T));
    assertEquals(OptionalLong.of(T), c.startedAtMillis());
    assertEquals(OptionalLong.of(T + DAY), c.earliestAllowedEndMillis());
    assertSame(c, c.enable(T + 5));
  }

  @Test
  void disablingInsideTheWindowIsScheduledForItsEnd() {
    BillingCommitment c = BillingCommitment.NEVER_ENABLED.enable(T).disable(T + 1000);
    assertEquals(MinimumThroughputBillingCommitmentStatus.ENABLED_UNTIL_EARLIEST_ALLOWED_END, c.statusAt(T + 1000));
    assertEquals(OptionalLong.of(T + DAY), c.endedAtMillis());
    assertTrue(c.inForceAt(T + DAY - 1));
    assertEquals(MinimumThroughputBillingCommitmentStatus.DISABLED, c.statusAt(T + DAY));
    assertFalse(c.inForceAt(T + DAY));
  }

  @Test
  void enablingAgainBeforeTheEndCancelsThePendingDisable() {
    BillingCommitment c = BillingCommitment.NEVER_ENABLED.enable(T).disable(T + 1000).enable(T + 2000);
    assertEquals(MinimumThroughputBillingCommitmentStatus.ENABLED, c.statusAt(T + 2 * DAY));
    assertEquals(OptionalLong.of(T), c.startedAtMillis());
  }

  @Test
  void disablingAfterTheWindowEndsAtOnceAndEnablingLaterStartsAnew() {
    BillingCommitment c = BillingCommitment.NEVER_ENABLED.enable(T).disable(T + 2 * DAY);
    assertEquals(MinimumThroughputBillingCommitmentStatus.DISABLED, c.statusAt(T + 2 * DAY));
    assertEquals(OptionalLong.of(T + 2 * DAY), c.endedAtMillis());
    assertSame(c, c.disable(T + 3 * DAY));
    BillingCommitment again = c.enable(T + 3 * DAY);
    assertEquals(OptionalLong.of(T + 3 * DAY), again.startedAtMillis());
    assertEquals(OptionalLong.empty(), again.endedAtMillis());
  }

  @Test
  void settingsSurviveARestartAndAreKeptPerAccountAndRegion() {
    MutableClock clock = new MutableClock(Instant.ofEpochMilli(T));
    InMemoryStreamStore store = new InMemoryStreamStore(clock);
    AccountSettingsRegistry registry = new AccountSettingsRegistry(store.catalog());
    registry.update("111111111111", "eu-west-1",
        s -> new AccountSettings(s.minimumThroughputBillingCommitment().enable(T).disable(T + 7)));
    assertTrue(store.catalog().get("account/111111111111/eu-west-1").isPresent());

    AccountSettingsRegistry reopened = new AccountSettingsRegistry(store.catalog());
    BillingCommitment c = reopened.get("111111111111", "eu-west-1").minimumThroughputBillingCommitment();
    assertEquals(new BillingCommitment(OptionalLong.of(T), OptionalLong.of(T + DAY), OptionalLong.of(T + DAY)), c);
    assertEquals(AccountSettings.DEFAULT, reopened.get("111111111111", "us-east-1"));
    assertEquals(AccountSettings.DEFAULT, reopened.get("222222222222", "eu-west-1"));
  }

  @Test
  void codecRoundTripsEveryField() {
    AccountSettings s = new AccountSettings(
        new BillingCommitment(OptionalLong.of(1), OptionalLong.of(2), OptionalLong.of(3)));
    assertEquals(s, AccountSettingsCodec.decode(AccountSettingsCodec.encode(s)));
    assertEquals(AccountSettings.DEFAULT,
        AccountSettingsCodec.decode(AccountSettingsCodec.encode(AccountSettings.DEFAULT)));
  }
}
