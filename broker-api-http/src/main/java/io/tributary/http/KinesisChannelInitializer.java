package io.tributary.http;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2StreamFrameToHttpObjectCodec;
import io.netty.handler.ssl.SslContext;
import io.tributary.http.protocol.RequestProcessor;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * Builds each connection's pipeline, top to bottom like the protocol stack. The connection
 * starts with what tells the HTTP version apart:
 *
 * <pre>
 *   plain port:  Http2PrefaceDetector                 first bytes: HTTP/2 preface or not
 *   TLS port:    SslHandler                           TLS (JDK provider)
 *                AlpnProtocolHandler                  h2 | http/1.1 | no ALPN: Http2PrefaceDetector
 * </pre>
 *
 * and continues with one of two stacks ({@link ProtocolStacks}):
 *
 * <pre>
 *   HTTP/1.1:  HttpServerCodec                    bytes ⇄ HTTP/1.1 messages
 *              HttpServerKeepAliveHandler         Connection: keep-alive / close
 *              RequestAdmission                   the request-bytes budget: 503 when it is spent
 *              KinesisObjectAggregator            one FullHttpRequest per request, 100-continue, 413
 *              KinesisRequestHandler              FullHttpRequest → operation → response
 *
 *   HTTP/2:    Http2FrameCodec                    bytes ⇄ HTTP/2 frames, flow control, GOAWAY
 *              Http2MultiplexHandler              one child channel per stream, each with:
 *                │ Http2StreamFrameToHttpObjectCodec   stream frames ⇄ HTTP/1.1-style messages
 *                │ RequestAdmission
 *                │ KinesisObjectAggregator
 *                │ KinesisRequestHandler
 *              Http2GracefulClose                 server shutdown → GOAWAY
 * </pre>
 *
 * <p>The exchange stages ({@link #addExchangeStages}) see only HTTP messages, so every operation
 * is served by the same code whatever the HTTP version, the port or the encoding.
 *
 * <p>Every connection, and every HTTP/2 stream, joins {@code channels}, so that the server can
 * ask each to finish its exchange and close when it stops.
 *
 * <p>Thread-safe: it holds only shared, thread-safe collaborators.
 */
final class KinesisChannelInitializer extends ChannelInitializer<Channel> implements ProtocolStacks {
  /** Presigned URLs carry the whole signature, and a session token, in the request line. */
  private static final int MAX_INITIAL_LINE_BYTES = 16 * 1024;
  /** SigV4 headers with a session token exceed Netty's default of 8 KiB. */
  private static final int MAX_HEADER_BYTES = 64 * 1024;
  /**
   * Streams one HTTP/2 connection may have open at once: a Kinesis Client Library worker keeps
   * one SubscribeToShard stream per shard it leases, on as few connections as the server allows.
   */
  private static final long MAX_CONCURRENT_STREAMS = 1024;

  private final RequestProcessor processor;
  private final Executor operations;
  private final ResponseFactory responses;
  private final int maxRequestBytes;
  private final RequestBudget budget;
  private final ChannelGroup channels;
  private final Optional<SslContext> tls;

  /** The plain port's initializer: HTTP/1.1 and HTTP/2 with prior knowledge. */
  KinesisChannelInitializer(
      RequestProcessor processor, Executor operations, ResponseFactory responses, int maxRequestBytes,
      RequestBudget budget, ChannelGroup channels) {
    this(processor, operations, responses, maxRequestBytes, budget, channels, Optional.empty());
  }

  /** With {@code tls}, the TLS port's initializer: HTTP/1.1 and HTTP/2 by ALPN or by preface. */
  KinesisChannelInitializer(
      RequestProcessor processor, Executor operations, ResponseFactory responses, int maxRequestBytes,
      RequestBudget budget, ChannelGroup channels, Optional<SslContext> tls) {
    this.processor = processor;
    this.operations = operations;
    this.responses = responses;
    this.maxRequestBytes = maxRequestBytes;
    this.budget = budget;
    this.channels = channels;
    this.tls = tls;
  }

  @Override
  protected void initChannel(Channel channel) {
    channels.add(channel);
    ChannelPipeline pipeline = channel.pipeline();
    if (tls.isPresent()) {
      pipeline.addLast("tls", tls.get().newHandler(channel.alloc()));
      pipeline.addLast("alpn", new AlpnProtocolHandler(this));
    } else {
      pipeline.addLast("detect", new Http2PrefaceDetector(this));
    }
  }

  @Override
  public void addHttp1(ChannelPipeline pipeline) {
    pipeline.addLast("http", new HttpServerCodec(new HttpDecoderConfig()
        .setMaxInitialLineLength(MAX_INITIAL_LINE_BYTES)
        .setMaxHeaderSize(MAX_HEADER_BYTES)));
    pipeline.addLast("keep-alive", new HttpServerKeepAliveHandler());
    addExchangeStages(pipeline);
  }

  @Override
  public void addHttp2(ChannelPipeline pipeline) {
    pipeline.addLast("http2", Http2FrameCodecBuilder.forServer()
        .initialSettings(Http2Settings.defaultSettings()
            .maxHeaderListSize(MAX_HEADER_BYTES)
            .maxConcurrentStreams(MAX_CONCURRENT_STREAMS))
        .build());
    pipeline.addLast("streams", new Http2MultiplexHandler(new ChannelInitializer<Http2StreamChannel>() {
      @Override
      protected void initChannel(Http2StreamChannel stream) {
        channels.add(stream);
        stream.pipeline().addLast("http", new Http2StreamFrameToHttpObjectCodec(true));
        addExchangeStages(stream.pipeline());
      }
    }));
    pipeline.addLast("graceful-close", new Http2GracefulClose());
  }

  /** The HTTP-version-independent stages: aggregation and the Kinesis handler. */
  void addExchangeStages(ChannelPipeline pipeline) {
    RequestAdmission.Taken taken = new RequestAdmission.Taken(budget);
    pipeline.addLast("admission", new RequestAdmission(budget, taken, maxRequestBytes));
    pipeline.addLast("aggregator", new KinesisObjectAggregator(maxRequestBytes));
    pipeline.addLast("kinesis", new KinesisRequestHandler(processor, operations, responses, maxRequestBytes, taken));
  }
}
