package io.tributary.cli.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.Closeable;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A minimal Kinesis client over one {@link HttpConnection}: the operations the benchmarks use,
 * each sent as the AWS SDKs send it ({@code POST /}, {@code X-Amz-Target:
 * Kinesis_20131202.<Operation>}, the encoding's content type, a SigV4 {@code Authorization}
 * signing content-type, host, x-amz-date and x-amz-target).
 *
 * <p>Bodies are written with Jackson's streaming generator into a reused buffer and responses are
 * decoded by {@link KinesisResponses}; nothing on the request path builds a tree. Every failure
 * surfaces as a {@link RequestFailedException}: a server error carries its {@code __type}, a
 * transport failure the exception's name.
 *
 * <p>Confined to one thread, like the connection it owns, except {@link #abort()}.
 */
final class KinesisClient implements Closeable {

    private static final String TARGET_PREFIX = "Kinesis_20131202.";
    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** Writes one request body's fields inside its top-level object. */
    private interface BodyWriter {
        void write(JsonGenerator g) throws IOException;
    }

    private final ClientSettings settings;
    private final HttpConnection connection;
    private final SigV4Signer signer;
    private final GrowableBytes body = new GrowableBytes(64 * 1024);
    private final GrowableBytes head = new GrowableBytes(1024);
    private long amzDateSecond = Long.MIN_VALUE;
    private String amzDate = "";

    KinesisClient(ClientSettings settings) {
        this.settings = settings;
        this.connection = new HttpConnection(settings.host(), settings.port(), settings.timeoutMillis());
        this.signer = new SigV4Signer(settings.accessKey(), settings.secretKey(), settings.region(), "kinesis");
    }

    void createStream(String stream, int shardCount) {
        call("CreateStream", g -> {
            g.writeStringField("StreamName", stream);
            g.writeNumberField("ShardCount", shardCount);
        });
    }

    void deleteStream(String stream) {
        call("DeleteStream", g -> {
            g.writeStringField("StreamName", stream);
            g.writeBooleanField("EnforceConsumerDeletion", true);
        });
    }

    /** One page of DescribeStream, starting after {@code exclusiveStartShardId} when not null. */
    KinesisResponses.StreamPage describeStream(String stream, String exclusiveStartShardId) {
        JsonParser p = call("DescribeStream", g -> {
            g.writeStringField("StreamName", stream);
            if (exclusiveStartShardId != null) {
                g.writeStringField("ExclusiveStartShardId", exclusiveStartShardId);
            }
        });
        return decode(p, KinesisResponses::describeStream);
    }

    /** @param startingSequenceNumber for AT_ and AFTER_SEQUENCE_NUMBER; null otherwise */
    String getShardIterator(String stream, String shardId, String iteratorType, String startingSequenceNumber) {
        JsonParser p = call("GetShardIterator", g -> {
            g.writeStringField("StreamName", stream);
            g.writeStringField("ShardId", shardId);
            g.writeStringField("ShardIteratorType", iteratorType);
            if (startingSequenceNumber != null) {
                g.writeStringField("StartingSequenceNumber", startingSequenceNumber);
            }
        });
        return decode(p, KinesisResponses::shardIterator);
    }

    /** Reads up to {@code limit} records into {@code sink}; returns the next iterator or null. */
    String getRecords(String shardIterator, int limit, KinesisResponses.RecordSink sink) {
        JsonParser p = call("GetRecords", g -> {
            g.writeStringField("ShardIterator", shardIterator);
            g.writeNumberField("Limit", limit);
        });
        byte[] source = connection.body();
        int sourceLength = connection.bodyLength();
        return decode(p, parser -> KinesisResponses.getRecords(parser, source, sourceLength, sink));
    }

    void putRecords(String stream, RecordBatch batch, PutRecordsOutcome outcome) {
        JsonParser p = call("PutRecords", g -> {
            g.writeFieldName("Records");
            g.writeStartArray();
            for (int i = 0; i < batch.size(); i++) {
                g.writeStartObject();
                g.writeFieldName("Data");
                byte[] data = batch.data(i);
                g.writeBinary(data, 0, data.length);
                g.writeStringField("PartitionKey", batch.partitionKey(i));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeStringField("StreamName", stream);
        });
        decode(p, parser -> {
            KinesisResponses.putRecords(parser, outcome);
            return outcome;
        });
    }

    KinesisResponses.PutResult putRecord(String stream, String partitionKey, byte[] data) {
        JsonParser p = call("PutRecord", g -> {
            g.writeStringField("StreamName", stream);
            g.writeFieldName("Data");
            g.writeBinary(data, 0, data.length);
            g.writeStringField("PartitionKey", partitionKey);
        });
        return decode(p, KinesisResponses::putRecord);
    }

    /** Registers an enhanced fan-out consumer of the stream; it starts CREATING. */
    KinesisResponses.ConsumerDescription registerStreamConsumer(String streamArn, String consumerName) {
        JsonParser p = call("RegisterStreamConsumer", g -> {
            g.writeStringField("StreamARN", streamArn);
            g.writeStringField("ConsumerName", consumerName);
        });
        return decode(p, KinesisResponses::consumer);
    }

    KinesisResponses.ConsumerDescription describeStreamConsumer(String consumerArn) {
        JsonParser p = call("DescribeStreamConsumer", g -> g.writeStringField("ConsumerARN", consumerArn));
        return decode(p, KinesisResponses::consumer);
    }

    void deregisterStreamConsumer(String consumerArn) {
        decode(call("DeregisterStreamConsumer", g -> g.writeStringField("ConsumerARN", consumerArn)), p -> null);
    }

    /**
     * Subscribes the consumer to the shard and reads the stream's {@code initial-response}. The
     * subscription's events then arrive on the returned stream, which holds this client's
     * connection until it ends or is closed: the client sends nothing else meanwhile.
     *
     * @param startingSequenceNumber for AT_ and AFTER_SEQUENCE_NUMBER; null otherwise
     */
    SubscriptionStream subscribeToShard(String consumerArn, String shardId, String startingPositionType,
            String startingSequenceNumber) {
        int status = send("SubscribeToShard", g -> {
            g.writeStringField("ConsumerARN", consumerArn);
            g.writeStringField("ShardId", shardId);
            g.writeFieldName("StartingPosition");
            g.writeStartObject();
            g.writeStringField("Type", startingPositionType);
            if (startingSequenceNumber != null) {
                g.writeStringField("SequenceNumber", startingSequenceNumber);
            }
            g.writeEndObject();
        }, true);
        if (status / 100 != 2) {
            try {
                throw failure(settings.encoding().factory().createParser(connection.body(), 0,
                        connection.bodyLength()), status);
            } catch (IOException e) {
                throw new RequestFailedException("UndecodableResponse", status, e.getMessage(), e);
            }
        }
        SubscriptionStream stream = new SubscriptionStream(connection.streamedBody(), settings.encoding().factory());
        String contentType = connection.contentType();
        if (contentType == null || !contentType.startsWith(SubscriptionStream.CONTENT_TYPE)) {
            stream.close();
            throw new RequestFailedException("NotAnEventStream", status,
                    "SubscribeToShard answered with Content-Type " + contentType, null);
        }
        try {
            stream.readInitialResponse();
        } catch (RuntimeException e) {
            stream.close();
            throw e;
        }
        return stream;
    }

    /**
     * Closes the connection at once, failing a read blocked on it: how another thread stops this
     * client's reader. The one method of this client that any thread may call.
     */
    void abort() {
        connection.abort();
    }

    @Override
    public void close() {
        connection.close();
    }

    private interface Decoder<T> {
        T decode(JsonParser p) throws IOException;
    }

    private <T> T decode(JsonParser p, Decoder<T> decoder) {
        try (p) {
            return decoder.decode(p);
        } catch (IOException e) {
            throw new RequestFailedException("UndecodableResponse", 200, e.getMessage(), e);
        }
    }

    /** Sends one operation and returns a parser over its 2xx body; throws on anything else. */
    private JsonParser call(String operation, BodyWriter writer) {
        int status = send(operation, writer, false);
        JsonParser p;
        try {
            p = settings.encoding().factory().createParser(connection.body(), 0, connection.bodyLength());
        } catch (IOException e) {
            throw new RequestFailedException("UndecodableResponse", status, e.getMessage(), e);
        }
        if (status / 100 != 2) {
            throw failure(p, status);
        }
        return p;
    }

    /**
     * Writes the operation's body and head and sends them, returning the status. With
     * {@code streaming}, a 2xx body is left unread in the connection ({@link HttpConnection#openStream}).
     */
    private int send(String operation, BodyWriter writer, boolean streaming) {
        WireEncoding encoding = settings.encoding();
        try {
            body.reset();
            try (JsonGenerator g = encoding.factory().createGenerator(body)) {
                g.writeStartObject();
                writer.write(g);
                g.writeEndObject();
            }
            writeHead(operation, encoding);
            return streaming
                    ? connection.openStream(head.array(), head.size(), body.array(), body.size())
                    : connection.exchange(head.array(), head.size(), body.array(), body.size());
        } catch (IOException e) {
            throw new RequestFailedException(e.getClass().getSimpleName(), 0, e.getMessage(), e);
        }
    }

    /** The failure an error answer stands for: its {@code __type}, or {@code HTTP<status>} without one. */
    private static RequestFailedException failure(JsonParser errorBody, int status) {
        KinesisResponses.ErrorBody error;
        try (errorBody) {
            error = KinesisResponses.error(errorBody);
        } catch (IOException e) {
            error = new KinesisResponses.ErrorBody(null, null);
        }
        String type = error.type() != null ? error.type() : "HTTP" + status;
        return new RequestFailedException(type, status, error.message(), null);
    }

    private void writeHead(String operation, WireEncoding encoding) {
        SortedMap<String, String> signed = new TreeMap<>();
        signed.put("content-type", encoding.contentType());
        signed.put("host", settings.hostHeader());
        signed.put("x-amz-date", amzDate());
        signed.put("x-amz-target", TARGET_PREFIX + operation);
        String authorization = signer.authorization("POST", "/", signed, body.array(), 0, body.size());
        head.reset();
        head.writeAscii("POST / HTTP/1.1\r\nHost: " + settings.hostHeader()
                + "\r\nContent-Type: " + encoding.contentType()
                + "\r\nX-Amz-Target: " + TARGET_PREFIX + operation
                + "\r\nX-Amz-Date: " + signed.get("x-amz-date")
                + "\r\nAuthorization: " + authorization
                + "\r\nUser-Agent: tributary-bench"
                + "\r\nContent-Length: " + body.size()
                + "\r\n\r\n");
    }

    private String amzDate() {
        Instant now = settings.clock().instant();
        long second = now.getEpochSecond();
        if (second != amzDateSecond) {
            amzDate = AMZ_DATE.format(now);
            amzDateSecond = second;
        }
        return amzDate;
    }
}
