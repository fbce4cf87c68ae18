package io.tributary.core.accounts;

import io.tributary.storage.StreamCatalog;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The account settings of every account and region, read from the {@link StreamCatalog} on
 * first use and written through to it, under the key {@code account/<account>/<region>} (for
 * example {@code account/123456789012/eu-west-1}). An account and region with no entry has
 * {@link AccountSettings#DEFAULT}.
 *
 * <p>Changes are serialized by one lock and reach the catalog before they become visible.
 *
 * <p>Thread-safe.
 */
public final class AccountSettingsRegistry {
  private final StreamCatalog catalog;
  private final ConcurrentHashMap<String, AccountSettings> cache = new ConcurrentHashMap<>();
  private final Object writeLock = new Object();

  public AccountSettingsRegistry(StreamCatalog catalog) {
    this.catalog = catalog;
  }

  public AccountSettings get(String accountId, String region) {
    return cache.computeIfAbsent(key(accountId, region),
        k -> catalog.get(k).map(AccountSettingsCodec::decode).orElse(AccountSettings.DEFAULT));
  }

  /** Replaces the settings with {@code change(current)}, persisting them first. */
  public AccountSettings update(String accountId, String region, UnaryOperator<AccountSettings> change) {
    synchronized (writeLock) {
      AccountSettings current = get(accountId, region);
      AccountSettings next = change.apply(current);
      if (!next.equals(current)) {
        String key = key(accountId, region);
        catalog.put(key, AccountSettingsCodec.encode(next));
        cache.put(key, next);
      }
      return next;
    }
  }

  static String key(String accountId, String region) {
    return "account/" + accountId + "/" + region;
  }
}
