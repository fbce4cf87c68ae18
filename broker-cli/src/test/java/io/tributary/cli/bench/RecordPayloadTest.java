package io.tributary.cli.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

class RecordPayloadTest {

    @Test
    void writtenRecordPassesTheCheckAndCarriesItsProducerSequenceAndSendTime() {
        byte[] data = new byte[1024];

        RecordPayload.write(data, 7, 123_456_789_012L, -42L);

        assertEquals(RecordPayload.Verdict.OK, RecordPayload.check(data));
        assertEquals(7, RecordPayload.producerId(data));
        assertEquals(123_456_789_012L, RecordPayload.sequence(data));
        assertEquals(-42L, RecordPayload.sentNanos(data));
    }

    @Test
    void smallestRecordHasHeaderAndChecksumOnly() {
        byte[] data = new byte[RecordPayload.MIN_BYTES];

        RecordPayload.write(data, 1, 2, 3);

        assertEquals(RecordPayload.Verdict.OK, RecordPayload.check(data));
    }

    @Test
    void recordsOfOddLengthsFillTheirLastPartialWord() {
        for (int length = RecordPayload.MIN_BYTES; length < 80; length++) {
            byte[] data = new byte[length];
            RecordPayload.write(data, 3, length, 0);
            assertEquals(RecordPayload.Verdict.OK, RecordPayload.check(data), "length " + length);
        }
    }

    @Test
    void sameProducerAndSequenceWriteTheSameBytesAndNeighboursDoNot() {
        byte[] a = new byte[256];
        byte[] b = new byte[256];
        byte[] c = new byte[256];

        RecordPayload.write(a, 1, 10, 99);
        RecordPayload.write(b, 1, 10, 99);
        RecordPayload.write(c, 1, 11, 99);

        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(Arrays.copyOfRange(a, 28, 252), Arrays.copyOfRange(c, 28, 252)));
    }

    @Test
    void recordShorterThanTheHeaderCannotBeWritten() {
        assertThrows(IllegalArgumentException.class, () -> RecordPayload.write(new byte[31], 0, 0, 0));
    }

    @Test
    void shortDataIsTooShort() {
        assertEquals(RecordPayload.Verdict.TOO_SHORT, RecordPayload.check(new byte[10]));
    }

    @Test
    void foreignDataHasBadMagic() {
        assertEquals(RecordPayload.Verdict.BAD_MAGIC, RecordPayload.check(new byte[100]));
    }

    @Test
    void truncatedRecordIsALengthMismatch() {
        byte[] data = new byte[100];
        RecordPayload.write(data, 0, 0, 0);

        assertEquals(RecordPayload.Verdict.LENGTH_MISMATCH, RecordPayload.check(Arrays.copyOf(data, 99)));
    }

    @Test
    void flippedByteIsAChecksumMismatch() {
        byte[] data = new byte[100];
        RecordPayload.write(data, 0, 0, 0);

        data[50] ^= 1;

        assertEquals(RecordPayload.Verdict.CHECKSUM_MISMATCH, RecordPayload.check(data));
    }

    @Test
    void fillerOfAnotherRecordWithAValidChecksumIsAContentMismatch() {
        byte[] data = new byte[100];
        RecordPayload.write(data, 0, 5, 0);
        // Relabel it as sequence 6 and fix the checksum: only the filler comparison can tell.
        ByteBuffer.wrap(data).putLong(8, 6);
        CRC32C crc = new CRC32C();
        crc.update(data, 0, data.length - 4);
        ByteBuffer.wrap(data).putInt(data.length - 4, (int) crc.getValue());

        assertEquals(RecordPayload.Verdict.CONTENT_MISMATCH, RecordPayload.check(data));
    }
    @Test
    void fillerIsTheXorshiftWordsBigEndianWhateverTheLength() {
        for (int length = RecordPayload.MIN_BYTES; length <= 80; length++) {
            byte[] data = new byte[length];
            RecordPayload.write(data, 7, 1L << 33 | length, 11);

            assertArrayEquals(referenceFiller(7, 1L << 33 | length, length),
                    Arrays.copyOfRange(data, 28, length - 4), "length " + length);
        }
    }

    @Test
    void anyFillerByteChangedUnderAValidChecksumIsAContentMismatch() {
        for (int length = RecordPayload.MIN_BYTES; length <= 48; length++) {
            for (int at = 28; at < length - 4; at++) {
                byte[] data = new byte[length];
                RecordPayload.write(data, 2, 5, 0);
                data[at] ^= 0x01;
                CRC32C crc = new CRC32C();
                crc.update(data, 0, length - 4);
                ByteBuffer.wrap(data).putInt(length - 4, (int) crc.getValue());

                assertEquals(RecordPayload.Verdict.CONTENT_MISMATCH, RecordPayload.check(data),
                        "length " + length + ", byte " + at);
            }
        }
    }

    /** The filler as the class documentation defines it, computed a byte at a time. */
    private static byte[] referenceFiller(int producerId, long sequence, int length) {
        long z = (((long) producerId) << 40) ^ sequence ^ 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        long state = z == 0 ? 0x9E3779B97F4A7C15L : z;
        byte[] filler = new byte[length - 32];
        for (int i = 0; i < filler.length; i++) {
            if (i % 8 == 0) {
                state ^= state >>> 12;
                state ^= state << 25;
                state ^= state >>> 27;
            }
            filler[i] = (byte) ((state * 0x2545F4914F6CDD1DL) >>> (56 - 8 * (i % 8)));
        }
        return filler;
    }
}
