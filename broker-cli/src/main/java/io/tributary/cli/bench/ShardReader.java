package io.tributary.cli.bench;

/**
 * Reads one shard from TRIM_HORIZON with GetRecords, one call per {@link #poll}, logging every
 * record in the shard's {@link DeliveryLedger.ShardLog} and handing it to an optional listener.
 *
 * <p>A failed call is counted in the meter and retried on the next poll; an expired iterator is
 * replaced by one AFTER_SEQUENCE_NUMBER of the last record read (or TRIM_HORIZON if none was).
 *
 * <p>Confined to its reader thread, like the client it owns.
 */
final class ShardReader {

    /** Sees each record as it is read, with the verdict of its payload check. */
    interface RecordListener {
        void onRecord(byte[] data, RecordPayload.Verdict verdict, long receivedNanos);
    }

    private final KinesisClient client;
    private final String stream;
    private final String shardId;
    private final DeliveryLedger.ShardLog log;
    private final Meter meter;
    private final RecordListener listener;
    private String iterator;
    private String lastSequenceNumber;
    private boolean closed;
    private int pollRecords;
    private long pollBytes;
    private long lastRecordNanos;

    /** @param listener called for every record, or null */
    ShardReader(KinesisClient client, String stream, String shardId, DeliveryLedger.ShardLog log, Meter meter,
            RecordListener listener) {
        this.client = client;
        this.stream = stream;
        this.shardId = shardId;
        this.log = log;
        this.meter = meter;
        this.listener = listener;
    }

    /**
     * Makes one GetRecords call of at most {@code limit} records.
     *
     * @return the records it returned; 0 after a failed call
     */
    int poll(int limit) {
        pollRecords = 0;
        pollBytes = 0;
        if (closed) {
            return 0;
        }
        long start = System.nanoTime();
        try {
            if (iterator == null) {
                iterator = lastSequenceNumber == null
                        ? client.getShardIterator(stream, shardId, "TRIM_HORIZON", null)
                        : client.getShardIterator(stream, shardId, "AFTER_SEQUENCE_NUMBER", lastSequenceNumber);
            }
            String next = client.getRecords(iterator, limit, this::accept);
            iterator = next;
            closed = next == null;
        } catch (RequestFailedException e) {
            meter.requestFailed(e.errorType());
            if ("ExpiredIteratorException".equals(e.errorType())) {
                iterator = null;
            } else {
                BenchSession.sleepMillis(50);
            }
            return 0;
        }
        long end = System.nanoTime();
        if (listener == null) {
            meter.succeeded(start, end, pollRecords, pollBytes);
        } else {
            meter.requestCompleted(start, end);
        }
        return pollRecords;
    }

    /** True once the server returned no next iterator: the shard is closed and read to its end. */
    boolean closed() {
        return closed;
    }

    /** Bytes of record data returned by the last poll. */
    long pollBytes() {
        return pollBytes;
    }

    /** When the last record was received, or 0 if none was. */
    long lastRecordNanos() {
        return lastRecordNanos;
    }

    void close() {
        client.close();
    }

    private void accept(byte[] data, String sequenceNumber) {
        long now = System.nanoTime();
        RecordPayload.Verdict verdict = log.observe(data, sequenceNumber);
        pollRecords++;
        pollBytes += data.length;
        lastRecordNanos = now;
        if (sequenceNumber != null) {
            lastSequenceNumber = sequenceNumber;
        }
        if (listener != null) {
            listener.onRecord(data, verdict, now);
        }
    }
}
