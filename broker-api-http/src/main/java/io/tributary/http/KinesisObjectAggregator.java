package io.tributary.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.FullHttpMessage;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.util.ReferenceCountUtil;
import java.util.Optional;

/**
 * Netty's {@link HttpObjectAggregator} (which also answers {@code Expect: 100-continue}), except
 * that a request over the size limit is not answered here with an empty 413: it becomes an
 * {@link OversizedRequest} for the Kinesis handler, which answers 413 in the Kinesis error shape,
 * in order with the connection's other responses.
 *
 * <p>The connection stays open when the rest of the body can be skipped (a keep-alive request
 * whose {@code Content-Length} is over the limit, or one waiting for {@code 100-continue}), as
 * Netty decides; the aggregator then discards the body.
 *
 * <p>Confined to its channel's event loop.
 */
final class KinesisObjectAggregator extends HttpObjectAggregator {

  KinesisObjectAggregator(int maxRequestBytes) {
    super(maxRequestBytes);
  }

  /**
   * Netty answers an oversized {@code Expect: 100-continue} request with its own empty 413;
   * returning null instead sends it through {@link #handleOversizedMessage}.
   */
  @Override
  protected Object newContinueResponse(HttpMessage start, int maxContentLength, ChannelPipeline pipeline) {
    Object response = super.newContinueResponse(start, maxContentLength, pipeline);
    if (response instanceof HttpResponse http && http.status().code() == 413) {
      ReferenceCountUtil.release(response);
      return null;
    }
    return response;
  }

  /** {@code oversized} is released by the caller. */
  @Override
  protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) throws Exception {
    if (!(oversized instanceof HttpRequest)) {
      super.handleOversizedMessage(ctx, oversized);
      return;
    }
    // Netty's rule: once part of the body was read, or nothing will skip the rest, close.
    boolean close = oversized instanceof FullHttpMessage
        || !ctx.channel().config().isAutoRead()
        || (!HttpUtil.is100ContinueExpected(oversized) && !HttpUtil.isKeepAlive(oversized));
    Optional<String> contentType = Optional.ofNullable(oversized.headers().get(HttpHeaderNames.CONTENT_TYPE));
    ctx.fireChannelRead(new OversizedRequest(contentType, !close));
  }
}
