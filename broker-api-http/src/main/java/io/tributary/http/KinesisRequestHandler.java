package io.tributary.http;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.PrematureChannelClosureException;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.util.ReferenceCountUtil;
import io.tributary.http.protocol.KinesisRequest;
import io.tributary.http.protocol.KinesisResponse;
import io.tributary.http.protocol.ProtocolAnswer;
import io.tributary.http.protocol.RequestProcessor;
import io.tributary.http.protocol.SubscriptionAnswer;
import io.tributary.http.wire.WireFormat;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end of the pipeline: takes each aggregated request (or {@link OversizedRequest}), has the
 * {@link RequestProcessor} answer it on the operation executor, and writes the answer back on
 * the channel's event loop. A request that can be answered without blocking ({@link
 * RequestProcessor#processIfNonBlocking}) is answered on the event loop at once, without the
 * two hand-offs.
 *
 * <p>One request per connection is in progress at a time. Requests that arrive meanwhile (HTTP/1.1
 * pipelining) wait in order and reading pauses until they are answered, so responses go out in
 * request order and a pipelining client cannot queue without bound.
 *
 * <p>Buffers: the request's body is copied out in {@link #channelRead0} and the request is then
 * released by {@link SimpleChannelInboundHandler}, its only owner here; the response's buffer
 * belongs to Netty once written.
 *
 * <p>Answers are written and flushed when the operation completes, not in {@code
 * channelReadComplete}: they complete off the event loop, after the read that brought the request.
 *
 * <p>A SubscribeToShard answer is an event stream: a {@link SubscriptionStreamer} writes it until
 * it ends, and the exchange is complete only then. Writability changes go to the streamer, and
 * if the connection (or, on HTTP/2, the stream) goes away, the subscription is closed at once.
 *
 * <p>Confined to its channel's event loop, except {@link #answer}, which runs on the executor.
 */
final class KinesisRequestHandler extends SimpleChannelInboundHandler<Object> {
  private static final Logger log = LoggerFactory.getLogger(KinesisRequestHandler.class);

  /** A user event: close the connection once its current request is answered. */
  enum CloseWhenIdle { INSTANCE }

  private final RequestProcessor processor;
  private final Executor operations;
  private final ResponseFactory responses;
  private final int maxRequestBytes;
  private final RequestAdmission.Taken taken;

  private final ArrayDeque<Exchange> waiting = new ArrayDeque<>();
  private boolean busy;
  private boolean closeWhenIdle;
  private ChannelFuture lastWrite;
  /** The subscription being streamed as the current exchange's answer, if it is one. */
  private SubscriptionStreamer streaming;

  /**
   * A request awaiting its answer: {@code answerNow} runs on the event loop and answers only if
   * that needs no blocking; otherwise {@code answer} runs on the operation executor. {@code
   * heldBytes} of the server's {@link RequestBudget} are given back once it is answered.
   */
  private record Exchange(String requestId, boolean keepAlive, WireFormat errorFormat, long heldBytes,
      Supplier<Optional<ProtocolAnswer>> answerNow, Supplier<ProtocolAnswer> answer) {
    Exchange(String requestId, boolean keepAlive, WireFormat errorFormat, long heldBytes,
        Supplier<ProtocolAnswer> answer) {
      this(requestId, keepAlive, errorFormat, heldBytes, Optional::empty, answer);
    }
  }

  KinesisRequestHandler(RequestProcessor processor, Executor operations, ResponseFactory responses, int maxRequestBytes,
      RequestAdmission.Taken taken) {
    this.processor = processor;
    this.operations = operations;
    this.responses = responses;
    this.maxRequestBytes = maxRequestBytes;
    this.taken = taken;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, Object msg) {
    Exchange exchange;
    String requestId = responses.newRequestId();
    if (msg instanceof FullHttpRequest http) {
      exchange = exchange(requestId, http, taken.claim());
    } else if (msg instanceof OversizedRequest oversized) {
      WireFormat format = RequestProcessor.errorFormat(oversized.contentType());
      KinesisResponse tooLarge = responses.tooLarge(format, maxRequestBytes);
      exchange = new Exchange(requestId, oversized.keepAlive(), format, taken.claim(), () -> tooLarge);
    } else if (msg instanceof BusyRequest busy) {
      WireFormat format = RequestProcessor.errorFormat(busy.contentType());
      KinesisResponse unavailable = responses.unavailable(format);
      exchange = new Exchange(requestId, busy.keepAlive(), format, 0, () -> unavailable);
    } else {
      ctx.fireChannelRead(ReferenceCountUtil.retain(msg));
      return;
    }
    if (busy) {
      waiting.add(exchange);
      ctx.channel().config().setAutoRead(false);
    } else {
      start(ctx, exchange);
    }
  }

  private Exchange exchange(String requestId, FullHttpRequest http, long heldBytes) {
    if (http.decoderResult().isFailure()) {
      KinesisResponse malformed = responses.malformed();
      return new Exchange(requestId, false, WireFormat.JSON, heldBytes, () -> malformed);
    }
    HttpHeaders headers = http.headers();
    Optional<String> contentType = Optional.ofNullable(headers.get(HttpHeaderNames.CONTENT_TYPE));
    KinesisRequest request = new KinesisRequest(
        requestId,
        http.method().name(),
        http.uri(),
        contentType,
        Optional.ofNullable(headers.get("X-Amz-Target")),
        Optional.ofNullable(headers.get(HttpHeaderNames.AUTHORIZATION)),
        headers.contains("X-Amz-Date") || headers.contains(HttpHeaderNames.DATE),
        ByteBufUtil.getBytes(http.content()));
    return new Exchange(requestId, HttpUtil.isKeepAlive(http), RequestProcessor.errorFormat(contentType), heldBytes,
        () -> processor.processIfNonBlocking(request), () -> processor.process(request));
  }

  private void start(ChannelHandlerContext ctx, Exchange exchange) {
    busy = true;
    Optional<ProtocolAnswer> now = answerNow(exchange);
    if (now.isPresent()) {
      taken.give(exchange.heldBytes());
      finish(ctx, exchange, now.get());
      return;
    }
    try {
      operations.execute(() -> {
        ProtocolAnswer answer = answer(exchange);
        // The request's body is no longer needed: its bytes go back to the budget.
        taken.give(exchange.heldBytes());
        try {
          ctx.executor().execute(() -> finish(ctx, exchange, answer));
        } catch (RejectedExecutionException e) {
          log.debug("Request {}: the connection's event loop has stopped", exchange.requestId());
          if (answer instanceof SubscriptionAnswer subscription) {
            subscription.close();
          }
        }
      });
    } catch (RejectedExecutionException e) {
      taken.give(exchange.heldBytes());
      finish(ctx, exchange, responses.unavailable(exchange.errorFormat()));
    }
  }

  /**
   * Runs on the event loop: the answer if it could be made without blocking (a PutRecord that
   * found the storage writer idle: one unsynced write-ahead-log write, no hand-off to another
   * thread and back), else empty.
   */
  private Optional<ProtocolAnswer> answerNow(Exchange exchange) {
    try {
      return exchange.answerNow().get();
    } catch (Throwable t) {
      log.error("Request {} failed unexpectedly", exchange.requestId(), t);
      return Optional.of(responses.internalFailure(exchange.errorFormat()));
    }
  }

  /** Runs on the operation executor; an answer for anything, so no request goes unanswered. */
  private ProtocolAnswer answer(Exchange exchange) {
    try {
      return exchange.answer().get();
    } catch (Throwable t) {
      log.error("Request {} failed unexpectedly", exchange.requestId(), t);
      return responses.internalFailure(exchange.errorFormat());
    }
  }

  private void finish(ChannelHandlerContext ctx, Exchange exchange, ProtocolAnswer answer) {
    if (answer instanceof SubscriptionAnswer subscription) {
      if (!ctx.channel().isActive()) {
        subscription.close();
        return;
      }
      streaming = new SubscriptionStreamer(ctx, subscription, operations, exchange.requestId(), end -> {
        streaming = null;
        completed(ctx, exchange, end);
      });
      streaming.start(responses, exchange.keepAlive());
      if (closeWhenIdle) {
        streaming.end();
      }
      return;
    }
    completed(ctx, exchange,
        ctx.writeAndFlush(responses.http(exchange.requestId(), (KinesisResponse) answer, exchange.keepAlive())));
  }

  /** The exchange's answer is written (its last part by {@code write}): on to the next one. */
  private void completed(ChannelHandlerContext ctx, Exchange exchange, ChannelFuture write) {
    lastWrite = write;
    busy = false;
    if (!exchange.keepAlive()) {
      // HttpServerKeepAliveHandler closes the connection after this response.
      dropWaiting();
      return;
    }
    Exchange next = waiting.poll();
    if (next != null) {
      start(ctx, next);
      return;
    }
    if (closeWhenIdle) {
      lastWrite.addListener(ChannelFutureListener.CLOSE);
    } else if (!ctx.channel().config().isAutoRead()) {
      ctx.channel().config().setAutoRead(true);
    }
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
    if (evt != CloseWhenIdle.INSTANCE) {
      super.userEventTriggered(ctx, evt);
      return;
    }
    closeWhenIdle = true;
    if (streaming != null) {
      streaming.end();
    } else if (!busy) {
      if (lastWrite == null) {
        ctx.close();
      } else {
        lastWrite.addListener(ChannelFutureListener.CLOSE);
      }
    }
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
    if (streaming != null) {
      streaming.writabilityChanged();
    }
    super.channelWritabilityChanged(ctx);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    if (streaming != null) {
      streaming.abort();
      streaming = null;
    }
    dropWaiting();
    super.channelInactive(ctx);
  }

  /** Forgets the requests not yet started, giving their bytes back to the budget. */
  private void dropWaiting() {
    for (Exchange exchange; (exchange = waiting.poll()) != null; ) {
      taken.give(exchange.heldBytes());
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof IOException || cause instanceof PrematureChannelClosureException) {
      // The client went away (mid-request, for the second): nothing to answer, nothing to report.
      log.debug("Connection {} failed: {}", ctx.channel(), cause.toString());
    } else {
      log.warn("Closing connection {} after an unexpected error", ctx.channel(), cause);
    }
    ctx.close();
  }
}
