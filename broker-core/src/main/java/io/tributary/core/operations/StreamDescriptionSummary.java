package io.tributary.core.operations;

import io.tributary.core.model.EncryptionType;
import io.tributary.core.model.StreamArn;
import io.tributary.core.model.StreamMode;
import io.tributary.core.model.StreamName;
import io.tributary.core.model.StreamStatus;
import io.tributary.core.streams.StreamState;
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
    int consumerCount,
    Optional<WarmThroughput> warmThroughput,
    int maxRecordSizeInKiB) {

  public StreamDescriptionSummary {
    enhancedMonitoring = List.copyOf(enhancedMonitoring);
  }

  /** A summary without warm throughput and with the default 1 MiB record size limit. */
  public StreamDescriptionSummary(StreamName streamName, StreamArn streamArn, StreamStatus streamStatus,
      StreamMode streamMode, int retentionPeriodHours, Instant streamCreationTimestamp,
      List<EnhancedMetrics> enhancedMonitoring, EncryptionType encryptionType, Optional<String> keyId,
      int openShardCount, int consumerCount) {
    this(streamName, streamArn, streamStatus, streamMode, retentionPeriodHours, streamCreationTimestamp,
        enhancedMonitoring, encryptionType, keyId, openShardCount, consumerCount, Optional.empty(),
        StreamState.DEFAULT_MAX_RECORD_SIZE_KIB);
  }
}
