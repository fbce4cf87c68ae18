package io.tributary.http.protocol;

/**
 * What the protocol answers a request with: one whole response ({@link KinesisResponse}), or, for
 * SubscribeToShard, a 200 whose body is an event stream ({@link SubscriptionAnswer}).
 */
public sealed interface ProtocolAnswer permits KinesisResponse, SubscriptionAnswer {}
