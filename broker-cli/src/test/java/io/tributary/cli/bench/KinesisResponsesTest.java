package io.tributary.cli.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KinesisResponsesTest {

    private interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    @ParameterizedTest
    @EnumSource(WireEncoding.class)
    void putRecordsResponseGivesEachRecordItsShardAndSequenceNumberOrItsErrorCode(WireEncoding encoding)
            throws IOException {
        JsonParser p = parser(encoding, g -> {
            g.writeNumberField("FailedRecordCount", 1);
            g.writeFieldName("Records");
            g.writeStartArray();
            g.writeStartObject();
            g.writeStringField("SequenceNumber", "4960");
            g.writeStringField("ShardId", "shardId-000000000001");
            g.writeEndObject();
            g.writeStartObject();
            g.writeStringField("ErrorCode", "ProvisionedThroughputExceededException");
            g.writeStringField("ErrorMessage", "Rate exceeded");
            g.writeEndObject();
            g.writeEndArray();
            g.writeStringField("EncryptionType", "NONE");
        });
        PutRecordsOutcome outcome = new PutRecordsOutcome();

        KinesisResponses.putRecords(p, outcome);

        assertEquals(2, outcome.size());
        assertEquals(1, outcome.failedRecordCount());
        assertEquals(1, outcome.failedEntries());
        assertTrue(outcome.succeeded(0));
        assertEquals("shardId-000000000001", outcome.shardId(0));
        assertEquals("4960", outcome.sequenceNumber(0));
        assertFalse(outcome.succeeded(1));
        assertEquals("ProvisionedThroughputExceededException", outcome.errorCode(1));
    }

    @ParameterizedTest
    @EnumSource(WireEncoding.class)
    void getRecordsResponseHandsEveryRecordsBytesToTheSinkAndReturnsTheNextIterator(WireEncoding encoding)
            throws IOException {
        byte[] first = {0, 1, 2, (byte) 0xff};
        byte[] second = new byte[300];
        RecordPayload.write(second, 1, 2, 3);
        JsonParser p = parser(encoding, g -> {
            g.writeFieldName("Records");
            g.writeStartArray();
            for (byte[] data : List.of(first, second)) {
                g.writeStartObject();
                g.writeStringField("SequenceNumber", "seq-" + data.length);
                g.writeNumberField("ApproximateArrivalTimestamp", 1.7e9);
                g.writeFieldName("Data");
                g.writeBinary(data);
                g.writeStringField("PartitionKey", "k");
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeStringField("NextShardIterator", "next");
            g.writeNumberField("MillisBehindLatest", 0);
        });
        List<byte[]> data = new ArrayList<>();
        List<String> sequenceNumbers = new ArrayList<>();

        String next = KinesisResponses.getRecords(p, (bytes, sequenceNumber) -> {
            data.add(bytes);
            sequenceNumbers.add(sequenceNumber);
        });

        assertEquals("next", next);
        assertArrayEquals(first, data.get(0));
        assertArrayEquals(second, data.get(1));
        assertEquals(List.of("seq-4", "seq-300"), sequenceNumbers);
    }

    @Test
    void jsonBlobsDecodedFromTheSourceBytesEqualWhatTheParserDecodes() throws IOException {
        List<String> bodies = new ArrayList<>();
        StringBuilder records = new StringBuilder();
        for (int length = 0; length <= 40; length++) {
            byte[] data = new byte[length];
            for (int i = 0; i < length; i++) {
                data[i] = (byte) (i * 37 + length);
            }
            records.append(records.length() == 0 ? "" : ",")
                    .append("{\"SequenceNumber\":\"").append(length).append("\",\"Data\":\"")
                    .append(java.util.Base64.getEncoder().encodeToString(data)).append("\"}");
        }
        bodies.add("{\"Records\":[" + records + "],\"NextShardIterator\":\"n\"}");
        // An escaped solidus, text without padding, and a character outside base64: the parser's say.
        bodies.add("{\"Records\":[{\"Data\":\"AP\\/w\",\"SequenceNumber\":\"1\"}]}");
        bodies.add("{\"Records\":[{\"Data\":\"AP8\",\"SequenceNumber\":\"1\"}]}");
        bodies.add("{\"Records\":[{\"Data\":\"AP*w\",\"SequenceNumber\":\"1\"}]}");
        bodies.add("{ \"Records\" : [ { \"Data\" : \"AP/w\" , \"SequenceNumber\" : \"1\" } ] }");

        for (String body : bodies) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            byte[] source = Arrays.copyOf(bytes, bytes.length + 16);
            Arrays.fill(source, bytes.length, source.length, (byte) 'A');

            assertEquals(jsonRecords(bytes, null), jsonRecords(source, bytes.length), body);
        }
    }

    /** The records' data (hex) and sequence numbers, or the failure, parsing the first bytes of {@code source}. */
    private static List<String> jsonRecords(byte[] source, Integer sourceLength) {
        List<String> seen = new ArrayList<>();
        int length = sourceLength == null ? source.length : sourceLength;
        try (JsonParser p = WireEncoding.JSON.factory().createParser(source, 0, length)) {
            KinesisResponses.RecordSink sink = (bytes, sequenceNumber) ->
                    seen.add(java.util.HexFormat.of().formatHex(bytes) + "@" + sequenceNumber);
            if (sourceLength == null) {
                KinesisResponses.getRecords(p, sink);
            } else {
                KinesisResponses.getRecords(p, source, sourceLength, sink);
            }
        } catch (IOException e) {
            seen.add("failed: " + e.getClass().getSimpleName());
        }
        return seen;
    }

    @ParameterizedTest
    @EnumSource(WireEncoding.class)
    void getRecordsOfAClosedShardHasNoNextIterator(WireEncoding encoding) throws IOException {
        JsonParser p = parser(encoding, g -> {
            g.writeFieldName("Records");
            g.writeStartArray();
            g.writeEndArray();
            g.writeNullField("NextShardIterator");
        });

        assertNull(KinesisResponses.getRecords(p, (bytes, sequenceNumber) -> { }));
    }

    @ParameterizedTest
    @EnumSource(WireEncoding.class)
    void describeStreamListsOnlyShardsWithoutAnEndingSequenceNumber(WireEncoding encoding) throws IOException {
        JsonParser p = parser(encoding, g -> {
            g.writeFieldName("StreamDescription");
            g.writeStartObject();
            g.writeStringField("StreamARN", "arn:aws:kinesis:us-east-1:000000000000:stream/s");
            g.writeStringField("StreamStatus", "ACTIVE");
            g.writeFieldName("Shards");
            g.writeStartArray();
            shard(g, "shardId-000000000000", "123");
            shard(g, "shardId-000000000001", null);
            g.writeEndArray();
            g.writeBooleanField("HasMoreShards", true);
            g.writeEndObject();
        });

        KinesisResponses.StreamPage page = KinesisResponses.describeStream(p);

        assertEquals("arn:aws:kinesis:us-east-1:000000000000:stream/s", page.streamArn());
        assertEquals("ACTIVE", page.status());
        assertEquals(List.of("shardId-000000000001"), page.openShardIds());
        assertEquals("shardId-000000000001", page.lastShardId());
        assertTrue(page.hasMoreShards());
    }

    @ParameterizedTest
    @EnumSource(WireEncoding.class)
    void registerStreamConsumerGivesTheConsumerArnAndStatus(WireEncoding encoding) throws IOException {
        JsonParser p = parser(encoding, g -> {
            g.writeFieldName("Consumer");
            g.writeStartObject();
            g.writeStringField("ConsumerName", "c");
            g.writeStringField("ConsumerARN", "arn:aws:kinesis:us-east-1:000000000000:stream/s/consumer/c:1");
            g.writeStringField("ConsumerStatus", "CREATING");
            g.writeNumberField("ConsumerCreationTimestamp", 1.7e9);
            g.writeEndObject();
        });

        assertEquals(new KinesisResponses.ConsumerDescription(
                "arn:aws:kinesis:us-east-1:000000000000:stream/s/consumer/c:1", "CREATING"), KinesisResponses.consumer(p));
    }

    @ParameterizedTest
    @EnumSource(WireEncoding.class)
    void describeStreamConsumerGivesTheConsumerArnAndStatus(WireEncoding encoding) throws IOException {
        JsonParser p = parser(encoding, g -> {
            g.writeFieldName("ConsumerDescription");
            g.writeStartObject();
            g.writeStringField("ConsumerARN", "arn:c");
            g.writeStringField("ConsumerStatus", "ACTIVE");
            g.writeStringField("StreamARN", "arn:s");
            g.writeEndObject();
        });

        assertEquals(new KinesisResponses.ConsumerDescription("arn:c", "ACTIVE"), KinesisResponses.consumer(p));
    }

    @ParameterizedTest
    @EnumSource(WireEncoding.class)
    void subscribeToShardEventGivesItsRecordsInOrderAndItsContinuation(WireEncoding encoding) throws IOException {
        JsonParser p = parser(encoding, g -> {
            g.writeFieldName("Records");
            g.writeStartArray();
            for (int i = 0; i < 2; i++) {
                g.writeStartObject();
                g.writeStringField("SequenceNumber", "49" + i);
                g.writeNumberField("ApproximateArrivalTimestamp", 1.7e9);
                g.writeFieldName("Data");
                g.writeBinary(new byte[] {(byte) i, 42});
                g.writeStringField("PartitionKey", "k" + i);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeStringField("ContinuationSequenceNumber", "491");
            g.writeNumberField("MillisBehindLatest", 1234);
        });
        List<String> read = new ArrayList<>();

        KinesisResponses.SubscriptionEvent event = KinesisResponses.subscribeToShardEvent(p,
                (data, sequenceNumber) -> read.add(sequenceNumber + ":" + data[0] + "," + data[1]));

        assertEquals(List.of("490:0,42", "491:1,42"), read);
        assertEquals(new KinesisResponses.SubscriptionEvent(2, "491", 1234), event);
    }

    @ParameterizedTest
    @EnumSource(WireEncoding.class)
    void lastEventOfAClosedShardHasNoContinuation(WireEncoding encoding) throws IOException {
        JsonParser p = parser(encoding, g -> {
            g.writeFieldName("Records");
            g.writeStartArray();
            g.writeEndArray();
            g.writeNumberField("MillisBehindLatest", 0);
            g.writeFieldName("ChildShards");
            g.writeStartArray();
            g.writeStartObject();
            g.writeStringField("ShardId", "shardId-000000000002");
            g.writeEndObject();
            g.writeEndArray();
        });

        assertEquals(new KinesisResponses.SubscriptionEvent(0, null, 0),
                KinesisResponses.subscribeToShardEvent(p, (data, sequenceNumber) -> { }));
    }

    @ParameterizedTest
    @EnumSource(WireEncoding.class)
    void errorBodyGivesItsShortTypeAndMessage(WireEncoding encoding) throws IOException {
        JsonParser p = parser(encoding, g -> {
            g.writeStringField("__type", "com.amazonaws.kinesis.v20131202#ResourceNotFoundException");
            g.writeStringField("message", "Stream s not found");
        });

        assertEquals(new KinesisResponses.ErrorBody("ResourceNotFoundException", "Stream s not found"),
                KinesisResponses.error(p));
    }

    @ParameterizedTest
    @EnumSource(WireEncoding.class)
    void unknownFieldsAreSkippedWhateverTheirShape(WireEncoding encoding) throws IOException {
        JsonParser p = parser(encoding, g -> {
            g.writeFieldName("ChildShards");
            g.writeStartArray();
            g.writeStartObject();
            g.writeFieldName("ParentShards");
            g.writeStartArray();
            g.writeString("shardId-000000000000");
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndArray();
            g.writeStringField("ShardIterator", "it");
        });

        assertEquals("it", KinesisResponses.shardIterator(p));
    }

    private static void shard(JsonGenerator g, String shardId, String ending) throws IOException {
        g.writeStartObject();
        g.writeStringField("ShardId", shardId);
        g.writeFieldName("SequenceNumberRange");
        g.writeStartObject();
        g.writeStringField("StartingSequenceNumber", "1");
        if (ending != null) {
            g.writeStringField("EndingSequenceNumber", ending);
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private static JsonParser parser(WireEncoding encoding, Body body) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator g = encoding.factory().createGenerator(bytes)) {
            g.writeStartObject();
            body.write(g);
            g.writeEndObject();
        }
        return encoding.factory().createParser(bytes.toByteArray());
    }
}
