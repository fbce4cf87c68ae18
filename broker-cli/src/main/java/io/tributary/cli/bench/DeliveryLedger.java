package io.tributary.cli.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What was acknowledged and what was read back, and the check that they agree: every
 * acknowledged record read exactly once, from the shard and at the sequence number its put
 * returned, each shard read in ascending sequence-number order, and every byte as written.
 *
 * <p>Producers {@linkplain #acknowledge report} each record the server accepted, with the
 * ShardId and SequenceNumber from the response; a producer numbers its records 0, 1, 2, ... in the
 * order it first sends them (a record retried after a per-record failure keeps its number). While
 * acknowledging, the ledger also checks that, per producer and shard, later acknowledgements get
 * higher sequence numbers, which is Kinesis's ordering promise for a single writer. Readers log
 * what they read in a per-shard {@link ShardLog}; {@link #verify()} then matches the two, so a
 * record may be read before its acknowledgement was processed (as happens in end-to-end runs).
 *
 * <p>Thread-safe for {@link #acknowledge} (guarded by this). Each {@link ShardLog} is confined to
 * the one thread that reads its shard. {@link #verify()} must run after those threads were joined.
 */
final class DeliveryLedger {

    private static final int MAX_PROBLEMS = 10;

    /** The outcome of {@link #verify()}. Immutable. */
    record Verification(long acknowledged, long read, long verified, long missing, long duplicates,
            long unexpected, long corrupt, long outOfOrder, long wrongShard, long sequenceNumberMismatches,
            long acknowledgementOrderViolations, List<String> problems) {

        @JsonProperty("passed")
        boolean passed() {
            return missing == 0 && duplicates == 0 && unexpected == 0 && corrupt == 0 && outOfOrder == 0
                    && wrongShard == 0 && sequenceNumberMismatches == 0 && acknowledgementOrderViolations == 0;
        }
    }

    private final List<String> shardIds;
    private final Map<String, Integer> shardIndex = new HashMap<>();
    private final Acknowledgements[] producers;
    private final String[][] lastAcknowledged;
    private final ShardLog[] logs;
    private final List<String> problems = new ArrayList<>();
    private long acknowledgementOrderViolations;

    DeliveryLedger(List<String> shardIds, int producerCount) {
        this.shardIds = List.copyOf(shardIds);
        for (int i = 0; i < shardIds.size(); i++) {
            shardIndex.put(shardIds.get(i), i);
        }
        this.producers = new Acknowledgements[producerCount];
        Arrays.setAll(producers, i -> new Acknowledgements());
        this.lastAcknowledged = new String[producerCount][shardIds.size()];
        this.logs = new ShardLog[shardIds.size()];
        Arrays.setAll(logs, i -> new ShardLog());
    }

    /** Records that the server stored (producer, sequence) at {@code sequenceNumber} in {@code shardId}. */
    synchronized void acknowledge(int producer, long sequence, String shardId, String sequenceNumber) {
        Integer shard = shardIndex.get(shardId);
        if (shard == null) {
            problem("record " + producer + "/" + sequence + " acknowledged in unknown shard " + shardId);
            acknowledgementOrderViolations++;
            return;
        }
        String previous = lastAcknowledged[producer][shard];
        if (previous != null && compareSequenceNumbers(sequenceNumber, previous) <= 0) {
            acknowledgementOrderViolations++;
            problem("record " + producer + "/" + sequence + " acknowledged at " + sequenceNumber
                    + ", not after the producer's previous record in " + shardId + " at " + previous);
        }
        lastAcknowledged[producer][shard] = sequenceNumber;
        producers[producer].put(Math.toIntExact(sequence), shard, sequenceNumber);
    }

    synchronized long acknowledged() {
        return acknowledgedUnguarded();
    }

    /** How many records were acknowledged in {@code shardId}. */
    synchronized long acknowledgedIn(String shardId) {
        Integer shard = shardIndex.get(shardId);
        long total = 0;
        for (Acknowledgements acks : producers) {
            for (int i = 0; i < acks.sequenceNumbers.length; i++) {
                if (acks.sequenceNumbers[i] != null && shard != null && acks.shards[i] == shard) {
                    total++;
                }
            }
        }
        return total;
    }

    /** The log that the reader of {@code shardId} appends to. */
    ShardLog shardLog(String shardId) {
        Integer shard = shardIndex.get(shardId);
        if (shard == null) {
            throw new IllegalArgumentException("unknown shard " + shardId);
        }
        return logs[shard];
    }

    /** Matches everything read against everything acknowledged. */
    synchronized Verification verify() {
        BitSet[] seen = new BitSet[producers.length];
        Arrays.setAll(seen, i -> new BitSet());
        long read = 0;
        long verified = 0;
        long duplicates = 0;
        long unexpected = 0;
        long corrupt = 0;
        long outOfOrder = 0;
        long wrongShard = 0;
        long mismatches = 0;
        for (int shard = 0; shard < logs.length; shard++) {
            ShardLog log = logs[shard];
            read += log.size + log.corruptCount();
            corrupt += log.corruptCount();
            String shardId = shardIds.get(shard);
            log.corrupt.forEach((verdict, count) -> problem(count + " records read from " + shardId
                    + " failed the payload check: " + verdict));
            String previous = null;
            for (int i = 0; i < log.size; i++) {
                String sequenceNumber = log.sequenceNumbers[i];
                int producer = log.producers[i];
                long sequence = log.sequences[i];
                String where = "record " + producer + "/" + sequence + " read from " + shardIds.get(shard)
                        + " at " + sequenceNumber;
                if (previous != null && compareSequenceNumbers(sequenceNumber, previous) <= 0) {
                    outOfOrder++;
                    problem(where + ", after " + previous);
                }
                previous = sequenceNumber;
                Acknowledgements acks = producer >= 0 && producer < producers.length ? producers[producer] : null;
                if (acks == null || sequence < 0 || sequence >= acks.sequenceNumbers.length
                        || acks.sequenceNumbers[(int) sequence] == null) {
                    unexpected++;
                    problem(where + " was never acknowledged");
                    continue;
                }
                if (seen[producer].get((int) sequence)) {
                    duplicates++;
                    problem(where + " was read before");
                    continue;
                }
                seen[producer].set((int) sequence);
                if (acks.shards[(int) sequence] != shard) {
                    wrongShard++;
                    problem(where + " was acknowledged in " + shardIds.get(acks.shards[(int) sequence]));
                } else if (!acks.sequenceNumbers[(int) sequence].equals(sequenceNumber)) {
                    mismatches++;
                    problem(where + " was acknowledged at " + acks.sequenceNumbers[(int) sequence]);
                } else {
                    verified++;
                }
            }
        }
        long missing = 0;
        for (int producer = 0; producer < producers.length; producer++) {
            Acknowledgements acks = producers[producer];
            for (int sequence = 0; sequence < acks.sequenceNumbers.length; sequence++) {
                if (acks.sequenceNumbers[sequence] != null && !seen[producer].get(sequence)) {
                    missing++;
                    problem("record " + producer + "/" + sequence + " acknowledged in "
                            + shardIds.get(acks.shards[sequence]) + " at " + acks.sequenceNumbers[sequence]
                            + " was never read");
                }
            }
        }
        return new Verification(acknowledgedUnguarded(), read, verified, missing, duplicates, unexpected, corrupt,
                outOfOrder, wrongShard, mismatches, acknowledgementOrderViolations, List.copyOf(problems));
    }

    /**
     * Orders Kinesis sequence numbers, which are decimal strings without leading zeros (up to 128
     * bits): a longer one is larger; equal lengths compare as text. Anything else compares as text.
     */
    static int compareSequenceNumbers(String a, String b) {
        if (a.length() != b.length() && isDigits(a) && isDigits(b)) {
            return Integer.compare(a.length(), b.length());
        }
        return a.compareTo(b);
    }

    private static boolean isDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return !text.isEmpty();
    }

    private long acknowledgedUnguarded() {
        long total = 0;
        for (Acknowledgements acks : producers) {
            total += acks.count;
        }
        return total;
    }

    private void problem(String description) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(description);
        }
    }

    /** One producer's acknowledged records, indexed by sequence. Guarded by the ledger. */
    private static final class Acknowledgements {
        private String[] sequenceNumbers = new String[0];
        private int[] shards = new int[0];
        private long count;

        void put(int sequence, int shard, String sequenceNumber) {
            if (sequence >= sequenceNumbers.length) {
                int capacity = Math.max(sequence + 1, Math.max(1024, sequenceNumbers.length * 2));
                sequenceNumbers = Arrays.copyOf(sequenceNumbers, capacity);
                shards = Arrays.copyOf(shards, capacity);
            }
            if (sequenceNumbers[sequence] == null) {
                count++;
            }
            sequenceNumbers[sequence] = sequenceNumber;
            shards[sequence] = shard;
        }
    }

    /**
     * What one reader read from one shard, in read order. Confined to that reader's thread until
     * the ledger verifies it.
     */
    static final class ShardLog {
        private int[] producers = new int[1024];
        private long[] sequences = new long[1024];
        private String[] sequenceNumbers = new String[1024];
        private int size;
        private final Map<RecordPayload.Verdict, Long> corrupt = new EnumMap<>(RecordPayload.Verdict.class);

        /** Checks the record's bytes and logs it; returns the verdict so callers can use the payload. */
        RecordPayload.Verdict observe(byte[] data, String sequenceNumber) {
            RecordPayload.Verdict verdict = RecordPayload.check(data);
            if (verdict != RecordPayload.Verdict.OK) {
                corrupt.merge(verdict, 1L, Long::sum);
                return verdict;
            }
            if (size == producers.length) {
                producers = Arrays.copyOf(producers, size * 2);
                sequences = Arrays.copyOf(sequences, size * 2);
                sequenceNumbers = Arrays.copyOf(sequenceNumbers, size * 2);
            }
            producers[size] = RecordPayload.producerId(data);
            sequences[size] = RecordPayload.sequence(data);
            sequenceNumbers[size] = sequenceNumber == null ? "" : sequenceNumber;
            size++;
            return verdict;
        }

        /** Records read, whole or not. */
        long read() {
            return size + corruptCount();
        }

        private long corruptCount() {
            return corrupt.values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
