package io.tributary.cli.bench;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.util.Arrays;

/**
 * One persistent HTTP/1.1 connection that sends a request and blocks for its response.
 *
 * <p>A benchmark worker owns exactly one, so C producers hold C keep-alive connections and the
 * number of requests in flight is exactly the number of workers: no pool, no hidden queue, and
 * little client CPU taken from the server under test. It understands what Kinesis endpoints
 * answer with: a status line, headers, and a body framed by {@code Content-Length} or chunked
 * transfer encoding; {@code Connection: close} is honoured by reconnecting on the next request.
 *
 * <p>A connection that was idle may have been closed by the server (Node's HTTP server drops idle
 * keep-alive sockets after five seconds); when a reused connection fails before any byte of the
 * response arrived, the request is sent once more on a fresh connection, as HTTP clients do.
 *
 * <p>Confined to one thread. The response body lives in a buffer that the next exchange reuses.
 */
final class HttpConnection implements Closeable {

    private static final int READ_BUFFER_BYTES = 64 * 1024;

    private final String host;
    private final int port;
    private final int timeoutMillis;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private boolean reused;
    private final byte[] readBuffer = new byte[READ_BUFFER_BYTES];
    private int readPosition;
    private int readLimit;
    private byte[] body = new byte[READ_BUFFER_BYTES];
    private int bodyLength;
    private boolean closeAfterResponse;

    HttpConnection(String host, int port, int timeoutMillis) {
        this.host = host;
        this.port = port;
        this.timeoutMillis = timeoutMillis;
    }

    /**
     * Sends {@code head} (request line and headers, ending in a blank line) then {@code body}, and
     * reads the response.
     *
     * @return the HTTP status; the body is then in {@link #body()} up to {@link #bodyLength()}
     */
    int exchange(byte[] head, int headLength, byte[] requestBody, int requestBodyLength) throws IOException {
        boolean wasReused = socket != null && reused;
        try {
            return send(head, headLength, requestBody, requestBodyLength);
        } catch (StaleConnectionException e) {
            close();
            if (!wasReused) {
                throw e;
            }
            try {
                return send(head, headLength, requestBody, requestBodyLength);
            } catch (IOException | RuntimeException retryFailure) {
                close();
                throw retryFailure;
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    byte[] body() {
        return body;
    }

    int bodyLength() {
        return bodyLength;
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // Closing a socket we are abandoning: nothing to do.
            }
        }
        socket = null;
        reused = false;
    }

    private int send(byte[] head, int headLength, byte[] requestBody, int requestBodyLength) throws IOException {
        if (socket == null) {
            open();
        }
        try {
            out.write(head, 0, headLength);
            out.write(requestBody, 0, requestBodyLength);
            out.flush();
            if (readPosition == readLimit && !fill()) {
                throw new StaleConnectionException(null);
            }
        } catch (SocketException e) {
            throw new StaleConnectionException(e);
        }
        int status = readResponse();
        reused = true;
        if (closeAfterResponse) {
            close();
        }
        return status;
    }

    private void open() throws IOException {
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.setSoTimeout(timeoutMillis);
        s.connect(new InetSocketAddress(host, port), timeoutMillis);
        socket = s;
        in = s.getInputStream();
        out = new BufferedOutputStream(s.getOutputStream(), READ_BUFFER_BYTES);
        readPosition = 0;
        readLimit = 0;
        reused = false;
    }

    /** Reads one response whose first bytes are already in the read buffer. */
    private int readResponse() throws IOException {
        String statusLine = readLine();
        if (!statusLine.startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP/1.x response: " + abbreviate(statusLine));
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long contentLength = -1L;
        boolean chunked = false;
        closeAfterResponse = statusLine.startsWith("HTTP/1.0");
        for (String line = readLine(); !line.isEmpty(); line = readLine()) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                contentLength = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                chunked = value.toLowerCase().contains("chunked");
            } else if (name.equalsIgnoreCase("Connection")) {
                closeAfterResponse = value.equalsIgnoreCase("close");
            }
        }
        bodyLength = 0;
        if (chunked) {
            readChunkedBody();
        } else if (contentLength >= 0) {
            readBody(Math.toIntExact(contentLength));
        } else {
            readUntilEof();
            closeAfterResponse = true;
        }
        return status;
    }

    private void readChunkedBody() throws IOException {
        while (true) {
            String sizeLine = readLine();
            int semicolon = sizeLine.indexOf(';');
            int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
            if (size == 0) {
                while (!readLine().isEmpty()) {
                    // Trailers are not used by any Kinesis endpoint; skip them.
                }
                return;
            }
            readBody(size);
            readLine();
        }
    }

    /** Appends exactly {@code length} bytes to the body. */
    private void readBody(int length) throws IOException {
        ensureBodyCapacity(length);
        int remaining = length;
        while (remaining > 0) {
            if (readPosition == readLimit && !fill()) {
                throw new EOFException("connection closed inside a response body");
            }
            int n = Math.min(remaining, readLimit - readPosition);
            System.arraycopy(readBuffer, readPosition, body, bodyLength, n);
            readPosition += n;
            bodyLength += n;
            remaining -= n;
        }
    }

    private void readUntilEof() throws IOException {
        while (readPosition < readLimit || fill()) {
            int n = readLimit - readPosition;
            ensureBodyCapacity(n);
            System.arraycopy(readBuffer, readPosition, body, bodyLength, n);
            bodyLength += n;
            readPosition = readLimit;
        }
    }

    private void ensureBodyCapacity(int extra) {
        if (bodyLength + extra > body.length) {
            body = Arrays.copyOf(body, Math.max(body.length * 2, bodyLength + extra));
        }
    }

    /** Reads a CRLF- (or LF-) terminated line of ASCII, without the terminator. */
    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder(64);
        while (true) {
            if (readPosition == readLimit && !fill()) {
                throw new EOFException("connection closed inside a response head");
            }
            byte b = readBuffer[readPosition++];
            if (b == '\n') {
                int end = line.length();
                if (end > 0 && line.charAt(end - 1) == '\r') {
                    line.setLength(end - 1);
                }
                return line.toString();
            }
            line.append((char) (b & 0xff));
            if (line.length() > 16 * 1024) {
                throw new IOException("response header line longer than 16 KiB");
            }
        }
    }

    /** Reads more bytes into an empty buffer; false at end of stream. */
    private boolean fill() throws IOException {
        int n = in.read(readBuffer, 0, readBuffer.length);
        if (n <= 0) {
            return false;
        }
        readPosition = 0;
        readLimit = n;
        return true;
    }

    private static String abbreviate(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }

    /** The server closed a keep-alive connection before sending any byte of a response. */
    private static final class StaleConnectionException extends IOException {
        StaleConnectionException(SocketException cause) {
            super("connection closed by the server before it answered", cause);
        }
    }
}
