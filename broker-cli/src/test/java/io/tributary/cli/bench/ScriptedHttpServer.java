package io.tributary.cli.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP/1.1 server for tests that answers each request with the next scripted raw
 * response, or drops the connection when told to, and records what it received. It serves one
 * connection at a time, which is all a single {@link HttpConnection} needs.
 *
 * <p>A response may be scripted in parts: the first is written at once and each later one only
 * after the test {@linkplain #releaseNextPart() releases} it, so a test can check what a client
 * makes of a body that has only partly arrived. A response may also close the connection after
 * it is written.
 *
 * <p>Thread-safe: the script and the records are guarded by this; the server runs on its own thread.
 */
final class ScriptedHttpServer implements AutoCloseable {

    /** One scripted answer: its parts in order (none to drop the connection unanswered), and whether to close after them. */
    private record Answer(List<byte[]> parts, boolean close) {
    }

    private static final Answer DROP = new Answer(List.of(), true);

    private final ServerSocket socket;
    private final Deque<Answer> script = new ArrayDeque<>();
    private final Semaphore releasedParts = new Semaphore(0);
    private final List<String> heads = new ArrayList<>();
    private final List<String> bodies = new ArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final Thread thread;

    ScriptedHttpServer() {
        try {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        thread = new Thread(this::serve, "scripted-http-server");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    synchronized void respond(String rawResponse) {
        respond(rawResponse.getBytes(StandardCharsets.UTF_8));
    }

    synchronized void respond(byte[] rawResponse) {
        script.add(new Answer(List.of(rawResponse), false));
    }

    /** Answers the next request with these bytes, then closes the connection. */
    synchronized void respondAndClose(byte[] rawResponse) {
        script.add(new Answer(List.of(rawResponse), true));
    }

    /** Answers the next request with the first part at once and each later part once released. */
    synchronized void respondInParts(List<byte[]> parts) {
        script.add(new Answer(List.copyOf(parts), false));
    }

    /** Lets the next held-back part of a {@link #respondInParts} answer go out. */
    void releaseNextPart() {
        releasedParts.release();
    }

    /** Closes the connection after reading the next request, without answering it. */
    synchronized void dropNextRequest() {
        script.add(DROP);
    }

    int connectionsAccepted() {
        return connections.get();
    }

    synchronized List<String> requestHeads() {
        return List.copyOf(heads);
    }

    synchronized List<String> requestBodies() {
        return List.copyOf(bodies);
    }

    @Override
    public void close() {
        try {
            socket.close();
            thread.join(5_000);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket connection = socket.accept()) {
                connections.incrementAndGet();
                connection.setSoTimeout(5_000);
                InputStream in = connection.getInputStream();
                OutputStream out = connection.getOutputStream();
                while (true) {
                    String head = readHead(in);
                    if (head == null) {
                        break;
                    }
                    String body = readBody(in, contentLength(head));
                    Answer answer;
                    synchronized (this) {
                        heads.add(head);
                        bodies.add(body);
                        answer = script.poll();
                    }
                    if (answer == null || answer == DROP) {
                        break;
                    }
                    write(answer, out);
                    if (answer.close()) {
                        break;
                    }
                }
            } catch (IOException e) {
                // Closed by the test, or the client went away: accept the next connection, if any.
            }
        }
    }

    private void write(Answer answer, OutputStream out) throws IOException {
        for (int i = 0; i < answer.parts().size(); i++) {
            if (i > 0) {
                try {
                    if (!releasedParts.tryAcquire(10, TimeUnit.SECONDS)) {
                        throw new IOException("part " + i + " was never released");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
            }
            out.write(answer.parts().get(i));
            out.flush();
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int last4 = 0;
        while (last4 != 0x0d0a0d0a) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            last4 = (last4 << 8) | b;
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                return Integer.parseInt(line.substring(15).trim());
            }
        }
        return 0;
    }

    private static String readBody(InputStream in, int length) throws IOException {
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
