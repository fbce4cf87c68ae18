package io.tributary.cli.bench;

import static io.tributary.cli.bench.EventStreamBytes.chunk;
import static io.tributary.cli.bench.EventStreamBytes.concat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link KinesisClient#subscribeToShard} and the {@link SubscriptionStream} it returns, against a scripted server. */
class SubscribeToShardClientTest {

    private static final String CONSUMER = "arn:aws:kinesis:us-east-1:000000000000:stream/s/consumer/c:1";

    private final ScriptedHttpServer server = new ScriptedHttpServer();
    private final KinesisClient client = new KinesisClient(ClientSettings.of("http://127.0.0.1:" + server.port(),
            "us-east-1", "AKID", "SECRET", WireEncoding.JSON, 5_000,
            Clock.fixed(Instant.parse("2024-01-02T03:04:05Z"), ZoneOffset.UTC)));

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void subscriptionSendsItsStartingPositionAndReadsEventsUntilTheServerEndsTheStream() {
        server.respond(concat(EventStreamBytes.head(), chunk(EventStreamBytes.initialResponse()),
                chunk(event("{\"Records\":[{\"SequenceNumber\":\"7\",\"ApproximateArrivalTimestamp\":1.7E9,"
                        + "\"Data\":\"aGk=\",\"PartitionKey\":\"k\"}],\"ContinuationSequenceNumber\":\"7\","
                        + "\"MillisBehindLatest\":3}")),
                chunk(event("{\"Records\":[],\"ContinuationSequenceNumber\":\"7\",\"MillisBehindLatest\":0}")),
                EventStreamBytes.LAST_CHUNK));
        server.respond("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}");
        List<String> records = new ArrayList<>();

        SubscriptionStream stream = client.subscribeToShard(CONSUMER, "shardId-000000000001", "AFTER_SEQUENCE_NUMBER", "5");
        KinesisResponses.SubscriptionEvent first = stream.next((data, sequenceNumber) ->
                records.add(sequenceNumber + "=" + new String(data, StandardCharsets.UTF_8)));
        KinesisResponses.SubscriptionEvent heartbeat = stream.next((data, sequenceNumber) -> records.add("?"));
        KinesisResponses.SubscriptionEvent end = stream.next((data, sequenceNumber) -> records.add("?"));
        stream.close();
        client.deregisterStreamConsumer(CONSUMER);

        assertEquals(List.of("7=hi"), records);
        assertEquals(new KinesisResponses.SubscriptionEvent(1, "7", 3), first);
        assertEquals(new KinesisResponses.SubscriptionEvent(0, "7", 0), heartbeat);
        assertNull(end);
        String head = server.requestHeads().get(0);
        assertTrue(head.contains("\r\nX-Amz-Target: Kinesis_20131202.SubscribeToShard\r\n"), head);
        assertTrue(head.contains("\r\nContent-Type: application/x-amz-json-1.1\r\n"), head);
        assertEquals("{\"ConsumerARN\":\"" + CONSUMER + "\",\"ShardId\":\"shardId-000000000001\","
                + "\"StartingPosition\":{\"Type\":\"AFTER_SEQUENCE_NUMBER\",\"SequenceNumber\":\"5\"}}",
                server.requestBodies().get(0));
        assertEquals(1, server.connectionsAccepted());
    }

    @Test
    void latestHasNoSequenceNumber() {
        server.respond(concat(EventStreamBytes.head(), chunk(EventStreamBytes.initialResponse()),
                EventStreamBytes.LAST_CHUNK));

        client.subscribeToShard(CONSUMER, "shardId-000000000000", "LATEST", null).close();

        assertEquals("{\"ConsumerARN\":\"" + CONSUMER + "\",\"ShardId\":\"shardId-000000000000\","
                + "\"StartingPosition\":{\"Type\":\"LATEST\"}}", server.requestBodies().get(0));
    }

    @Test
    void exceptionMessageFailsTheStreamWithItsExceptionType() {
        server.respond(concat(EventStreamBytes.head(), chunk(EventStreamBytes.initialResponse()),
                chunk(EventStreamBytes.exception("ResourceNotFoundException", "Consumer c not found.")),
                EventStreamBytes.LAST_CHUNK));
        SubscriptionStream stream = client.subscribeToShard(CONSUMER, "shardId-000000000000", "LATEST", null);

        RequestFailedException e = assertThrows(RequestFailedException.class,
                () -> stream.next((data, sequenceNumber) -> { }));

        assertEquals("ResourceNotFoundException", e.errorType());
        assertTrue(e.getMessage().endsWith("Consumer c not found."), e.getMessage());
    }

    @Test
    void errorAnswerFailsTheSubscribeCallWithItsType() {
        String error = "{\"__type\":\"ResourceInUseException\",\"message\":\"Another active subscription exists\"}";
        server.respond("HTTP/1.1 400 Bad Request\r\nContent-Type: application/x-amz-json-1.1\r\nContent-Length: "
                + error.length() + "\r\n\r\n" + error);

        RequestFailedException e = assertThrows(RequestFailedException.class,
                () -> client.subscribeToShard(CONSUMER, "shardId-000000000000", "LATEST", null));

        assertEquals("ResourceInUseException", e.errorType());
        assertEquals(400, e.httpStatus());
    }

    @Test
    void answerThatIsNotAnEventStreamFails() {
        server.respond("HTTP/1.1 200 OK\r\nContent-Type: application/x-amz-json-1.1\r\nContent-Length: 2\r\n\r\n{}");

        RequestFailedException e = assertThrows(RequestFailedException.class,
                () -> client.subscribeToShard(CONSUMER, "shardId-000000000000", "LATEST", null));

        assertEquals("NotAnEventStream", e.errorType());
    }

    @Test
    void streamThatDoesNotBeginWithTheInitialResponseFails() {
        server.respond(concat(EventStreamBytes.head(),
                chunk(event("{\"Records\":[],\"ContinuationSequenceNumber\":\"7\",\"MillisBehindLatest\":0}")),
                EventStreamBytes.LAST_CHUNK));

        RequestFailedException e = assertThrows(RequestFailedException.class,
                () -> client.subscribeToShard(CONSUMER, "shardId-000000000000", "LATEST", null));

        assertEquals("UnexpectedEvent", e.errorType());
    }

    @Test
    void corruptMessageFailsWithTheFormatError() {
        byte[] event = event("{\"Records\":[],\"ContinuationSequenceNumber\":\"7\",\"MillisBehindLatest\":0}");
        event[event.length - 5] ^= 1;
        server.respond(concat(EventStreamBytes.head(), chunk(EventStreamBytes.initialResponse()), chunk(event),
                EventStreamBytes.LAST_CHUNK));
        SubscriptionStream stream = client.subscribeToShard(CONSUMER, "shardId-000000000000", "LATEST", null);

        RequestFailedException e = assertThrows(RequestFailedException.class,
                () -> stream.next((data, sequenceNumber) -> { }));

        assertEquals("EventStreamFormatException", e.errorType());
    }

    private static byte[] event(String payload) {
        return EventStreamBytes.event("SubscribeToShardEvent", payload);
    }
}
