package io.tributary.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.concurrent.TimeUnit;

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
  static final long CLOSE_DELAY_MILLIS = 250;

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
    if (evt == KinesisRequestHandler.CloseWhenIdle.INSTANCE) {
      // The streams end their exchanges on the same event; give the client a moment to take in
      // their last frames before GOAWAY and the close. Without it a TLS client could see the
      // connection close (close_notify) before it had processed a subscription's final frame,
      // and report the stream as failed rather than finished.
      ctx.executor().schedule(() -> {
        ctx.close();
      }, CLOSE_DELAY_MILLIS, TimeUnit.MILLISECONDS);
    } else {
      super.userEventTriggered(ctx, evt);
    }
  }
}
