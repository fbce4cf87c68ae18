/**
 * The RocksDB implementation of the storage interfaces: {@link
 * io.tributary.storage.rocksdb.RocksDbStreamStore}, opened with a {@link
 * io.tributary.storage.rocksdb.RocksDbStoreConfig}.
 *
 * <h2>Data directory</h2>
 *
 * One RocksDB database, and nothing else, lives in the data directory: its {@code CURRENT}, {@code
 * MANIFEST-*}, {@code OPTIONS-*}, write-ahead log ({@code *.log}), table files ({@code *.sst}),
 * {@code LOG} and {@code LOCK} files. {@code LOCK} is held while a store is open, so a second
 * broker on the same directory fails at start-up with "in use by another Tributary broker".
 *
 * <h2>Column families</h2>
 *
 * <table>
 *   <caption>Column families in the database</caption>
 *   <tr><th>name</th><th>holds</th></tr>
 *   <tr><td>{@code default}</td><td>nothing (RocksDB requires it)</td></tr>
 *   <tr><td>{@code catalog}</td><td>the {@link io.tributary.storage.StreamCatalog}: key = the
 *       catalog key in UTF-8, value = the caller's bytes, unchanged</td></tr>
 *   <tr><td>every other name, e.g. {@code shard/17/3}</td><td>one {@link
 *       io.tributary.storage.ShardLog}, named by its {@link io.tributary.storage.ShardLogId}
 *       (printable ASCII, never starting with {@code default} or {@code catalog})</td></tr>
 * </table>
 *
 * <h2>Shard log keys</h2>
 *
 * A record's key is its sequence as 8 bytes, big-endian. Sequences are positive, so the first byte
 * is {@code 0x00..0x7f} and RocksDB's bytewise order is numeric order. The sequence is {@code
 * max(previous + 1, arrivalMillis << 20, minSequenceExclusive + 1)}. Worked example, a record
 * arriving at 2026-11-28T08:00:00Z into an empty shard:
 *
 * <pre>
 * arrivalMillis        = 1,795,852,800,000          = 0x0000_01a2_212b_1000
 * arrivalMillis &lt;&lt; 20  = 1,883,088,145,612,800,000  = 0x1a22_12b1_0000_0000
 * key                  = 1a 22 12 b1 00 00 00 00
 * next record, same ms = 1a 22 12 b1 00 00 00 01    (previous + 1)
 * first record, +1 ms  = 1a 22 12 b1 00 10 00 00    ((arrivalMillis + 1) &lt;&lt; 20)
 * </pre>
 *
 * <h2>Shard log values</h2>
 *
 * Format version 1; a future layout gets a new first byte, and the decoder rejects versions it does
 * not know with {@link io.tributary.storage.rocksdb.CorruptRecordException}.
 *
 * <pre>
 * offset  size  field
 *  0       1    format version, 0x01
 *  1       8    arrivalMillis, big-endian; never more than sequence &gt;&gt;&gt; 20
 *  9       2    partition key length n in bytes, big-endian unsigned
 * 11       n    partition key, UTF-8
 * 11+n     rest data (its length is the value's length - 11 - n)
 * </pre>
 *
 * Worked example: partition key {@code "user-42"} and data {@code "hello"}, arriving at
 * 2026-11-28T08:00:00Z, is 23 bytes stored under key {@code 1a2212b100000000}:
 *
 * <pre>
 * 01                        version 1
 * 00 00 01 a2 21 2b 10 00   arrivalMillis 1,795,852,800,000
 * 00 07                     partition key: 7 bytes
 * 75 73 65 72 2d 34 32      "user-42"
 * 68 65 6c 6c 6f            "hello"
 * </pre>
 *
 * <h2>High-water mark</h2>
 *
 * A trim also writes key {@code ff} (one byte, so it sorts after every sequence key and is never
 * returned as a record) holding the log's tail at the time: {@code 01 | lastSequence (8) |
 * lastArrivalMillis (8)}. On start the tail is the later of the last record and this mark, so a log
 * trimmed empty still never reuses a sequence and never moves arrival time backwards, even if the
 * clock did across the restart. Example, after two records in the millisecond above: {@code 01
 * 1a2212b100000001 000001a2212b1000}.
 *
 * <h2>Invariants</h2>
 *
 * <ul>
 *   <li>Within a shard log, keys increase in append order and arrival times never decrease along
 *       the keys, so a search by time is a seek to {@code millis << 20} plus a bounded skip.
 *   <li>Every sequence key holds a decodable version 1 value; anything else is reported as a {@link
 *       io.tributary.storage.rocksdb.CorruptRecordException} naming shard and sequence.
 *   <li>{@code trimBefore(s)} is one range delete of {@code [00 00 00 00 00 00 00 00, key(s))} plus
 *       the high-water mark, in the same write batch. Table files below level 0 that lie wholly
 *       below {@code s} are then deleted at once; compaction reclaims the rest, and a one-day TTL
 *       on shard column families makes sure it does for idle shards too.
 *   <li>Appends and trims reach the write-ahead log in one {@code WriteBatch} per writer batch,
 *       synced under {@link io.tributary.storage.Durability#FSYNC}; an append's future completes
 *       only after that write returned. Recovery replays the log up to its last intact batch.
 * </ul>
 *
 * <h2>Threads and failures</h2>
 *
 * Appends and trims are written one batch at a time: by the caller that submits them when nothing
 * else is being written, else by the writer thread {@code tributary-storage-writer}, which
 * gathers everything queued meanwhile into shared batches (see {@link
 * io.tributary.storage.rocksdb.ShardLogWriter}); reads and catalog calls run on the caller's
 * thread. Every class states its own thread-safety. {@code RocksDBException} is wrapped once, at
 * this package's boundary, under the policy in {@link
 * io.tributary.storage.rocksdb.RocksDbErrorPolicy}.
 */
package io.tributary.storage.rocksdb;
