package io.tributary.core.operations;

import io.tributary.core.model.StreamArn;
import io.tributary.core.model.StreamMode;
import io.tributary.core.model.StreamName;
import io.tributary.core.model.StreamStatus;
import java.time.Instant;

/** One stream in a ListStreams answer (the API's {@code StreamSummary} shape). */
public record StreamSummary(
    StreamName streamName,
    StreamArn streamArn,
    StreamStatus streamStatus,
    StreamMode streamMode,
    Instant streamCreationTimestamp) {}
