package io.tributary.cli.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads one shard through enhanced fan-out: SubscribeToShard from LATEST, and whenever a
 * subscription ends, SubscribeToShard again AFTER_SEQUENCE_NUMBER the last
 * {@code ContinuationSequenceNumber} received, so that no record is skipped or read twice. This is
 * what the API reference asks of a consumer: a subscription lasts five minutes, and a new one
 * continues where the last event left off. Every record goes into the shard's
 * {@link DeliveryLedger.ShardLog} and to the listener.
 *
 * <p>A subscription ends when the server ends the stream, when it sends an exception message or
 * the connection breaks (counted as a failure; the reader pauses briefly and resubscribes), or
 * when it is older than {@code maxSubscriptionNanos} after an event (the reader closes it itself,
 * to exercise resubscription in a run shorter than five minutes). A SubscribeToShard that fails,
 * ResourceInUseException while the server still holds the previous subscription say, is retried
 * after the same pause. Before the first event there is no continuation yet: a resubscription
 * then starts at TRIM_HORIZON, which assumes, as the polling consumer does, that the stream holds
 * only this run's records. The reader stops for good when the shard is closed and read to its end
 * (an event without a continuation), or when {@link #stop()} is called.
 *
 * <p>An event's records are handed on only once the whole event is decoded, all stamped with the
 * time decoding finished: a record counts as received when the consumer holds it.
 *
 * <p>Confined to its reader thread, like the client it owns, except {@link #stop()}.
 */
final class FanOutReader {

    private static final long RETRY_PAUSE_MILLIS = 100;

    private final KinesisClient client;
    private final String consumerArn;
    private final String shardId;
    private final DeliveryLedger.ShardLog log;
    private final SubscriptionCounters counters;
    private final long maxSubscriptionNanos;
    private final List<byte[]> eventData = new ArrayList<>();
    private final List<String> eventSequenceNumbers = new ArrayList<>();
    private volatile boolean stopped;
    private SubscriptionStream subscription;
    private long subscribedNanos;
    private String continuation;
    private boolean shardEnded;

    /** @param maxSubscriptionNanos how long a subscription may last before the reader ends it; Long.MAX_VALUE to leave that to the server */
    FanOutReader(KinesisClient client, String consumerArn, String shardId, DeliveryLedger.ShardLog log,
            SubscriptionCounters counters, long maxSubscriptionNanos) {
        this.client = client;
        this.consumerArn = consumerArn;
        this.shardId = shardId;
        this.log = log;
        this.counters = counters;
        this.maxSubscriptionNanos = maxSubscriptionNanos;
    }

    /**
     * Opens the first subscription, from LATEST, and reads its initial-response: records put after
     * this returns are delivered by {@link #run}.
     *
     * @throws RequestFailedException if SubscribeToShard fails
     */
    void subscribe() {
        open("LATEST", null);
    }

    /**
     * Receives events until {@link #stop()} is called or the shard has been read to its end,
     * resubscribing as needed; then closes the client.
     *
     * @param meter counts each event as a request and each failure by type
     */
    void run(Meter meter, ShardReader.RecordListener listener) {
        try {
            while (!stopped && !shardEnded) {
                if (subscription == null && !resubscribe(meter)) {
                    continue;
                }
                receive(meter, listener);
            }
        } finally {
            endSubscription();
            client.close();
        }
    }

    /** Makes {@link #run} return soon, closing the connection it may be blocked on. Thread-safe. */
    void stop() {
        stopped = true;
        client.abort();
    }

    /** The last ContinuationSequenceNumber received, or null before the first event. */
    String continuation() {
        return continuation;
    }

    private boolean resubscribe(Meter meter) {
        try {
            if (continuation == null) {
                open("TRIM_HORIZON", null);
            } else {
                open("AFTER_SEQUENCE_NUMBER", continuation);
            }
            return true;
        } catch (RequestFailedException e) {
            if (!stopped) {
                counters.subscribeFailed();
                meter.requestFailed(e.errorType());
                BenchSession.sleepMillis(RETRY_PAUSE_MILLIS);
            }
            return false;
        }
    }

    private void open(String startingPositionType, String sequenceNumber) {
        subscription = client.subscribeToShard(consumerArn, shardId, startingPositionType, sequenceNumber);
        subscribedNanos = System.nanoTime();
        counters.opened();
    }

    /** Reads one event of the open subscription and hands on its records, or ends the subscription. */
    private void receive(Meter meter, ShardReader.RecordListener listener) {
        eventData.clear();
        eventSequenceNumbers.clear();
        KinesisResponses.SubscriptionEvent event;
        try {
            event = subscription.next((data, sequenceNumber) -> {
                eventData.add(data);
                eventSequenceNumbers.add(sequenceNumber);
            });
        } catch (RequestFailedException e) {
            endSubscription();
            if (!stopped) {
                counters.streamFailed();
                meter.requestFailed(e.errorType());
                BenchSession.sleepMillis(RETRY_PAUSE_MILLIS);
            }
            return;
        }
        long now = System.nanoTime();
        if (event == null) {
            endSubscription();
            counters.endedByServer();
            return;
        }
        for (int i = 0; i < eventData.size(); i++) {
            byte[] data = eventData.get(i);
            listener.onRecord(data, log.observe(data, eventSequenceNumbers.get(i)), now);
        }
        meter.requestCompleted(now, now);
        counters.event(event.records(), event.millisBehindLatest());
        if (event.continuationSequenceNumber() == null) {
            shardEnded = true;
            endSubscription();
            return;
        }
        continuation = event.continuationSequenceNumber();
        if (now - subscribedNanos >= maxSubscriptionNanos) {
            endSubscription();
            counters.endedByClient();
        }
    }

    private void endSubscription() {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
    }
}
