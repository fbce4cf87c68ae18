package io.tributary.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpConnectionTest {

    private final ScriptedHttpServer server = new ScriptedHttpServer();

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void contentLengthBodyIsReadAndTheConnectionKeptForTheNextRequest() throws IOException {
        server.respond("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello");
        server.respond("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi");
        HttpConnection connection = new HttpConnection("127.0.0.1", server.port(), 5_000);

        assertEquals(200, exchange(connection, "one"));
        assertEquals("hello", body(connection));
        assertEquals(200, exchange(connection, "two"));
        assertEquals("hi", body(connection));
        connection.close();

        assertEquals(1, server.connectionsAccepted());
        assertEquals(List.of("one", "two"), server.requestBodies());
    }

    @Test
    void chunkedBodyIsReassembled() throws IOException {
        server.respond("HTTP/1.1 400 Bad Request\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "4\r\n{\"a\"\r\n3;ext=1\r\n:1}\r\n0\r\n\r\n");
        HttpConnection connection = new HttpConnection("127.0.0.1", server.port(), 5_000);

        assertEquals(400, exchange(connection, "x"));
        assertEquals("{\"a\":1}", body(connection));
        connection.close();
    }

    @Test
    void connectionClosedByTheServerAfterAResponseIsReopenedForTheNext() throws IOException {
        server.respond("HTTP/1.1 200 OK\r\nContent-Length: 1\r\nConnection: close\r\n\r\na");
        server.respond("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nb");
        HttpConnection connection = new HttpConnection("127.0.0.1", server.port(), 5_000);

        exchange(connection, "one");
        exchange(connection, "two");
        connection.close();

        assertEquals("b", body(connection));
        assertEquals(2, server.connectionsAccepted());
    }

    @Test
    void idleConnectionDroppedByTheServerIsRetriedOnceOnAFreshOne() throws IOException {
        server.respond("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\na");
        server.dropNextRequest();
        server.respond("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nb");
        HttpConnection connection = new HttpConnection("127.0.0.1", server.port(), 5_000);

        exchange(connection, "one");
        assertEquals(200, exchange(connection, "two"));
        connection.close();

        assertEquals("b", body(connection));
        assertEquals(List.of("one", "two", "two"), server.requestBodies());
    }

    @Test
    void freshConnectionDroppedBeforeAnAnswerFailsWithoutARetry() {
        server.dropNextRequest();
        HttpConnection connection = new HttpConnection("127.0.0.1", server.port(), 5_000);

        assertThrows(IOException.class, () -> exchange(connection, "one"));
        connection.close();

        assertEquals(List.of("one"), server.requestBodies());
    }

    @Test
    void clientSendsASignedKinesisRequestAndSurfacesTheErrorType() {
        String error = "{\"__type\":\"ResourceInUseException\",\"message\":\"Stream s already exists\"}";
        server.respond("HTTP/1.1 400 Bad Request\r\nContent-Type: application/x-amz-json-1.1\r\nContent-Length: "
                + error.length() + "\r\n\r\n" + error);
        ClientSettings settings = ClientSettings.of("http://127.0.0.1:" + server.port(), "us-east-1", "AKID", "SECRET",
                WireEncoding.JSON, 5_000, Clock.fixed(Instant.parse("2024-01-02T03:04:05Z"), ZoneOffset.UTC));
        KinesisClient client = new KinesisClient(settings);

        RequestFailedException e = assertThrows(RequestFailedException.class, () -> client.createStream("s", 2));
        client.close();

        assertEquals("ResourceInUseException", e.errorType());
        assertEquals(400, e.httpStatus());
        String head = server.requestHeads().get(0);
        assertTrue(head.startsWith("POST / HTTP/1.1\r\n"), head);
        assertTrue(head.contains("\r\nHost: 127.0.0.1:" + server.port() + "\r\n"), head);
        assertTrue(head.contains("\r\nX-Amz-Target: Kinesis_20131202.CreateStream\r\n"), head);
        assertTrue(head.contains("\r\nContent-Type: application/x-amz-json-1.1\r\n"), head);
        assertTrue(head.contains("\r\nX-Amz-Date: 20240102T030405Z\r\n"), head);
        assertTrue(head.contains("\r\nAuthorization: AWS4-HMAC-SHA256 Credential=AKID/20240102/us-east-1/kinesis/aws4_request, "
                + "SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature="), head);
        assertEquals("{\"StreamName\":\"s\",\"ShardCount\":2}", server.requestBodies().get(0));
    }

    private static int exchange(HttpConnection connection, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        byte[] head = ("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: " + bytes.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        return connection.exchange(head, head.length, bytes, bytes.length);
    }

    private static String body(HttpConnection connection) {
        return new String(connection.body(), 0, connection.bodyLength(), StandardCharsets.UTF_8);
    }
}
