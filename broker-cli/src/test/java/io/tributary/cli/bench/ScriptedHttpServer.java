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
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP/1.1 server for tests that answers each request with the next scripted raw
 * response, or drops the connection when told to, and records what it received. It serves one
 * connection at a time, which is all a single {@link HttpConnection} needs.
 *
 * <p>Thread-safe: the script and the records are guarded by this; the server runs on its own thread.
 */
final class ScriptedHttpServer implements AutoCloseable {

    private static final String DROP = "";

    private final ServerSocket socket;
    private final Deque<String> script = new ArrayDeque<>();
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
        script.add(rawResponse);
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
                    String response;
                    synchronized (this) {
                        heads.add(head);
                        bodies.add(body);
                        response = script.poll();
                    }
                    if (response == null || response.equals(DROP)) {
                        break;
                    }
                    out.write(response.getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            } catch (IOException e) {
                // Closed by the test, or the client went away: accept the next connection, if any.
            }
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
