package io.tributary.http;

import io.netty.channel.ChannelPipeline;

/**
 * The two ways a connection continues once its HTTP version is known: the HTTP/1.1 stack or the
 * HTTP/2 stack, each ending in the same Kinesis exchange stages. {@link Http2PrefaceDetector} and
 * {@link AlpnProtocolHandler} pick one; {@link KinesisChannelInitializer} builds them.
 *
 * <p>Implementations must be thread-safe: one instance serves every connection.
 */
interface ProtocolStacks {

  /** Adds the HTTP/1.1 stack at the end of {@code pipeline}. */
  void addHttp1(ChannelPipeline pipeline);

  /** Adds the HTTP/2 stack at the end of {@code pipeline}; it expects the client's preface next. */
  void addHttp2(ChannelPipeline pipeline);
}
