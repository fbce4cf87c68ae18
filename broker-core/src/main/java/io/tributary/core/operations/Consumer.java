package io.tributary.core.operations;

import io.tributary.core.model.ConsumerArn;
import io.tributary.core.model.ConsumerName;
import io.tributary.core.model.ConsumerStatus;
import java.time.Instant;

/** A consumer as RegisterStreamConsumer and ListStreamConsumers show it (the API's {@code Consumer}). */
public record Consumer(
    ConsumerName consumerName,
    ConsumerArn consumerArn,
    ConsumerStatus consumerStatus,
    Instant consumerCreationTimestamp) {}
