package io.tributary.core.operations;

import io.tributary.core.model.EncryptionType;
import io.tributary.core.model.StreamArn;
import io.tributary.core.model.StreamMode;
import io.tributary.core.model.StreamName;
import io.tributary.core.model.StreamStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A stream as DescribeStream shows it (the API's {@code StreamDescription} shape). */
public record StreamDescription(
    StreamName streamName,
    StreamArn streamArn,
    StreamStatus streamStatus,
    StreamMode streamMode,
    List<ShardDescription> shards,
    boolean hasMoreShards,
    int retentionPeriodHours,
    Instant streamCreationTimestamp,
    List<EnhancedMetrics> enhancedMonitoring,
    EncryptionType encryptionType,
    Optional<String> keyId) {

  public StreamDescription {
    shards = List.copyOf(shards);
    enhancedMonitoring = List.copyOf(enhancedMonitoring);
  }
}
