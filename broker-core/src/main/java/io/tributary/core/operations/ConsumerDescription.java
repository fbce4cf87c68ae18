package io.tributary.core.operations;

import io.tributary.core.model.ConsumerArn;
import io.tributary.core.model.ConsumerName;
import io.tributary.core.model.ConsumerStatus;
import io.tributary.core.model.StreamArn;
import java.time.Instant;

/** A consumer as DescribeStreamConsumer shows it (the API's {@code ConsumerDescription}). */
public record ConsumerDescription(
    ConsumerName consumerName,
    ConsumerArn consumerArn,
    ConsumerStatus consumerStatus,
    Instant consumerCreationTimestamp,
    StreamArn streamArn) {}
