package io.tributary.cli.bench;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;

/**
 * The data of every record the benchmarks write: self-describing, so a reader can tell which
 * producer wrote it, its place in that producer's sequence, when it was sent, and whether any byte
 * changed on the way.
 *
 * <p>Layout, big-endian, {@code length} bytes in all (at least {@value #MIN_BYTES}):
 * <pre>
 *   0  int   magic 0x54524231 ("TRB1")
 *   4  int   producer id
 *   8  long  sequence within the producer, from 0
 *  16  long  send time, System.nanoTime() of the writing JVM (only comparable inside it)
 *  24  int   length of the whole record
 *  28  ...   filler: xorshift64* bytes seeded from (producer id, sequence)
 *  L-4 int   CRC32C of bytes [0, L-4)
 * </pre>
 * The filler is a pure function of the producer and sequence, so a reader regenerates the exact
 * bytes that were sent and compares all of them, and the data does not compress to nothing.
 *
 * <p>Stateless.
 */
final class RecordPayload {

    static final int MAGIC = 0x54524231;
    static final int MIN_BYTES = 32;
    private static final int FILLER_OFFSET = 28;
    private static final VarHandle LONG_BIG_ENDIAN =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    /** The outcome of checking one record's data. */
    enum Verdict {
        OK, TOO_SHORT, BAD_MAGIC, LENGTH_MISMATCH, CHECKSUM_MISMATCH, CONTENT_MISMATCH
    }

    private RecordPayload() {
    }

    /** Fills all of {@code data} with the record for (producer, sequence) sent at {@code sentNanos}. */
    static void write(byte[] data, int producerId, long sequence, long sentNanos) {
        if (data.length < MIN_BYTES) {
            throw new IllegalArgumentException("a record needs at least " + MIN_BYTES + " bytes, got " + data.length);
        }
        ByteBuffer buffer = ByteBuffer.wrap(data);
        buffer.putInt(0, MAGIC);
        buffer.putInt(4, producerId);
        buffer.putLong(8, sequence);
        buffer.putLong(16, sentNanos);
        buffer.putInt(24, data.length);
        fill(data, producerId, sequence);
        buffer.putInt(data.length - 4, checksum(data));
    }

    /** Checks magic, length, checksum and every filler byte. */
    static Verdict check(byte[] data) {
        if (data.length < MIN_BYTES) {
            return Verdict.TOO_SHORT;
        }
        ByteBuffer buffer = ByteBuffer.wrap(data);
        if (buffer.getInt(0) != MAGIC) {
            return Verdict.BAD_MAGIC;
        }
        if (buffer.getInt(24) != data.length) {
            return Verdict.LENGTH_MISMATCH;
        }
        if (buffer.getInt(data.length - 4) != checksum(data)) {
            return Verdict.CHECKSUM_MISMATCH;
        }
        long state = seed(producerId(data), sequence(data));
        int end = data.length - 4;
        int i = FILLER_OFFSET;
        // Whole words compared eight bytes at a time: the filler is each word big-endian.
        for (; i + 8 <= end; i += 8) {
            state = next(state);
            if ((long) LONG_BIG_ENDIAN.get(data, i) != state * 0x2545F4914F6CDD1DL) {
                return Verdict.CONTENT_MISMATCH;
            }
        }
        if (i < end) {
            state = next(state);
            long word = state * 0x2545F4914F6CDD1DL;
            for (int b = 0; i + b < end; b++) {
                if (data[i + b] != (byte) (word >>> (56 - 8 * b))) {
                    return Verdict.CONTENT_MISMATCH;
                }
            }
        }
        return Verdict.OK;
    }

    static int producerId(byte[] data) {
        return ByteBuffer.wrap(data).getInt(4);
    }

    static long sequence(byte[] data) {
        return ByteBuffer.wrap(data).getLong(8);
    }

    static long sentNanos(byte[] data) {
        return ByteBuffer.wrap(data).getLong(16);
    }

    private static void fill(byte[] data, int producerId, long sequence) {
        long state = seed(producerId, sequence);
        int end = data.length - 4;
        int i = FILLER_OFFSET;
        for (; i + 8 <= end; i += 8) {
            state = next(state);
            LONG_BIG_ENDIAN.set(data, i, state * 0x2545F4914F6CDD1DL);
        }
        if (i < end) {
            state = next(state);
            long word = state * 0x2545F4914F6CDD1DL;
            for (int b = 0; i + b < end; b++) {
                data[i + b] = (byte) (word >>> (56 - 8 * b));
            }
        }
    }

    private static long seed(int producerId, long sequence) {
        // SplitMix64 finaliser over both inputs; never zero, which xorshift cannot leave.
        long z = (((long) producerId) << 40) ^ sequence ^ 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return z == 0 ? 0x9E3779B97F4A7C15L : z;
    }

    private static long next(long x) {
        x ^= x >>> 12;
        x ^= x << 25;
        x ^= x >>> 27;
        return x;
    }

    private static int checksum(byte[] data) {
        CRC32C crc = new CRC32C();
        crc.update(data, 0, data.length - 4);
        return (int) crc.getValue();
    }
}
