package io.tributary.cli.bench;

import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the fan-out readers of a run did with their subscriptions: how many they opened, how each
 * ended, and the events they received. The failures themselves are counted by type in the
 * consumers' {@link Meter}.
 *
 * <p>Thread-safe: every reader thread adds to the same counters.
 */
final class SubscriptionCounters {

    /**
     * The counts at the end of a run. Immutable.
     *
     * @param opened SubscribeToShard calls answered with an event stream
     * @param endedByServer streams the server ended normally (AWS ends each after five minutes)
     * @param endedByClient streams the reader closed itself, after {@code --max-subscription-seconds}
     * @param subscribeFailures SubscribeToShard calls that failed (ResourceInUseException, say)
     * @param streamFailures streams that ended with an exception message or a broken connection
     * @param events {@code SubscribeToShardEvent}s received
     * @param eventsWithoutRecords events that carried no records: heartbeats of an idle shard
     * @param maxMillisBehindLatest the largest {@code MillisBehindLatest} any event carried
     */
    record Report(long opened, long endedByServer, long endedByClient, long subscribeFailures, long streamFailures,
            long events, long eventsWithoutRecords, long maxMillisBehindLatest) {
    }

    private final LongAdder opened = new LongAdder();
    private final LongAdder endedByServer = new LongAdder();
    private final LongAdder endedByClient = new LongAdder();
    private final LongAdder subscribeFailures = new LongAdder();
    private final LongAdder streamFailures = new LongAdder();
    private final LongAdder events = new LongAdder();
    private final LongAdder eventsWithoutRecords = new LongAdder();
    private final LongAccumulator maxMillisBehindLatest = new LongAccumulator(Long::max, 0L);

    void opened() {
        opened.increment();
    }

    void endedByServer() {
        endedByServer.increment();
    }

    void endedByClient() {
        endedByClient.increment();
    }

    void subscribeFailed() {
        subscribeFailures.increment();
    }

    void streamFailed() {
        streamFailures.increment();
    }

    void event(int records, long millisBehindLatest) {
        events.increment();
        if (records == 0) {
            eventsWithoutRecords.increment();
        }
        maxMillisBehindLatest.accumulate(millisBehindLatest);
    }

    Report report() {
        return new Report(opened.sum(), endedByServer.sum(), endedByClient.sum(), subscribeFailures.sum(),
                streamFailures.sum(), events.sum(), eventsWithoutRecords.sum(), maxMillisBehindLatest.get());
    }
}
