package io.tributary.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.ScheduledFuture;
import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.KinesisException;
import io.tributary.core.operations.ShardSubscription;
import io.tributary.http.eventstream.EventStreamCodec;
import io.tributary.http.eventstream.EventStreamMessage;
import io.tributary.http.protocol.SubscriptionAnswer;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams one SubscribeToShard subscription to its client as an event-stream body: after the
 * response head, an {@code initial-response} message, then one {@code SubscribeToShardEvent}
 * message per read, each in its own HTTP chunk (HTTP/1.1) or DATA frame (HTTP/2).
 *
 * <p>Push, with backpressure. A read is started only while the channel is writable, and one at
 * a time; it runs on the operation executor (it blocks on storage) and its event is written
 * back on the event loop. What starts a read:
 *
 * <ul>
 *   <li>an append to the shard (the subscription's listener, on the writer's thread, hands the
 *       wake-up to the event loop);
 *   <li>an event that carried records, as more may follow straight away;
 *   <li>the channel becoming writable again while a read was wanted;
 *   <li>the heartbeat: when no event has gone out for {@code heartbeat}, the next read's event
 *       is sent even without records, as AWS sends one about every 5 seconds.
 * </ul>
 *
 * <p>The stream ends normally (the HTTP/1.1 last chunk, or the HTTP/2 end of stream) after the
 * last event of a closed shard, after {@code lifetime}, when the operation executor refuses work
 * (overload or shutdown: the client resubscribes from its last continuation), or when the server
 * asks the connection to close. An error while streaming is sent as an {@code exception} message
 * ({@code :exception-type} ResourceNotFoundException, say) before the end. The subscription is
 * closed, freeing the consumer's slot on the shard, at the end and at once if the client goes away.
 *
 * <p>Buffers: each message is wrapped in a buffer that Netty owns once written.
 *
 * <p>Confined to the channel's event loop, except {@link #read}, which runs on the executor.
 */
final class SubscriptionStreamer {
  private static final Logger log = LoggerFactory.getLogger(SubscriptionStreamer.class);

  private final ChannelHandlerContext ctx;
  private final SubscriptionAnswer answer;
  private final Executor operations;
  private final String requestId;
  private final Consumer<ChannelFuture> done;

  private boolean reading;
  private boolean readWanted = true;
  private boolean heartbeatDue;
  /** Read by {@link #read} on the executor, to tell a read cut short by the end from a failure. */
  private volatile boolean finished;
  private ScheduledFuture<?> expiry;
  private ScheduledFuture<?> heartbeat;

  /** The outcome of one read, handed from the executor to the event loop. */
  private record Read(ShardSubscription.Event event, byte[] payload, KinesisException failure) {}

  /**
   * @param done called on the event loop once the stream has ended, with the write of its end;
   *     not called if the channel closes first
   */
  SubscriptionStreamer(
      ChannelHandlerContext ctx, SubscriptionAnswer answer, Executor operations, String requestId,
      Consumer<ChannelFuture> done) {
    this.ctx = ctx;
    this.answer = answer;
    this.operations = operations;
    this.requestId = requestId;
    this.done = done;
  }

  /** Writes the head and the initial response, then streams. */
  void start(ResponseFactory responses, boolean keepAlive) {
    ctx.write(responses.eventStreamHead(requestId, keepAlive));
    write(EventStreamMessage.event(SubscriptionAnswer.INITIAL_RESPONSE, answer.format().contentType(),
        answer.initialResponse()));
    ctx.flush();
    answer.subscription().onAppend(() -> {
      try {
        ctx.executor().execute(this::wake);
      } catch (RejectedExecutionException e) {
        log.debug("Subscription {}: the connection's event loop has stopped", requestId);
      }
    });
    expiry = ctx.executor().schedule(this::end, answer.lifetime().toNanos(), TimeUnit.NANOSECONDS);
    scheduleHeartbeat();
    pump();
  }

  /** Records were appended, or the shard closed. */
  private void wake() {
    readWanted = true;
    pump();
  }

  void writabilityChanged() {
    pump();
  }

  private void scheduleHeartbeat() {
    if (heartbeat != null) {
      heartbeat.cancel(false);
    }
    heartbeat = ctx.executor().schedule(() -> {
      heartbeatDue = true;
      pump();
    }, answer.heartbeat().toNanos(), TimeUnit.NANOSECONDS);
  }

  private void pump() {
    if (finished || reading || !(readWanted || heartbeatDue) || !ctx.channel().isWritable()) {
      return;
    }
    reading = true;
    readWanted = false;
    try {
      operations.execute(() -> {
        Read read = read();
        try {
          ctx.executor().execute(() -> deliver(read));
        } catch (RejectedExecutionException e) {
          log.debug("Subscription {}: the connection's event loop has stopped", requestId);
        }
      });
    } catch (RejectedExecutionException e) {
      reading = false;
      end();
    }
  }

  /** Runs on the operation executor. */
  private Read read() {
    try {
      ShardSubscription.Event event = answer.subscription().next();
      return new Read(event, answer.eventPayload(event), null);
    } catch (KinesisException e) {
      return new Read(null, null, e);
    } catch (RuntimeException e) {
      if (!finished) {
        log.error("Subscription {} failed unexpectedly", requestId, e);
      }
      return new Read(null, null, new KinesisException(ErrorCode.INTERNAL_FAILURE, "Internal service failure."));
    }
  }

  private void deliver(Read read) {
    reading = false;
    if (finished) {
      return;
    }
    if (read.failure() != null) {
      KinesisException e = read.failure();
      write(EventStreamMessage.exception(e.code().wireType(), answer.format().contentType(),
          answer.exceptionPayload(e)));
      end();
      return;
    }
    ShardSubscription.Event event = read.event();
    boolean hasRecords = !event.records().isEmpty();
    if (hasRecords || heartbeatDue || event.isLast()) {
      heartbeatDue = false;
      write(EventStreamMessage.event(SubscriptionAnswer.EVENT, answer.format().contentType(), read.payload()));
      ctx.flush();
      scheduleHeartbeat();
    }
    if (event.isLast()) {
      end();
      return;
    }
    readWanted |= hasRecords;
    pump();
  }

  private void write(EventStreamMessage message) {
    ctx.write(new DefaultHttpContent(Unpooled.wrappedBuffer(EventStreamCodec.encode(message))));
  }

  /** Ends the stream normally and closes the subscription. Idempotent. */
  void end() {
    if (finished) {
      return;
    }
    stop();
    done.accept(ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT));
  }

  /** The client went away: closes the subscription without writing. Idempotent. */
  void abort() {
    if (!finished) {
      stop();
    }
  }

  private void stop() {
    finished = true;
    if (expiry != null) {
      expiry.cancel(false);
    }
    if (heartbeat != null) {
      heartbeat.cancel(false);
    }
    answer.close();
  }
}
