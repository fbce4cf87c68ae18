package io.tributary.http.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccessKeyAccountsTest {
  private final AccessKeyAccounts accounts =
      new AccessKeyAccounts(Map.of("AKIDORDERS", "111111111111", "AKIDBILLING", "222222222222"));

  @Test
  void mappedKeysYieldTheirAccounts() {
    assertEquals(Optional.of("111111111111"), accounts.accountId("AKIDORDERS"));
    assertEquals(Optional.of("222222222222"), accounts.accountId("AKIDBILLING"));
  }

  @Test
  void unmappedKeyYieldsNoAccountSoTheDefaultApplies() {
    assertEquals(Optional.empty(), accounts.accountId("AKIDOTHER"));
  }

  @Test
  void accountIdsMustBeTwelveDigits() {
    assertThrows(IllegalArgumentException.class, () -> new AccessKeyAccounts(Map.of("AKID", "12345")));
    assertThrows(IllegalArgumentException.class, () -> new AccessKeyAccounts(Map.of("", "111111111111")));
  }
}
