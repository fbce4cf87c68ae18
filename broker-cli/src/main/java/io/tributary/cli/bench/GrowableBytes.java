package io.tributary.cli.bench;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * A reusable output buffer that request bodies and heads are written into, so a worker encodes
 * every request into the same array instead of allocating one per request.
 *
 * <p>Confined to one thread.
 */
final class GrowableBytes extends OutputStream {

    private byte[] bytes;
    private int size;

    GrowableBytes(int initialCapacity) {
        this.bytes = new byte[initialCapacity];
    }

    void reset() {
        size = 0;
    }

    /** The backing array; bytes {@code [0, size())} are valid until the next write or reset. */
    byte[] array() {
        return bytes;
    }

    int size() {
        return size;
    }

    @Override
    public void write(int b) {
        ensure(1);
        bytes[size++] = (byte) b;
    }

    @Override
    public void write(byte[] source, int offset, int length) {
        ensure(length);
        System.arraycopy(source, offset, bytes, size, length);
        size += length;
    }

    /** Appends the low byte of each char: callers pass ASCII only (HTTP heads). */
    void writeAscii(String text) {
        int length = text.length();
        ensure(length);
        for (int i = 0; i < length; i++) {
            bytes[size++] = (byte) text.charAt(i);
        }
    }

    private void ensure(int extra) {
        if (size + extra > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + extra));
        }
    }
}
