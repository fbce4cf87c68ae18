package io.tributary.core.streams;

import io.tributary.storage.ShardLogId;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * Tells whoever listens on a shard's log that it changed: records were appended and are durable,
 * or the shard was closed by a reshard. This is what lets SubscribeToShard push records within
 * milliseconds instead of polling.
 *
 * <p>A signal carries no data: a listener wakes and reads from its own position, so a signal
 * missed while it was already reading costs nothing as long as it reads again after its read
 * (see {@code ShardSubscription}).
 *
 * <p>Listeners run on the signalling thread (a writer's, before its request is answered), so they
 * must only hand the work to another thread and return.
 *
 * <p>Thread-safe.
 */
public final class AppendNotifier {
  private final ConcurrentHashMap<ShardLogId, Set<Runnable>> listeners = new ConcurrentHashMap<>();

  /** A registration; closing it stops the listener's signals. Idempotent. */
  public interface Registration extends AutoCloseable {
    @Override
    void close();
  }

  /** Calls {@code listener} after every later signal on {@code log}, until the registration closes. */
  public Registration listen(ShardLogId log, Runnable listener) {
    Objects.requireNonNull(log, "log");
    Objects.requireNonNull(listener, "listener");
    listeners.computeIfAbsent(log, k -> new CopyOnWriteArraySet<>()).add(listener);
    return () -> listeners.computeIfPresent(log, (k, set) -> {
      set.remove(listener);
      return set.isEmpty() ? null : set;
    });
  }

  /** Signals every listener on {@code log}: records were appended to it, or it was closed. */
  public void signal(ShardLogId log) {
    Set<Runnable> current = listeners.get(log);
    if (current != null) {
      current.forEach(Runnable::run);
    }
  }
}
