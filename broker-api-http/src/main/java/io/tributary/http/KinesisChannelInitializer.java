package io.tributary.http;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.tributary.http.protocol.RequestProcessor;
import java.util.concurrent.Executor;

/**
 * Builds each connection's pipeline, top to bottom like the protocol stack:
 *
 * <pre>
 *   HttpServerCodec              bytes ⇄ HTTP/1.1 messages
 *   HttpServerKeepAliveHandler   Connection: keep-alive / close
 *   KinesisObjectAggregator      one FullHttpRequest per request, 100-continue, 413
 *   KinesisRequestHandler        FullHttpRequest → operation → FullHttpResponse
 * </pre>
 *
 * <p>The last two stages ({@link #addExchangeStages}) see only full requests and responses, so
 * an HTTP/2 stream channel can reuse them behind {@code Http2StreamFrameToHttpObjectCodec}.
 *
 * <p>Thread-safe: it holds only shared, thread-safe collaborators.
 */
final class KinesisChannelInitializer extends ChannelInitializer<Channel> {
  /** Presigned URLs carry the whole signature, and a session token, in the request line. */
  private static final int MAX_INITIAL_LINE_BYTES = 16 * 1024;
  /** SigV4 headers with a session token exceed Netty's default of 8 KiB. */
  private static final int MAX_HEADER_BYTES = 64 * 1024;

  private final RequestProcessor processor;
  private final Executor operations;
  private final ResponseFactory responses;
  private final int maxRequestBytes;
  private final ChannelGroup connections;

  KinesisChannelInitializer(
      RequestProcessor processor, Executor operations, ResponseFactory responses, int maxRequestBytes,
      ChannelGroup connections) {
    this.processor = processor;
    this.operations = operations;
    this.responses = responses;
    this.maxRequestBytes = maxRequestBytes;
    this.connections = connections;
  }

  @Override
  protected void initChannel(Channel channel) {
    connections.add(channel);
    ChannelPipeline pipeline = channel.pipeline();
    pipeline.addLast("http", new HttpServerCodec(new HttpDecoderConfig()
        .setMaxInitialLineLength(MAX_INITIAL_LINE_BYTES)
        .setMaxHeaderSize(MAX_HEADER_BYTES)));
    pipeline.addLast("keep-alive", new HttpServerKeepAliveHandler());
    addExchangeStages(pipeline);
  }

  /** The HTTP-version-independent stages: aggregation and the Kinesis handler. */
  void addExchangeStages(ChannelPipeline pipeline) {
    pipeline.addLast("aggregator", new KinesisObjectAggregator(maxRequestBytes));
    pipeline.addLast("kinesis", new KinesisRequestHandler(processor, operations, responses, maxRequestBytes));
  }
}
