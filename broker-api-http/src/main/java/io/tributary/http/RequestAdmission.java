package io.tributary.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;
import java.util.Optional;

/**
 * In front of the aggregator: takes each request's {@code Content-Length} from the server's
 * {@link RequestBudget} before its body is read. A request that does not fit is not aggregated:
 * its body is discarded as it arrives and a {@link BusyRequest} goes on in its place, once the
 * body has been read (at once when the client waits for {@code 100-continue}; that connection is
 * then closed after the answer, since the client may or may not send the body).
 *
 * <p>Every admitted request reaches the {@link KinesisRequestHandler} as exactly one message (the
 * aggregated request, or an {@link OversizedRequest}), in order; the bytes it took wait in {@link
 * Taken} until the handler claims them for that message and gives them back once the request is
 * answered. Bytes of requests the handler never saw (the connection closed mid-body) are given
 * back when the connection closes. A request with no {@code Content-Length} takes nothing, and so
 * does one declaring more than {@code maxRequestBytes}, which gets its 413 as before.
 *
 * <p>Confined to its channel's event loop.
 */
final class RequestAdmission extends ChannelInboundHandlerAdapter {

  /**
   * The bytes taken for each admitted request not yet claimed by the handler, oldest first; shared
   * by one pipeline's admission and handler. Confined to the channel's event loop.
   */
  static final class Taken {
    private final RequestBudget budget;
    private final ArrayDeque<Long> unclaimed = new ArrayDeque<>();

    Taken(RequestBudget budget) {
      this.budget = budget;
    }

    /** The bytes of the oldest admitted request, now the caller's to give back ({@link #give}). */
    long claim() {
      Long bytes = unclaimed.poll();
      return bytes == null ? 0 : bytes;
    }

    /** Gives back bytes claimed earlier; from any thread. */
    void give(long bytes) {
      budget.give(bytes);
    }

    private void giveBackUnclaimed() {
      for (Long bytes; (bytes = unclaimed.poll()) != null; ) {
        budget.give(bytes);
      }
    }
  }

  private final RequestBudget budget;
  private final Taken taken;
  private final int maxRequestBytes;
  /** The refused request whose body is being discarded, if any. */
  private BusyRequest refused;

  RequestAdmission(RequestBudget budget, Taken taken, int maxRequestBytes) {
    this.budget = budget;
    this.taken = taken;
    this.maxRequestBytes = maxRequestBytes;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof HttpRequest request) {
      refused = null;
      long length = declaredLength(request);
      if (length > maxRequestBytes) {
        // Over the size limit: the aggregator discards the body and the handler answers 413,
        // whatever the budget holds; nothing is read, so nothing is taken.
        length = 0;
      }
      if (budget.tryTake(length)) {
        taken.unclaimed.add(length);
        ctx.fireChannelRead(msg);
        return;
      }
      Optional<String> contentType = Optional.ofNullable(request.headers().get(HttpHeaderNames.CONTENT_TYPE));
      boolean waitsForContinue = HttpUtil.is100ContinueExpected(request);
      BusyRequest busy = new BusyRequest(contentType, HttpUtil.isKeepAlive(request) && !waitsForContinue);
      ReferenceCountUtil.release(msg);
      if (msg instanceof FullHttpRequest || waitsForContinue) {
        ctx.fireChannelRead(busy);
      } else {
        refused = busy;
      }
      return;
    }
    if (refused != null && msg instanceof HttpContent) {
      boolean last = msg instanceof LastHttpContent;
      ReferenceCountUtil.release(msg);
      if (last) {
        BusyRequest busy = refused;
        refused = null;
        ctx.fireChannelRead(busy);
      }
      return;
    }
    ctx.fireChannelRead(msg);
  }

  private static long declaredLength(HttpRequest request) {
    if (request instanceof FullHttpRequest full) {
      return full.content().readableBytes();
    }
    try {
      return Math.max(0, HttpUtil.getContentLength(request, 0L));
    } catch (NumberFormatException e) {
      return 0; // A malformed length: the decoder and the handler refuse the request.
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    taken.giveBackUnclaimed();
    super.channelInactive(ctx);
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    taken.giveBackUnclaimed();
  }
}
