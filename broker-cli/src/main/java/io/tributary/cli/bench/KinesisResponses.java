package io.tributary.cli.bench;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Streaming decoders for the Kinesis responses the benchmarks read, in JSON or CBOR alike.
 *
 * <p>Fields are read token by token, never into a tree; unknown fields are skipped, so extra
 * fields some servers add (EncryptionType, ChildShards, ApproximateArrivalTimestamp) cost only a
 * skip. Stateless.
 */
final class KinesisResponses {

    /** Receives each record of a GetRecords response, in response order. */
    interface RecordSink {
        void accept(byte[] data, String sequenceNumber);
    }

    /** A page of DescribeStream: the ARN, the status, the shards still open, and whether more follow. */
    record StreamPage(String streamArn, String status, List<String> openShardIds, String lastShardId,
            boolean hasMoreShards) {
    }

    /** An enhanced fan-out consumer as RegisterStreamConsumer and DescribeStreamConsumer describe it. */
    record ConsumerDescription(String consumerArn, String status) {
    }

    /**
     * What a {@code SubscribeToShardEvent} said besides its records.
     *
     * @param continuationSequenceNumber where a new subscription picks up (AFTER_SEQUENCE_NUMBER);
     *     null in the last event of a closed shard
     */
    record SubscriptionEvent(int records, String continuationSequenceNumber, long millisBehindLatest) {
    }

    /** The shard and sequence number one PutRecord call stored its record at. */
    record PutResult(String shardId, String sequenceNumber) {
    }

    /** An error body: its {@code __type} (namespace and URL suffix removed) and message. */
    record ErrorBody(String type, String message) {
    }

    private KinesisResponses() {
    }

    static void putRecords(JsonParser p, PutRecordsOutcome outcome) throws IOException {
        outcome.reset();
        startObject(p);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            if (field.equals("FailedRecordCount")) {
                outcome.failedRecordCount(p.getValueAsInt());
            } else if (field.equals("Records") && p.currentToken() == JsonToken.START_ARRAY) {
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    putRecordsEntry(p, outcome);
                }
            } else {
                p.skipChildren();
            }
        }
    }

    static PutResult putRecord(JsonParser p) throws IOException {
        String shardId = null;
        String sequenceNumber = null;
        startObject(p);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "ShardId" -> shardId = text(p);
                case "SequenceNumber" -> sequenceNumber = text(p);
                default -> p.skipChildren();
            }
        }
        return new PutResult(shardId, sequenceNumber);
    }

    /**
     * Passes every record to {@code sink} and returns the {@code NextShardIterator}, or null when
     * the response has none (the shard is closed and fully read).
     */
    static String getRecords(JsonParser p, RecordSink sink) throws IOException {
        return getRecords(p, null, 0, sink);
    }

    /**
     * As {@link #getRecords(JsonParser, RecordSink)}, where {@code p} parses the first {@code
     * sourceLength} bytes of {@code source} (null if unknown): JSON blobs are then decoded straight
     * from there.
     */
    static String getRecords(JsonParser p, byte[] source, int sourceLength, RecordSink sink)
            throws IOException {
        String next = null;
        startObject(p);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            if (field.equals("NextShardIterator")) {
                next = text(p);
            } else if (field.equals("Records") && p.currentToken() == JsonToken.START_ARRAY) {
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    record(p, source, sourceLength, sink);
                }
            } else {
                p.skipChildren();
            }
        }
        return next;
    }

    static String shardIterator(JsonParser p) throws IOException {
        String iterator = null;
        startObject(p);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            if (field.equals("ShardIterator")) {
                iterator = text(p);
            } else {
                p.skipChildren();
            }
        }
        return iterator;
    }

    static StreamPage describeStream(JsonParser p) throws IOException {
        String streamArn = null;
        String status = null;
        List<String> open = new ArrayList<>();
        String last = null;
        boolean hasMore = false;
        startObject(p);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            if (!field.equals("StreamDescription")) {
                p.skipChildren();
                continue;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String inner = p.currentName();
                p.nextToken();
                switch (inner) {
                    case "StreamARN" -> streamArn = text(p);
                    case "StreamStatus" -> status = text(p);
                    case "HasMoreShards" -> hasMore = p.currentToken() == JsonToken.VALUE_TRUE;
                    case "Shards" -> {
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            String[] shard = shard(p);
                            last = shard[0];
                            if (shard[1] == null) {
                                open.add(shard[0]);
                            }
                        }
                    }
                    default -> p.skipChildren();
                }
            }
        }
        return new StreamPage(streamArn, status, open, last, hasMore);
    }

    /**
     * The consumer of a RegisterStreamConsumer ({@code Consumer}) or DescribeStreamConsumer
     * ({@code ConsumerDescription}) response.
     */
    static ConsumerDescription consumer(JsonParser p) throws IOException {
        String arn = null;
        String status = null;
        startObject(p);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            if (!(field.equals("Consumer") || field.equals("ConsumerDescription"))
                    || p.currentToken() != JsonToken.START_OBJECT) {
                p.skipChildren();
                continue;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String inner = p.currentName();
                p.nextToken();
                switch (inner) {
                    case "ConsumerARN" -> arn = text(p);
                    case "ConsumerStatus" -> status = text(p);
                    default -> p.skipChildren();
                }
            }
        }
        return new ConsumerDescription(arn, status);
    }

    /**
     * Passes every record of a {@code SubscribeToShardEvent} payload to {@code sink}, in order, and
     * returns the rest of the event. Records have the shape GetRecords gives them.
     */
    static SubscriptionEvent subscribeToShardEvent(JsonParser p, RecordSink sink) throws IOException {
        int records = 0;
        String continuation = null;
        long millisBehindLatest = 0;
        startObject(p);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "Records" -> {
                    if (p.currentToken() != JsonToken.START_ARRAY) {
                        p.skipChildren();
                        break;
                    }
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        record(p, null, 0, sink);
                        records++;
                    }
                }
                case "ContinuationSequenceNumber" -> continuation = text(p);
                case "MillisBehindLatest" -> millisBehindLatest = p.getValueAsLong();
                default -> p.skipChildren();
            }
        }
        return new SubscriptionEvent(records, continuation, millisBehindLatest);
    }

    /** Decodes an error body; a body that is not an object yields a null type. */
    static ErrorBody error(JsonParser p) throws IOException {
        String type = null;
        String message = null;
        if (p.nextToken() != JsonToken.START_OBJECT) {
            return new ErrorBody(null, null);
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "__type" -> type = text(p);
                case "message", "Message" -> message = text(p);
                default -> p.skipChildren();
            }
        }
        return new ErrorBody(shortType(type), message);
    }

    /** {@code com.amazonaws.kinesis#Foo:http://...} and {@code Foo} both become {@code Foo}. */
    static String shortType(String type) {
        if (type == null) {
            return null;
        }
        String name = type.substring(type.indexOf('#') + 1);
        int colon = name.indexOf(':');
        return colon < 0 ? name : name.substring(0, colon);
    }

    private static void putRecordsEntry(JsonParser p, PutRecordsOutcome outcome) throws IOException {
        String shardId = null;
        String sequenceNumber = null;
        String errorCode = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "ShardId" -> shardId = text(p);
                case "SequenceNumber" -> sequenceNumber = text(p);
                case "ErrorCode" -> errorCode = text(p);
                default -> p.skipChildren();
            }
        }
        outcome.add(shardId, sequenceNumber, errorCode);
    }

    private static void record(JsonParser p, byte[] source, int sourceLength, RecordSink sink) throws IOException {
        byte[] data = null;
        String sequenceNumber = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "Data" -> data = blob(p, source, sourceLength);
                case "SequenceNumber" -> sequenceNumber = text(p);
                default -> p.skipChildren();
            }
        }
        sink.accept(data == null ? new byte[0] : data, sequenceNumber);
    }

    /**
     * The current blob's bytes. A JSON string that lies in {@code source} as plain padded base64
     * (no escapes, a multiple of four characters) is decoded there by the JDK's decoder, which
     * refuses everything Jackson's would and is several times faster; anything else, and every CBOR
     * byte string, is left to the parser.
     */
    private static byte[] blob(JsonParser p, byte[] source, int sourceLength) throws IOException {
        if (source == null || p.currentToken() != JsonToken.VALUE_STRING) {
            return p.getBinaryValue();
        }
        long quote = p.currentTokenLocation().getByteOffset();
        if (quote < 0 || quote >= sourceLength || source[(int) quote] != '"') {
            return p.getBinaryValue();
        }
        int start = (int) quote + 1;
        int end = start;
        while (end < sourceLength && source[end] != '"' && source[end] != '\\') {
            end++;
        }
        if (end == sourceLength || source[end] != '"' || (end - start) % 4 != 0) {
            return p.getBinaryValue();
        }
        try {
            ByteBuffer decoded = Base64.getDecoder().decode(ByteBuffer.wrap(source, start, end - start));
            return decoded.remaining() == decoded.capacity() && decoded.arrayOffset() == 0
                    ? decoded.array()
                    : Arrays.copyOfRange(decoded.array(), decoded.arrayOffset() + decoded.position(),
                            decoded.arrayOffset() + decoded.limit());
        } catch (IllegalArgumentException e) {
            return p.getBinaryValue();
        }
    }

    /** Returns {ShardId, EndingSequenceNumber or null}. */
    private static String[] shard(JsonParser p) throws IOException {
        String[] shard = new String[2];
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            if (field.equals("ShardId")) {
                shard[0] = text(p);
            } else if (field.equals("SequenceNumberRange") && p.currentToken() == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String range = p.currentName();
                    p.nextToken();
                    if (range.equals("EndingSequenceNumber")) {
                        shard[1] = text(p);
                    } else {
                        p.skipChildren();
                    }
                }
            } else {
                p.skipChildren();
            }
        }
        return shard;
    }

    private static void startObject(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw new IOException("response body is not an object");
        }
    }

    private static String text(JsonParser p) throws IOException {
        return p.currentToken() == JsonToken.VALUE_NULL ? null : p.getValueAsString();
    }
}
