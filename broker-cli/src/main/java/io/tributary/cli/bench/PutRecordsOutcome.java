package io.tributary.cli.bench;

import java.util.Arrays;

/**
 * What one PutRecords response said about each record, in request order: the shard and sequence
 * number it was stored at, or the {@code ErrorCode} it failed with.
 *
 * <p>Refilled by every response. Confined to the producer that owns it.
 */
final class PutRecordsOutcome {

    private String[] shardIds = new String[0];
    private String[] sequenceNumbers = new String[0];
    private String[] errorCodes = new String[0];
    private int size;
    private int failedRecordCount;

    void reset() {
        Arrays.fill(shardIds, 0, size, null);
        Arrays.fill(sequenceNumbers, 0, size, null);
        Arrays.fill(errorCodes, 0, size, null);
        size = 0;
        failedRecordCount = 0;
    }

    /** Number of per-record results in the response. */
    int size() {
        return size;
    }

    /** The response's {@code FailedRecordCount}. */
    int failedRecordCount() {
        return failedRecordCount;
    }

    /** Failed records counted from the entries, which is what the benchmarks trust. */
    int failedEntries() {
        int failed = 0;
        for (int i = 0; i < size; i++) {
            if (errorCodes[i] != null) {
                failed++;
            }
        }
        return failed;
    }

    boolean succeeded(int index) {
        return errorCodes[index] == null && sequenceNumbers[index] != null;
    }

    String shardId(int index) {
        return shardIds[index];
    }

    String sequenceNumber(int index) {
        return sequenceNumbers[index];
    }

    String errorCode(int index) {
        return errorCodes[index];
    }

    void failedRecordCount(int count) {
        failedRecordCount = count;
    }

    void add(String shardId, String sequenceNumber, String errorCode) {
        if (size == shardIds.length) {
            int capacity = Math.max(16, size * 2);
            shardIds = Arrays.copyOf(shardIds, capacity);
            sequenceNumbers = Arrays.copyOf(sequenceNumbers, capacity);
            errorCodes = Arrays.copyOf(errorCodes, capacity);
        }
        shardIds[size] = shardId;
        sequenceNumbers[size] = sequenceNumber;
        errorCodes[size] = errorCode == null && sequenceNumber == null ? "MissingSequenceNumber" : errorCode;
        size++;
    }
}
