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
 * <p>A response can also be streamed ({@link #openStream}): its head is read, and a 2xx body is
 * left to be read as it arrives through {@link #streamedBody()}, which undoes the chunked
 * transfer coding. SubscribeToShard answers this way over HTTP/1.1, with an event stream that
 * lasts minutes; once the streamed body has been read to its end the connection takes the next
 * request, and if it is closed before its end the connection is closed with it.
 *
 * <p>Confined to one thread, except {@link #abort()}. The response body lives in a buffer that the
 * next exchange reuses.
 */
final class HttpConnection implements Closeable {

    private static final int READ_BUFFER_BYTES = 64 * 1024;

    /** How a response body ends. */
    private enum Framing { CONTENT_LENGTH, CHUNKED, UNTIL_EOF }

    private final String host;
    private final int port;
    private final int timeoutMillis;
    /** Volatile only so that {@link #abort()} sees it from another thread. */
    private volatile Socket socket;
    private InputStream in;
    private OutputStream out;
    private boolean reused;
    private final byte[] readBuffer = new byte[READ_BUFFER_BYTES];
    private int readPosition;
    private int readLimit;
    private byte[] body = new byte[READ_BUFFER_BYTES];
    private int bodyLength;
    private boolean closeAfterResponse;
    private String contentType;
    /** How the body of the response whose head was just read is framed, and its length if it has one. */
    private Framing framing;
    private long contentLength;
    private BodyStream streamedBody;

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
        return transmit(head, headLength, requestBody, requestBodyLength, false);
    }

    /**
     * Sends a request as {@link #exchange} does but reads only the head of a 2xx response: its body
     * is then read as it arrives through {@link #streamedBody()}. Any other response is read whole
     * into {@link #body()}, as {@link #exchange} reads it.
     *
     * @return the HTTP status
     */
    int openStream(byte[] head, int headLength, byte[] requestBody, int requestBodyLength) throws IOException {
        return transmit(head, headLength, requestBody, requestBodyLength, true);
    }

    /**
     * The body of the 2xx response {@link #openStream} just read the head of, with the transfer
     * coding removed. Until it has returned end of stream or been closed, the connection takes no
     * other request.
     */
    InputStream streamedBody() {
        if (streamedBody == null) {
            throw new IllegalStateException("no streamed response body is open");
        }
        return streamedBody;
    }

    /** The {@code Content-Type} of the last response, or null if it had none. */
    String contentType() {
        return contentType;
    }

    /**
     * Closes the socket, so that a read blocked on it fails at once. The one method any thread may
     * call: it is how another thread stops a worker waiting on a streamed body.
     */
    void abort() {
        Socket s = socket;
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // Abandoning the connection: nothing to do.
            }
        }
    }

    private int transmit(byte[] head, int headLength, byte[] requestBody, int requestBodyLength, boolean streaming)
            throws IOException {
        if (streamedBody != null) {
            throw new IllegalStateException("a streamed response body is still open on this connection");
        }
        boolean wasReused = socket != null && reused;
        try {
            return send(head, headLength, requestBody, requestBodyLength, streaming);
        } catch (StaleConnectionException e) {
            close();
            if (!wasReused) {
                throw e;
            }
            try {
                return send(head, headLength, requestBody, requestBodyLength, streaming);
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
        abort();
        socket = null;
        reused = false;
        streamedBody = null;
    }

    private int send(byte[] head, int headLength, byte[] requestBody, int requestBodyLength, boolean streaming)
            throws IOException {
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
        int status = readHead();
        reused = true;
        if (streaming && status / 100 == 2) {
            streamedBody = new BodyStream(framing, contentLength);
            return status;
        }
        readBody();
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

    /** Reads the status line and headers of a response whose first bytes are already in the read buffer. */
    private int readHead() throws IOException {
        String statusLine = readLine();
        if (!statusLine.startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP/1.x response: " + abbreviate(statusLine));
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        contentLength = -1L;
        boolean chunked = false;
        contentType = null;
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
            } else if (name.equalsIgnoreCase("Content-Type")) {
                contentType = value;
            }
        }
        framing = chunked ? Framing.CHUNKED : contentLength >= 0 ? Framing.CONTENT_LENGTH : Framing.UNTIL_EOF;
        if (framing == Framing.UNTIL_EOF) {
            closeAfterResponse = true;
        }
        return status;
    }

    /** Reads the whole body of the response whose head {@link #readHead()} just read. */
    private void readBody() throws IOException {
        bodyLength = 0;
        switch (framing) {
            case CHUNKED -> readChunkedBody();
            case CONTENT_LENGTH -> readBody(Math.toIntExact(contentLength));
            case UNTIL_EOF -> readUntilEof();
        }
    }

    private void readChunkedBody() throws IOException {
        while (true) {
            int size = readChunkSize();
            if (size == 0) {
                skipTrailers();
                return;
            }
            readBody(size);
            readLine();
        }
    }

    /** Reads a chunk-size line, extensions ignored. */
    private int readChunkSize() throws IOException {
        String sizeLine = readLine();
        int semicolon = sizeLine.indexOf(';');
        try {
            return Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
        } catch (NumberFormatException e) {
            throw new IOException("bad chunk-size line: " + abbreviate(sizeLine), e);
        }
    }

    private void skipTrailers() throws IOException {
        while (!readLine().isEmpty()) {
            // Trailers are not used by any Kinesis endpoint; skip them.
        }
    }

    /** Appends exactly {@code length} bytes to the body. */
    private void readBody(int length) throws IOException {
        ensureBodyCapacity(length);
        int remaining = length;
        while (remaining > 0) {
            if (readPosition == readLimit) {
                if (remaining >= readBuffer.length) {
                    // A long rest goes straight from the socket into the body, not via the read buffer.
                    int n = in.read(body, bodyLength, remaining);
                    if (n <= 0) {
                        throw new EOFException("connection closed inside a response body");
                    }
                    bodyLength += n;
                    remaining -= n;
                    continue;
                }
                if (!fill()) {
                    throw new EOFException("connection closed inside a response body");
                }
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

    /**
     * A response body read as it arrives, straight from the connection's read buffer: chunk sizes,
     * chunk delimiters and trailers are consumed here and never reach the reader. At the end of
     * the body the connection is free for the next request (or closed, if the response said so);
     * closing the stream before its end closes the connection, whose remaining bytes are unread.
     */
    private final class BodyStream extends InputStream {
        private final Framing framing;
        /** Bytes left in the current chunk, or in a Content-Length body. */
        private long remaining;
        private boolean inChunk;
        private boolean finished;

        BodyStream(Framing framing, long contentLength) {
            this.framing = framing;
            this.remaining = framing == Framing.CONTENT_LENGTH ? contentLength : 0;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            if (finished) {
                return -1;
            }
            if (length == 0) {
                return 0;
            }
            if (remaining == 0 && framing != Framing.UNTIL_EOF && !nextChunk()) {
                finish();
                return -1;
            }
            if (readPosition == readLimit && !fill()) {
                if (framing == Framing.UNTIL_EOF) {
                    finish();
                    return -1;
                }
                throw new EOFException("connection closed inside a response body");
            }
            int n = readLimit - readPosition;
            if (framing != Framing.UNTIL_EOF) {
                n = (int) Math.min(n, remaining);
            }
            n = Math.min(n, length);
            System.arraycopy(readBuffer, readPosition, target, offset, n);
            readPosition += n;
            remaining -= n;
            return n;
        }

        @Override
        public int available() {
            int buffered = readLimit - readPosition;
            return finished ? 0 : framing == Framing.UNTIL_EOF ? buffered : (int) Math.min(buffered, remaining);
        }

        /** Ends the body; before its end, that means abandoning the connection. */
        @Override
        public void close() {
            if (!finished) {
                finished = true;
                HttpConnection.this.close();
            }
        }

        /** Moves to the next chunk with data; false at the end of the body. */
        private boolean nextChunk() throws IOException {
            if (framing == Framing.CONTENT_LENGTH) {
                return false;
            }
            if (inChunk) {
                if (!readLine().isEmpty()) {
                    throw new IOException("chunk data not followed by CRLF");
                }
            }
            int size = readChunkSize();
            if (size == 0) {
                skipTrailers();
                return false;
            }
            inChunk = true;
            remaining = size;
            return true;
        }

        private void finish() {
            finished = true;
            streamedBody = null;
            if (closeAfterResponse) {
                HttpConnection.this.close();
            }
        }
    }

    /** The server closed a keep-alive connection before sending any byte of a response. */
    private static final class StaleConnectionException extends IOException {
        StaleConnectionException(SocketException cause) {
            super("connection closed by the server before it answered", cause);
        }
    }
}
