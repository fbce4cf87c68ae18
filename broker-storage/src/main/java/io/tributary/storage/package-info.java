/**
 * What the broker keeps on disk, as interfaces: a {@link io.tributary.storage.StreamStore} holds
 * one {@link io.tributary.storage.StreamCatalog} (stream, shard and consumer metadata) and one
 * {@link io.tributary.storage.ShardLog} per shard (its records). The implementation, and the byte
 * layout with worked examples, is in {@link io.tributary.storage.rocksdb}.
 *
 * <h2>Sequences</h2>
 *
 * Each shard log numbers its records with a positive {@code long} sequence, strictly increasing in
 * append order and never reused: {@code max(previous + 1, arrivalMillis << 20, minSequenceExclusive
 * + 1)}. Arrival times come from an injected {@link java.time.Clock} and never decrease within a
 * shard, even if the clock does. Example: the first record arriving at 2026-11-28T08:00:00Z
 * (1,795,852,800,000 ms) gets sequence 1,883,088,145,612,800,000 ({@code 0x1a2212b100000000}); the
 * next one in the same millisecond gets that plus one.
 *
 * <h2>Durability</h2>
 *
 * An append's future completes only once its records are in the write-ahead log, fsynced under
 * {@link io.tributary.storage.Durability#FSYNC}; catalog writes are durable when they return.
 *
 * <h2>Errors</h2>
 *
 * Every failure is a {@link io.tributary.storage.StorageException}; {@link
 * io.tributary.storage.ShardLogClosedException} for a dropped log or a closed store. The protocol
 * layer turns them into {@code InternalFailure} (or, for a closed shard, the error the operation
 * calls for).
 */
package io.tributary.storage;
