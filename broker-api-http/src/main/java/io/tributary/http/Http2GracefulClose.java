package io.tributary.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * The last handler of an HTTP/2 connection's own pipeline (its streams have their own): turns
 * the server's {@link KinesisRequestHandler.CloseWhenIdle} into a graceful close, which the
 * HTTP/2 codec carries out by sending GOAWAY, refusing new streams and closing the connection
 * once the streams in progress have finished. The streams get the same event themselves and
 * finish their exchange (or end their subscription) first.
 *
 * <p>Stateless; confined to its channel's event loop.
 */
final class Http2GracefulClose extends ChannelInboundHandlerAdapter {

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
    if (evt == KinesisRequestHandler.CloseWhenIdle.INSTANCE) {
      ctx.close();
    } else {
      super.userEventTriggered(ctx, evt);
    }
  }
}
