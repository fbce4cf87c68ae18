package io.tributary.cli.bench;

/**
 * The records of one PutRecords request: a fixed number of slots, each a data array of the
 * record size and a partition key, refilled in place before every request.
 *
 * <p>Confined to the producer that owns it.
 */
final class RecordBatch {

    private final byte[][] data;
    private final String[] partitionKeys;
    private int size;

    RecordBatch(int capacity, int recordBytes) {
        this.data = new byte[capacity][recordBytes];
        this.partitionKeys = new String[capacity];
    }

    int capacity() {
        return data.length;
    }

    int size() {
        return size;
    }

    void clear() {
        size = 0;
    }

    /** Claims the next slot; the caller fills {@link #data(int)} and sets its partition key. */
    int add(String partitionKey) {
        partitionKeys[size] = partitionKey;
        return size++;
    }

    /** Exchanges two slots, data and partition key. */
    void swap(int a, int b) {
        byte[] data = this.data[a];
        this.data[a] = this.data[b];
        this.data[b] = data;
        String key = partitionKeys[a];
        partitionKeys[a] = partitionKeys[b];
        partitionKeys[b] = key;
    }

    /** Keeps only the first {@code newSize} records. */
    void truncate(int newSize) {
        if (newSize < 0 || newSize > size) {
            throw new IllegalArgumentException("cannot truncate " + size + " records to " + newSize);
        }
        size = newSize;
    }

    byte[] data(int index) {
        return data[index];
    }

    String partitionKey(int index) {
        return partitionKeys[index];
    }

    /** Total data bytes of the records in the batch (partition keys excluded). */
    long dataBytes() {
        long total = 0;
        for (int i = 0; i < size; i++) {
            total += data[i].length;
        }
        return total;
    }
}
