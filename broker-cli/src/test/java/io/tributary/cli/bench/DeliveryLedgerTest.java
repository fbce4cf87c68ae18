package io.tributary.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DeliveryLedgerTest {

    private static final String SHARD_0 = "shardId-000000000000";
    private static final String SHARD_1 = "shardId-000000000001";

    private final DeliveryLedger ledger = new DeliveryLedger(List.of(SHARD_0, SHARD_1), 2);

    @Test
    void everyAcknowledgedRecordReadOnceInOrderPasses() {
        ledger.acknowledge(0, 0, SHARD_0, "100");
        ledger.acknowledge(1, 0, SHARD_0, "101");
        ledger.acknowledge(0, 1, SHARD_1, "102");
        read(SHARD_0, 0, 0, "100");
        read(SHARD_0, 1, 0, "101");
        read(SHARD_1, 0, 1, "102");

        DeliveryLedger.Verification verification = ledger.verify();

        assertTrue(verification.passed(), verification.problems().toString());
        assertEquals(3, verification.acknowledged());
        assertEquals(3, verification.read());
        assertEquals(3, verification.verified());
        assertEquals(2, ledger.acknowledgedIn(SHARD_0));
    }

    @Test
    void recordReadTwiceIsADuplicate() {
        ledger.acknowledge(0, 0, SHARD_0, "100");
        read(SHARD_0, 0, 0, "100");
        read(SHARD_0, 0, 0, "100");

        DeliveryLedger.Verification verification = ledger.verify();

        assertFalse(verification.passed());
        assertEquals(1, verification.duplicates());
        // The second copy also sits at a sequence number that does not ascend.
        assertEquals(1, verification.outOfOrder());
    }

    @Test
    void acknowledgedRecordNeverReadIsMissing() {
        ledger.acknowledge(0, 0, SHARD_0, "100");
        ledger.acknowledge(0, 1, SHARD_0, "101");
        read(SHARD_0, 0, 0, "100");

        DeliveryLedger.Verification verification = ledger.verify();

        assertEquals(1, verification.missing());
        assertTrue(verification.problems().get(0).contains("record 0/1"), verification.problems().toString());
    }

    @Test
    void recordsReadAgainstDescendingSequenceNumbersAreOutOfOrder() {
        ledger.acknowledge(0, 0, SHARD_0, "100");
        ledger.acknowledge(1, 0, SHARD_0, "99");
        read(SHARD_0, 0, 0, "100");
        read(SHARD_0, 1, 0, "99");

        assertEquals(1, ledger.verify().outOfOrder());
    }

    @Test
    void sequenceNumbersCompareAsNumbersNotText() {
        assertTrue(DeliveryLedger.compareSequenceNumbers("99", "100") < 0);
        assertTrue(DeliveryLedger.compareSequenceNumbers("101", "100") > 0);
        assertEquals(0, DeliveryLedger.compareSequenceNumbers("100", "100"));
    }

    @Test
    void recordReadAtAnotherSequenceNumberThanAcknowledgedIsAMismatch() {
        ledger.acknowledge(0, 0, SHARD_0, "100");
        read(SHARD_0, 0, 0, "105");

        assertEquals(1, ledger.verify().sequenceNumberMismatches());
    }

    @Test
    void recordReadFromAnotherShardThanAcknowledgedIsInTheWrongShard() {
        ledger.acknowledge(0, 0, SHARD_0, "100");
        read(SHARD_1, 0, 0, "100");

        assertEquals(1, ledger.verify().wrongShard());
    }

    @Test
    void recordNeverAcknowledgedIsUnexpected() {
        read(SHARD_0, 1, 7, "100");

        assertEquals(1, ledger.verify().unexpected());
    }

    @Test
    void corruptRecordIsCountedAndNotMatched() {
        ledger.acknowledge(0, 0, SHARD_0, "100");
        byte[] data = new byte[64];
        RecordPayload.write(data, 0, 0, 0);
        data[40] ^= 1;

        assertEquals(RecordPayload.Verdict.CHECKSUM_MISMATCH, ledger.shardLog(SHARD_0).observe(data, "100"));

        DeliveryLedger.Verification verification = ledger.verify();
        assertEquals(1, verification.corrupt());
        assertEquals(1, verification.missing());
        assertEquals(1, verification.read());
    }

    @Test
    void laterAcknowledgementAtALowerSequenceNumberInTheSameShardViolatesOrdering() {
        ledger.acknowledge(0, 0, SHARD_0, "200");
        ledger.acknowledge(0, 1, SHARD_0, "150");

        assertEquals(1, ledger.verify().acknowledgementOrderViolations());
    }

    @Test
    void recordReadBeforeItsAcknowledgementStillVerifies() {
        read(SHARD_0, 0, 0, "100");
        ledger.acknowledge(0, 0, SHARD_0, "100");

        assertTrue(ledger.verify().passed());
    }

    private void read(String shardId, int producer, long sequence, String sequenceNumber) {
        byte[] data = new byte[64];
        RecordPayload.write(data, producer, sequence, 0);
        ledger.shardLog(shardId).observe(data, sequenceNumber);
    }
}
