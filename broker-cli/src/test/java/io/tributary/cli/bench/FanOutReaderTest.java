package io.tributary.cli.bench;

import static io.tributary.cli.bench.EventStreamBytes.chunk;
import static io.tributary.cli.bench.EventStreamBytes.concat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link FanOutReader}: subscribing, resubscribing from the continuation, and stopping. */
class FanOutReaderTest {

    private static final String SHARD = "shardId-000000000000";
    private static final String CONSUMER = "arn:aws:kinesis:us-east-1:000000000000:stream/s/consumer/c:1";
    private static final String LATEST = "{\"ConsumerARN\":\"" + CONSUMER + "\",\"ShardId\":\"" + SHARD
            + "\",\"StartingPosition\":{\"Type\":\"LATEST\"}}";

    private final ScriptedHttpServer server = new ScriptedHttpServer();
    private final DeliveryLedger ledger = new DeliveryLedger(List.of(SHARD), 1);
    private final SubscriptionCounters counters = new SubscriptionCounters();
    private final Meter meter = new Meter(MeasurementWindow.open(System.nanoTime()));
    private final List<Long> received = new ArrayList<>();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void subscriptionEndedByTheServerIsRenewedAfterTheLastContinuationAndEveryRecordReadOnce() {
        server.respond(stream(event(0, 2, "101"), EventStreamBytes.LAST_CHUNK));
        server.respond(stream(event(2, 1, "102"), shardEnd(), EventStreamBytes.LAST_CHUNK));
        FanOutReader reader = reader(Long.MAX_VALUE);

        reader.subscribe();
        reader.run(meter, (data, verdict, receivedNanos) -> received.add(RecordPayload.sequence(data)));

        assertEquals(List.of(0L, 1L, 2L), received);
        assertEquals(List.of(LATEST, after("101")), server.requestBodies());
        assertEquals(1, server.connectionsAccepted());
        assertEquals(new SubscriptionCounters.Report(2, 1, 0, 0, 0, 3, 1, 0), counters.report());
        assertVerified(3);
    }

    @Test
    void exceptionMessageAndAFailedResubscribeAreCountedAndTheReaderResumesFromTheContinuation() {
        server.respond(stream(event(0, 1, "100"), chunk(EventStreamBytes.exception("InternalFailure", "boom")),
                EventStreamBytes.LAST_CHUNK));
        String inUse = "{\"__type\":\"ResourceInUseException\",\"message\":\"Another active subscription exists\"}";
        server.respond("HTTP/1.1 400 Bad Request\r\nContent-Type: application/x-amz-json-1.1\r\nContent-Length: "
                + inUse.length() + "\r\n\r\n" + inUse);
        server.respond(stream(event(1, 1, "101"), shardEnd(), EventStreamBytes.LAST_CHUNK));
        FanOutReader reader = reader(Long.MAX_VALUE);

        reader.subscribe();
        reader.run(meter, (data, verdict, receivedNanos) -> received.add(RecordPayload.sequence(data)));

        assertEquals(List.of(0L, 1L), received);
        assertEquals(List.of(LATEST, after("100"), after("100")), server.requestBodies());
        assertEquals(Map.of("InternalFailure", 1L, "ResourceInUseException", 1L),
                meter.report(1).errors().failedRequestsByType());
        SubscriptionCounters.Report report = counters.report();
        assertEquals(1, report.streamFailures());
        assertEquals(1, report.subscribeFailures());
        assertEquals(2, report.opened());
        assertVerified(2);
    }

    @Test
    void subscriptionOlderThanTheLimitIsEndedByTheClientAndRenewedOnANewConnection() {
        // With a limit of 0, the reader closes every subscription itself after its first event.
        server.respond(stream(event(0, 1, "100")));
        server.respond(stream(event(1, 1, "101")));
        server.respond(stream(shardEnd(), EventStreamBytes.LAST_CHUNK));
        FanOutReader reader = reader(0);

        reader.subscribe();
        reader.run(meter, (data, verdict, receivedNanos) -> received.add(RecordPayload.sequence(data)));

        assertEquals(List.of(0L, 1L), received);
        assertEquals(List.of(LATEST, after("100"), after("101")), server.requestBodies());
        assertEquals(3, server.connectionsAccepted());
        assertEquals(2, counters.report().endedByClient());
        assertVerified(2);
    }

    @Test
    void subscriptionThatEndsBeforeAnyEventIsRenewedFromTrimHorizon() {
        server.respond(stream(EventStreamBytes.LAST_CHUNK));
        server.respond(stream(event(0, 1, "100"), shardEnd(), EventStreamBytes.LAST_CHUNK));
        FanOutReader reader = reader(Long.MAX_VALUE);

        reader.subscribe();
        reader.run(meter, (data, verdict, receivedNanos) -> received.add(RecordPayload.sequence(data)));

        assertEquals(List.of(LATEST, "{\"ConsumerARN\":\"" + CONSUMER + "\",\"ShardId\":\"" + SHARD
                + "\",\"StartingPosition\":{\"Type\":\"TRIM_HORIZON\"}}"), server.requestBodies());
        assertVerified(1);
    }

    @Test
    void stopEndsARunWaitingOnAQuietSubscription() throws InterruptedException {
        server.respondInParts(List.of(stream(), EventStreamBytes.LAST_CHUNK));
        FanOutReader reader = reader(Long.MAX_VALUE);
        reader.subscribe();
        Thread thread = new Thread(() -> reader.run(meter, (data, verdict, receivedNanos) -> { }));
        thread.start();
        Thread.sleep(200);

        reader.stop();
        thread.join(5_000);
        server.releaseNextPart();

        assertFalse(thread.isAlive());
        assertEquals(Map.of(), meter.report(1).errors().failedRequestsByType());
        assertEquals(1, counters.report().opened());
    }

    private FanOutReader reader(long maxSubscriptionNanos) {
        KinesisClient client = new KinesisClient(ClientSettings.of("http://127.0.0.1:" + server.port(), "us-east-1",
                "AKID", "SECRET", WireEncoding.JSON, 5_000, Clock.systemUTC()));
        return new FanOutReader(client, CONSUMER, SHARD, ledger.shardLog(SHARD), counters, maxSubscriptionNanos);
    }

    private void assertVerified(long records) {
        DeliveryLedger.Verification verification = ledger.verify();
        assertTrue(verification.passed(), verification.problems().toString());
        assertEquals(records, verification.verified());
    }

    private static String after(String sequenceNumber) {
        return "{\"ConsumerARN\":\"" + CONSUMER + "\",\"ShardId\":\"" + SHARD
                + "\",\"StartingPosition\":{\"Type\":\"AFTER_SEQUENCE_NUMBER\",\"SequenceNumber\":\"" + sequenceNumber + "\"}}";
    }

    /** A response head and initial-response, then the given chunks. */
    private static byte[] stream(byte[]... chunks) {
        return concat(EventStreamBytes.head(), chunk(EventStreamBytes.initialResponse()), concat(chunks));
    }

    /**
     * A chunk holding an event with {@code count} records of producer 0 from {@code first} on, at
     * sequence numbers 100 + their sequence, acknowledged in the ledger as written.
     */
    private byte[] event(long first, int count, String continuation) {
        StringBuilder records = new StringBuilder();
        for (long sequence = first; sequence < first + count; sequence++) {
            byte[] data = new byte[64];
            RecordPayload.write(data, 0, sequence, System.nanoTime());
            String sequenceNumber = Long.toString(100 + sequence);
            ledger.acknowledge(0, sequence, SHARD, sequenceNumber);
            records.append(records.length() == 0 ? "" : ",").append("{\"SequenceNumber\":\"").append(sequenceNumber)
                    .append("\",\"Data\":\"").append(Base64.getEncoder().encodeToString(data))
                    .append("\",\"PartitionKey\":\"p0-").append(sequence).append("\"}");
        }
        return chunk(EventStreamBytes.event("SubscribeToShardEvent", "{\"Records\":[" + records
                + "],\"ContinuationSequenceNumber\":\"" + continuation + "\",\"MillisBehindLatest\":0}"));
    }

    /** The last event of a closed shard: no records, no continuation. */
    private static byte[] shardEnd() {
        return chunk(EventStreamBytes.event("SubscribeToShardEvent",
                "{\"Records\":[],\"MillisBehindLatest\":0,\"ChildShards\":[]}"));
    }
}
