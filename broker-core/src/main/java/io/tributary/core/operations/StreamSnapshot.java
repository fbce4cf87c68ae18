package io.tributary.core.operations;

import io.tributary.core.error.KinesisException;
import io.tributary.core.model.StreamStatus;
import io.tributary.core.streams.StreamKey;
import io.tributary.core.streams.StreamState;

/**
 * A visible stream and the status it has at one instant, with the status rules the
 * control-plane operations share.
 */
record StreamSnapshot(StreamState state, StreamStatus status) {

  /** The stream as seen at {@code nowMillis}; the caller has found it visible then. */
  static StreamSnapshot at(StreamState state, long nowMillis) {
    return new StreamSnapshot(state, state.statusAt(nowMillis)
        .orElseThrow(() -> new IllegalStateException(state.key() + " is gone at " + nowMillis)));
  }

  StreamKey key() {
    return state.key();
  }

  /** This stream if it is ACTIVE; otherwise AWS's ResourceInUseException. */
  StreamSnapshot requireActive() {
    if (status != StreamStatus.ACTIVE) {
      throw notActive(state.key(), status);
    }
    return this;
  }

  /**
   * This stream unless it is still CREATING or already DELETING. For changes that do not touch
   * capacity (tags, policies, consumers), which the broker accepts while a stream is UPDATING;
   * AWS documents only that tags cannot change before the stream is ACTIVE.
   */
  StreamSnapshot requireSettled() {
    if (status == StreamStatus.CREATING || status == StreamStatus.DELETING) {
      throw notActive(state.key(), status);
    }
    return this;
  }

  /** AWS's wording, as kinesalite records it for SplitShard and MergeShards. */
  static KinesisException notActive(StreamKey key, StreamStatus status) {
    return KinesisException.resourceInUse("Stream " + key.name() + " under account " + key.accountId()
        + " not ACTIVE, instead in state " + status);
  }
}
