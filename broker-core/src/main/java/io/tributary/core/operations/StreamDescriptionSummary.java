package io.tributary.core.operations;

import io.tributary.core.model.EncryptionType;
import io.tributary.core.model.StreamArn;
import io.tributary.core.model.StreamMode;
import io.tributary.core.model.StreamName;
import io.tributary.core.model.StreamStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A stream as DescribeStreamSummary shows it (the API's {@code StreamDescriptionSummary}). */
public record StreamDescriptionSummary(
    StreamName streamName,
    StreamArn streamArn,
    StreamStatus streamStatus,
    StreamMode streamMode,
    int retentionPeriodHours,
    Instant streamCreationTimestamp,
    List<EnhancedMetrics> enhancedMonitoring,
    EncryptionType encryptionType,
    Optional<String> keyId,
    int openShardCount,
    int consumerCount) {

  public StreamDescriptionSummary {
    enhancedMonitoring = List.copyOf(enhancedMonitoring);
  }
}
