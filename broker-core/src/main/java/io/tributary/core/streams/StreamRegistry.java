package io.tributary.core.streams;

import io.tributary.core.error.KinesisException;
import io.tributary.core.model.StreamStatus;
import io.tributary.storage.ShardLogId;
import io.tributary.storage.StreamCatalog;
import io.tributary.storage.StreamStore;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every stream the broker knows, kept in memory and written through to the {@link StreamCatalog}.
 *
 * <p>Reads are lock-free snapshots. Changes are serialized by one lock and reach the catalog
 * before they become visible, so a client never sees a state that a crash could take back.
 *
 * <p>Thread-safe.
 */
public final class StreamRegistry {
  private static final Logger log = LoggerFactory.getLogger(StreamRegistry.class);
  private static final String UID_KEY = "broker/last-stream-uid";

  private final StreamStore store;
  private final Clock clock;
  private final ConcurrentSkipListMap<StreamKey, StreamState> streams = new ConcurrentSkipListMap<>();
  private final Object writeLock = new Object();
  private final ConcurrentHashMap<StreamKey, ReadWriteLock> shardLocks = new ConcurrentHashMap<>();
  private long lastUid;

  /** Loads the catalog and drops shard logs that no stream owns (left by a crash mid-change). */
  public StreamRegistry(StreamStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
    StreamCatalog catalog = store.catalog();
    lastUid = catalog.get(UID_KEY).map(b -> ByteBuffer.wrap(b).getLong()).orElse(0L);
    Set<ShardLogId> owned = new HashSet<>();
    for (StreamCatalog.CatalogEntry entry : catalog.scan("stream/")) {
      StreamState state = StreamStateCodec.decode(entry.value());
      streams.put(state.key(), state);
      lastUid = Math.max(lastUid, state.uid());
      if (state.storedStatus() != StreamStatus.DELETING) {
        state.shards().forEach(shard -> owned.add(shard.logId()));
      }
    }
    List<ShardLogId> orphans = new ArrayList<>();
    for (ShardLogId id : store.shardLogIds()) {
      if (!owned.contains(id)) {
        log.info("Dropping shard log {}, which no stream owns", id);
        orphans.add(id);
      }
    }
    store.dropShardLogs(orphans);
    removeExpired();
  }

  /** The stream, unless it does not exist or its deletion has completed. */
  public Optional<StreamState> find(StreamKey key) {
    StreamState state = streams.get(key);
    if (state == null || state.statusAt(clock.millis()).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(state);
  }

  /** The visible streams of one account and region, in name order. */
  public List<StreamState> list(String accountId, String region) {
    long now = clock.millis();
    List<StreamState> result = new ArrayList<>();
    String account = accountId;
    for (Map.Entry<StreamKey, StreamState> e : streams.entrySet()) {
      StreamKey k = e.getKey();
      if (k.accountId().equals(account) && k.region().equals(region)
          && e.getValue().statusAt(now).isPresent()) {
        result.add(e.getValue());
      }
    }
    return result;
  }

  /** Every visible stream of every account and region. */
  public List<StreamState> all() {
    long now = clock.millis();
    List<StreamState> result = new ArrayList<>();
    for (StreamState s : streams.values()) {
      if (s.statusAt(now).isPresent()) {
        result.add(s);
      }
    }
    return result;
  }

  /** Every visible stream of an account in every region, for account-wide limits. */
  public List<StreamState> listAccount(String accountId) {
    long now = clock.millis();
    List<StreamState> result = new ArrayList<>();
    for (StreamState s : streams.values()) {
      if (s.key().accountId().equals(accountId) && s.statusAt(now).isPresent()) {
        result.add(s);
      }
    }
    return result;
  }

  /**
   * Creates a stream: the shard logs first, then the catalog entry, so a crash in between
   * leaves only orphan logs, which the next start drops.
   *
   * @param factory builds the new stream's state from the uid it is given
   * @param check runs under the write lock before anything is created, for limits that depend
   *     on the other streams; throws to refuse
   */
  public StreamState create(StreamKey key, java.util.function.LongFunction<StreamState> factory, Runnable check) {
    synchronized (writeLock) {
      if (find(key).isPresent()) {
        throw KinesisException.resourceInUse(
            "Stream " + key.name() + " under account " + key.accountId() + " already exists.");
      }
      check.run();
      long uid = ++lastUid;
      store.catalog().put(UID_KEY, ByteBuffer.allocate(Long.BYTES).putLong(uid).array());
      StreamState state = factory.apply(uid);
      store.createShardLogs(state.shards().stream().map(ShardState::logId).toList());
      store.catalog().put(key.catalogKey(), StreamStateCodec.encode(state));
      streams.put(key, state);
      return state;
    }
  }

  /**
   * Replaces a stream's state with {@code change(current)}, persisting it first. Throws
   * ResourceNotFoundException if the stream is not visible; {@code change} may throw to refuse.
   */
  public StreamState update(StreamKey key, UnaryOperator<StreamState> change) {
    synchronized (writeLock) {
      StreamState current = find(key).orElseThrow(() -> notFound(key));
      StreamState next = change.apply(current);
      if (next != current) {
        store.catalog().put(key.catalogKey(), StreamStateCodec.encode(next));
        streams.put(key, next);
      }
      return next;
    }
  }

  /**
   * Marks the stream DELETING until {@code goneAtMillis} and drops its records at once: the
   * catalog entry is written first, so after a crash the logs are dropped at the next start.
   */
  public void delete(StreamKey key, long goneAtMillis) {
    delete(key, goneAtMillis, UnaryOperator.identity());
  }

  /**
   * Deletes as {@link #delete(StreamKey, long)} does, first applying {@code check} to the current
   * state under the write lock: it throws to refuse (a stream with consumers, say) or returns the
   * state to mark DELETING (its consumers marked DELETING too, say).
   */
  public void delete(StreamKey key, long goneAtMillis, UnaryOperator<StreamState> check) {
    synchronized (writeLock) {
      StreamState current = check.apply(find(key).orElseThrow(() -> notFound(key)));
      StreamState deleting = current.withStatus(StreamStatus.DELETING, goneAtMillis);
      store.catalog().put(key.catalogKey(), StreamStateCodec.encode(deleting));
      streams.put(key, deleting);
      store.dropShardLogs(current.shards().stream().map(ShardState::logId).toList());
    }
  }

  /**
   * The lock that orders appends against changes of a stream's open shards: appends hold its
   * read lock from routing until their records are durable, a reshard holds its write lock, so
   * no acknowledged record can land in a shard after the shard was closed.
   */
  public ReadWriteLock shardLock(StreamKey key) {
    return shardLocks.computeIfAbsent(key, k -> new ReentrantReadWriteLock());
  }

  /** Removes the catalog entries of deleted streams whose DELETING time has passed. */
  public void removeExpired() {
    synchronized (writeLock) {
      long now = clock.millis();
      for (StreamState s : List.copyOf(streams.values())) {
        if (s.statusAt(now).isEmpty()) {
          store.catalog().delete(s.key().catalogKey());
          streams.remove(s.key(), s);
        }
      }
    }
  }

  public static KinesisException notFound(StreamKey key) {
    return KinesisException.resourceNotFound(
        "Stream " + key.name() + " under account " + key.accountId() + " not found.");
  }
}
