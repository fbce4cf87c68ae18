package io.tributary.http.auth;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A fixed mapping of access key ids to accounts, as an operator configures it: requests signed
 * with {@code AKIAORDERS} see account {@code 111111111111}'s streams, requests signed with any
 * key not in the map see the broker's default account.
 *
 * <p>Only the access key id of the SigV4 credential scope is read; signatures are not verified
 * (see {@link SigV4Credentials}), so the mapping separates tenants that cooperate, it does not
 * authenticate them.
 *
 * <p>Immutable; thread-safe.
 */
public final class AccessKeyAccounts implements AccountResolver {
  private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

  private final Map<String, String> accountByAccessKeyId;

  /**
   * @param accountByAccessKeyId access key id to 12-digit account id
   * @throws IllegalArgumentException if an account id is not 12 digits or an access key id is empty
   */
  public AccessKeyAccounts(Map<String, String> accountByAccessKeyId) {
    for (Map.Entry<String, String> e : accountByAccessKeyId.entrySet()) {
      if (e.getKey().isEmpty()) {
        throw new IllegalArgumentException("an access key id must not be empty");
      }
      if (!ACCOUNT_ID.matcher(e.getValue()).matches()) {
        throw new IllegalArgumentException(
            "account id of access key " + e.getKey() + " must be 12 digits: " + e.getValue());
      }
    }
    this.accountByAccessKeyId = Map.copyOf(accountByAccessKeyId);
  }

  @Override
  public Optional<String> accountId(String accessKeyId) {
    return Optional.ofNullable(accountByAccessKeyId.get(Objects.requireNonNull(accessKeyId, "accessKeyId")));
  }
}
