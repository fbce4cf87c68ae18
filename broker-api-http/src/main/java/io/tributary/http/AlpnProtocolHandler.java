package io.tributary.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ApplicationProtocolNegotiationHandler;

/**
 * After the TLS handshake, continues the connection with the protocol ALPN chose: {@code h2} or
 * {@code http/1.1}. When the client offered no ALPN protocol this server speaks (or none at all,
 * as the AWS SDK for Java v2 does by default, assuming HTTP/2), the first bytes decide, exactly as
 * on the plain port ({@link Http2PrefaceDetector}).
 *
 * <p>Confined to its channel's event loop.
 */
final class AlpnProtocolHandler extends ApplicationProtocolNegotiationHandler {
  /** What Netty reports when ALPN chose nothing; not a protocol name any client can send. */
  private static final String NOT_NEGOTIATED = "";

  private final ProtocolStacks stacks;

  AlpnProtocolHandler(ProtocolStacks stacks) {
    super(NOT_NEGOTIATED);
    this.stacks = stacks;
  }

  @Override
  protected void configurePipeline(ChannelHandlerContext ctx, String protocol) {
    switch (protocol) {
      case ApplicationProtocolNames.HTTP_2 -> stacks.addHttp2(ctx.pipeline());
      case ApplicationProtocolNames.HTTP_1_1 -> stacks.addHttp1(ctx.pipeline());
      default -> ctx.pipeline().addLast("detect", new Http2PrefaceDetector(stacks));
    }
  }
}
