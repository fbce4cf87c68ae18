package io.tributary.cli.bench;

import static io.tributary.cli.bench.EventStreamBytes.ascii;
import static io.tributary.cli.bench.EventStreamBytes.chunk;
import static io.tributary.cli.bench.EventStreamBytes.concat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link HttpConnection#openStream}: bodies read as they arrive, against a scripted loopback server. */
class HttpConnectionStreamingTest {

    private static final byte[] INITIAL = EventStreamBytes.initialResponse();
    private static final byte[] EVENT = EventStreamBytes.event("SubscribeToShardEvent",
            "{\"Records\":[],\"ContinuationSequenceNumber\":\"1\",\"MillisBehindLatest\":0}");

    private final ScriptedHttpServer server = new ScriptedHttpServer();
    private final HttpConnection connection = new HttpConnection("127.0.0.1", server.port(), 5_000);

    @AfterEach
    void stop() {
        connection.close();
        server.close();
    }

    @Test
    void firstMessageIsReadBeforeTheServerSendsTheRestAndTheConnectionServesTheNextRequestAfterTheLastChunk()
            throws IOException {
        server.respondInParts(List.of(concat(EventStreamBytes.head(), chunk(INITIAL)),
                concat(chunk(EVENT), EventStreamBytes.LAST_CHUNK)));
        server.respond("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");

        assertEquals(200, openStream("subscribe"));
        assertEquals("application/vnd.amazon.eventstream", connection.contentType());
        EventStreamDecoder decoder = new EventStreamDecoder(connection.streamedBody());
        EventStreamMessage first = assertTimeoutPreemptively(Duration.ofSeconds(5), decoder::next);
        server.releaseNextPart();
        EventStreamMessage second = decoder.next();
        EventStreamMessage end = decoder.next();

        assertEquals("initial-response", first.stringHeader(EventStreamMessage.EVENT_TYPE));
        assertEquals("SubscribeToShardEvent", second.stringHeader(EventStreamMessage.EVENT_TYPE));
        assertNull(end);
        assertEquals(200, exchange("next"));
        assertEquals("ok", new String(connection.body(), 0, connection.bodyLength(), StandardCharsets.UTF_8));
        assertEquals(1, server.connectionsAccepted());
        assertEquals(List.of("subscribe", "next"), server.requestBodies());
    }

    @Test
    void messagesSplitAcrossChunksAndSharingChunksAreReassembled() throws IOException {
        byte[] messages = concat(INITIAL, EVENT, EVENT);
        int[] cuts = {5, 105, 106, INITIAL.length + 3, messages.length};
        byte[] body = EventStreamBytes.head();
        int from = 0;
        for (int cut : cuts) {
            byte[] part = Arrays.copyOfRange(messages, from, cut);
            // A chunk extension on one chunk-size line, as HTTP/1.1 allows.
            body = concat(body, from == 5 ? concat(ascii(Integer.toHexString(part.length) + ";ext=1\r\n"), part,
                    ascii("\r\n")) : chunk(part));
            from = cut;
        }
        server.respond(concat(body, ascii("0\r\nx-trailer: t\r\n\r\n")));
        server.respond("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");

        openStream("subscribe");
        EventStreamDecoder decoder = new EventStreamDecoder(connection.streamedBody());

        assertEquals("initial-response", decoder.next().stringHeader(EventStreamMessage.EVENT_TYPE));
        assertEquals(new EventStreamDecoder(new ByteArrayInputStream(EVENT)).next(), decoder.next());
        assertEquals("SubscribeToShardEvent", decoder.next().stringHeader(EventStreamMessage.EVENT_TYPE));
        assertNull(decoder.next());
        assertEquals(200, exchange("next"));
        assertEquals(1, server.connectionsAccepted());
    }

    @Test
    void connectionClosedBetweenChunksIsAnErrorNotTheEndOfTheBody() throws IOException {
        server.respondAndClose(concat(EventStreamBytes.head(), chunk(INITIAL)));

        openStream("subscribe");
        EventStreamDecoder decoder = new EventStreamDecoder(connection.streamedBody());
        decoder.next();

        assertThrows(IOException.class, decoder::next);
    }

    @Test
    void connectionClosedInsideAChunkIsAnError() throws IOException {
        byte[] partial = Arrays.copyOf(chunk(EVENT), 40);
        server.respondAndClose(concat(EventStreamBytes.head(), chunk(INITIAL), partial));

        openStream("subscribe");
        EventStreamDecoder decoder = new EventStreamDecoder(connection.streamedBody());
        decoder.next();

        IOException e = assertThrows(IOException.class, decoder::next);
        assertTrue(e.getMessage().contains("inside a response body"), e.getMessage());
    }

    @Test
    void errorAnswerToAStreamedRequestIsReadWholeAndTheConnectionKept() throws IOException {
        String error = "{\"__type\":\"ResourceInUseException\",\"message\":\"Another active subscription exists\"}";
        server.respond("HTTP/1.1 400 Bad Request\r\nContent-Type: application/x-amz-json-1.1\r\nContent-Length: "
                + error.length() + "\r\n\r\n" + error);
        server.respond("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");

        assertEquals(400, openStream("subscribe"));

        assertEquals(error, new String(connection.body(), 0, connection.bodyLength(), StandardCharsets.UTF_8));
        assertThrows(IllegalStateException.class, connection::streamedBody);
        assertEquals(200, exchange("next"));
        assertEquals(1, server.connectionsAccepted());
    }

    @Test
    void contentLengthBodyCanBeStreamedToo() throws IOException {
        server.respond(concat(ascii("HTTP/1.1 200 OK\r\nContent-Length: " + INITIAL.length + "\r\n\r\n"), INITIAL));
        server.respond("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");

        openStream("subscribe");
        InputStream body = connection.streamedBody();

        assertArrayEquals(INITIAL, body.readAllBytes());
        assertEquals(-1, body.read());
        assertEquals(200, exchange("next"));
        assertEquals(1, server.connectionsAccepted());
    }

    @Test
    void noOtherRequestIsSentWhileAStreamedBodyIsOpen() throws IOException {
        server.respond(concat(EventStreamBytes.head(), chunk(INITIAL)));

        openStream("subscribe");

        assertThrows(IllegalStateException.class, () -> exchange("next"));
    }

    @Test
    void closingAStreamedBodyBeforeItsEndClosesTheConnection() throws IOException {
        server.respond(concat(EventStreamBytes.head(), chunk(INITIAL), chunk(EVENT)));
        server.respond("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");

        openStream("subscribe");
        new EventStreamDecoder(connection.streamedBody()).next();
        connection.streamedBody().close();

        assertEquals(200, exchange("next"));
        assertEquals(2, server.connectionsAccepted());
    }

    @Test
    void abortFromAnotherThreadFailsAReadBlockedOnAQuietStream() throws Exception {
        server.respondInParts(List.of(concat(EventStreamBytes.head(), chunk(INITIAL)), EventStreamBytes.LAST_CHUNK));
        openStream("subscribe");
        EventStreamDecoder decoder = new EventStreamDecoder(connection.streamedBody());
        decoder.next();

        CompletableFuture<Throwable> blocked = CompletableFuture.supplyAsync(() -> {
            try {
                decoder.next();
                return null;
            } catch (IOException e) {
                return e;
            }
        });
        Thread.sleep(200);
        connection.abort();

        assertTrue(blocked.get(5, TimeUnit.SECONDS) instanceof IOException);
        server.releaseNextPart();
    }

    private int openStream(String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        byte[] head = ("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: " + bytes.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        return connection.openStream(head, head.length, bytes, bytes.length);
    }

    private int exchange(String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        byte[] head = ("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: " + bytes.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        return connection.exchange(head, head.length, bytes, bytes.length);
    }
}
