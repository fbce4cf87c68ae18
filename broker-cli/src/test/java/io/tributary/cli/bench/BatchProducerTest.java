package io.tributary.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link BatchProducer} writing one record at a time with PutRecord, against a scripted server. */
class BatchProducerTest {

    private static final String SHARD = "shardId-000000000000";

    private final ScriptedHttpServer server = new ScriptedHttpServer();
    private final DeliveryLedger ledger = new DeliveryLedger(List.of(SHARD), 1);
    private final Meter meter = new Meter(MeasurementWindow.open(System.nanoTime()));

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void putRecordApiSendsEachRecordAloneAndAcknowledgesItWhereTheServerStoredIt() {
        respond("{\"ShardId\":\"" + SHARD + "\",\"SequenceNumber\":\"100\"}");
        respond("{\"ShardId\":\"" + SHARD + "\",\"SequenceNumber\":\"101\"}");
        BatchProducer producer = new BatchProducer(client(), "s", 0, 1, 64, meter, ledger, PutApi.PUT_RECORD);

        assertEquals(0, producer.sendNew(1, 1L));
        assertEquals(0, producer.sendNew(1, 2L));
        producer.close();

        assertEquals(2, ledger.acknowledged());
        String head = server.requestHeads().get(0);
        assertTrue(head.contains("\r\nX-Amz-Target: Kinesis_20131202.PutRecord\r\n"), head);
        String body = server.requestBodies().get(1);
        assertTrue(body.startsWith("{\"StreamName\":\"s\",\"Data\":\"") && body.endsWith("\",\"PartitionKey\":\"p0-1\"}"),
                body);
        assertEquals(2, meter.totalRecords());
    }

    @Test
    void putRecordFailureFailsItsOneRecord() {
        String error = "{\"__type\":\"ProvisionedThroughputExceededException\",\"message\":\"Rate exceeded\"}";
        server.respond("HTTP/1.1 400 Bad Request\r\nContent-Length: " + error.length() + "\r\n\r\n" + error);
        BatchProducer producer = new BatchProducer(client(), "s", 0, 1, 64, meter, ledger, PutApi.PUT_RECORD);

        assertEquals(1, producer.sendNew(1, 1L));
        producer.close();

        assertTrue(producer.requestFailed());
        assertEquals(0, ledger.acknowledged());
    }

    @Test
    void putRecordTakesOnlyBatchesOfOne() {
        assertThrows(IllegalArgumentException.class,
                () -> new BatchProducer(client(), "s", 0, 2, 64, meter, ledger, PutApi.PUT_RECORD));
    }

    private void respond(String json) {
        server.respond("HTTP/1.1 200 OK\r\nContent-Type: application/x-amz-json-1.1\r\nContent-Length: "
                + json.length() + "\r\n\r\n" + json);
    }

    private KinesisClient client() {
        return new KinesisClient(ClientSettings.of("http://127.0.0.1:" + server.port(), "us-east-1", "AKID", "SECRET",
                WireEncoding.JSON, 5_000, Clock.systemUTC()));
    }
}
