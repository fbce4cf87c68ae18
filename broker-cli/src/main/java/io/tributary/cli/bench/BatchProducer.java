package io.tributary.cli.bench;

import java.util.Arrays;

/**
 * One producer: numbers its records 0, 1, 2, ..., writes each as a {@link RecordPayload} with
 * partition key {@code p<producer>-<sequence>} (so records spread over the shards by MD5, as
 * distinct keys do in practice), sends them with PutRecords (or, one record at a time, with
 * PutRecord), and accounts for the answer in its {@link Meter} and, when there is one, the
 * {@link DeliveryLedger}.
 *
 * <p>After a send, the records that failed (per-record {@code ErrorCode}, or the whole request)
 * can be sent again with {@link #resendFailed}, keeping their sequence and bytes.
 *
 * <p>Confined to its worker thread, like the client it owns.
 */
final class BatchProducer {

    private final KinesisClient client;
    private final String stream;
    private final int producerId;
    private final Meter meter;
    private final DeliveryLedger ledger;
    private final PutApi api;
    private final RecordBatch batch;
    private final long[] sequences;
    private final boolean[] failed;
    private final PutRecordsOutcome outcome = new PutRecordsOutcome();
    private long nextSequence;
    private boolean requestFailed;

    /** @param ledger where acknowledgements go, or null when the run does not verify reads */
    BatchProducer(KinesisClient client, String stream, int producerId, int batchSize, int recordBytes, Meter meter,
            DeliveryLedger ledger) {
        this(client, stream, producerId, batchSize, recordBytes, meter, ledger, PutApi.PUT_RECORDS);
    }

    /**
     * @param ledger where acknowledgements go, or null when the run does not verify reads
     * @param api the operation to write with; PutRecord takes a {@code batchSize} of 1
     */
    BatchProducer(KinesisClient client, String stream, int producerId, int batchSize, int recordBytes, Meter meter,
            DeliveryLedger ledger, PutApi api) {
        if (api == PutApi.PUT_RECORD && batchSize != 1) {
            throw new IllegalArgumentException("PutRecord sends one record per request, not " + batchSize);
        }
        this.api = api;
        this.client = client;
        this.stream = stream;
        this.producerId = producerId;
        this.meter = meter;
        this.ledger = ledger;
        this.batch = new RecordBatch(batchSize, recordBytes);
        this.sequences = new long[batchSize];
        this.failed = new boolean[batchSize];
    }

    /**
     * Sends {@code count} new records stamped with {@code sentNanos}.
     *
     * @return how many of them failed
     */
    int sendNew(int count, long sentNanos) {
        batch.clear();
        for (int i = 0; i < count; i++) {
            long sequence = nextSequence++;
            int slot = batch.add("p" + producerId + "-" + sequence);
            sequences[slot] = sequence;
            RecordPayload.write(batch.data(slot), producerId, sequence, sentNanos);
        }
        return send();
    }

    /**
     * Sends again, in their original order, the records of the previous send that failed.
     *
     * @return how many of them failed again
     */
    int resendFailed() {
        int kept = 0;
        for (int i = 0; i < batch.size(); i++) {
            if (failed[i]) {
                batch.swap(i, kept);
                long sequence = sequences[i];
                sequences[i] = sequences[kept];
                sequences[kept] = sequence;
                kept++;
            }
        }
        batch.truncate(kept);
        return kept == 0 ? 0 : send();
    }

    /** True when the last send failed as a whole (no answer, or an error answer) rather than per record. */
    boolean requestFailed() {
        return requestFailed;
    }

    /** How many records this producer has numbered so far. */
    long sequencesUsed() {
        return nextSequence;
    }

    void close() {
        client.close();
    }

    private int send() {
        int size = batch.size();
        long start = System.nanoTime();
        requestFailed = true;
        try {
            if (api == PutApi.PUT_RECORD) {
                KinesisResponses.PutResult result = client.putRecord(stream, batch.partitionKey(0), batch.data(0));
                outcome.reset();
                outcome.add(result.shardId(), result.sequenceNumber(), null);
            } else {
                client.putRecords(stream, batch, outcome);
            }
        } catch (RequestFailedException e) {
            meter.requestFailed(e.errorType());
            Arrays.fill(failed, 0, size, true);
            return size;
        }
        long end = System.nanoTime();
        if (outcome.size() != size) {
            meter.requestFailed("WrongResultCount");
            Arrays.fill(failed, 0, size, true);
            return size;
        }
        requestFailed = false;
        int failures = 0;
        long bytes = 0;
        for (int i = 0; i < size; i++) {
            failed[i] = !outcome.succeeded(i);
            if (failed[i]) {
                failures++;
                meter.recordsFailed(outcome.errorCode(i), 1);
            } else {
                bytes += batch.data(i).length;
                if (ledger != null) {
                    ledger.acknowledge(producerId, sequences[i], outcome.shardId(i), outcome.sequenceNumber(i));
                }
            }
        }
        meter.succeeded(start, end, size - failures, bytes);
        return failures;
    }
}
