package io.tributary.http.auth;

import java.util.Optional;

/**
 * Maps an access key id to the account whose streams its requests see. Requests whose key maps
 * to no account use the broker's default account.
 *
 * <p>Implementations must be thread-safe: every request thread calls them.
 */
@FunctionalInterface
public interface AccountResolver {

  /** The 12-digit account of this access key, if it is known. */
  Optional<String> accountId(String accessKeyId);

  /** Every key maps to no account: all requests use the default account. */
  static AccountResolver defaultAccountOnly() {
    return accessKeyId -> Optional.empty();
  }
}
