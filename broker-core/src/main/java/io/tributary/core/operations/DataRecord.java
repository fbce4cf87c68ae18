package io.tributary.core.operations;

import io.tributary.core.model.EncryptionType;
import io.tributary.core.model.SequenceNumber;
import java.time.Instant;
import java.util.Optional;

/** A record as GetRecords returns it (the API's {@code Record} shape). */
public record DataRecord(
    SequenceNumber sequenceNumber,
    Instant approximateArrivalTimestamp,
    byte[] data,
    String partitionKey,
    Optional<EncryptionType> encryptionType) {}
