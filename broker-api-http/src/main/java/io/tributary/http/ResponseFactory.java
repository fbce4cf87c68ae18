package io.tributary.http;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.DateFormatter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.tributary.core.error.ErrorCode;
import io.tributary.http.protocol.KinesisResponse;
import io.tributary.http.wire.WireCodec;
import io.tributary.http.wire.WireError;
import io.tributary.http.wire.WireFormat;
import java.time.Clock;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Makes request ids, and turns the protocol's answers into HTTP responses with the headers
 * every Kinesis response carries: {@code x-amzn-RequestId}, {@code x-amz-id-2},
 * {@code Content-Type}, {@code Content-Length}, {@code Date}, and on errors
 * {@code x-amzn-ErrorType: <type>:} (the AWS SDKs read the error code up to the colon).
 *
 * <p>Thread-safe.
 */
final class ResponseFactory {
  static final String REQUEST_ID = "x-amzn-RequestId";
  static final String ID_2 = "x-amz-id-2";
  static final String ERROR_TYPE = "x-amzn-ErrorType";
  static final String EVENT_STREAM = "application/vnd.amazon.eventstream";
  /** AWS's {@code x-amz-id-2} is 72 random bytes in base64 (kinesalite, index.js). */
  private static final int ID_2_BYTES = 72;

  private final WireCodec codec;
  private final Clock clock;
  private final Supplier<String> requestIds;

  ResponseFactory(WireCodec codec, Clock clock, Supplier<String> requestIds) {
    this.codec = codec;
    this.clock = clock;
    this.requestIds = requestIds;
  }

  String newRequestId() {
    return requestIds.get();
  }

  /** The HTTP response; it owns a buffer over {@code response}'s body, released when written. */
  FullHttpResponse http(String requestId, KinesisResponse response, boolean keepAlive) {
    FullHttpResponse http = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
        HttpResponseStatus.valueOf(response.status()),
        Unpooled.wrappedBuffer(response.bodySegments().toArray(new byte[0][])));
    HttpHeaders headers = http.headers();
    headers.set(REQUEST_ID, requestId);
    headers.set(ID_2, id2());
    headers.set(HttpHeaderNames.CONTENT_TYPE, response.contentType());
    headers.setInt(HttpHeaderNames.CONTENT_LENGTH, response.bodyLength());
    headers.set(HttpHeaderNames.DATE, DateFormatter.format(new Date(clock.millis())));
    response.errorType().ifPresent(type -> headers.set(ERROR_TYPE, type + ":"));
    HttpUtil.setKeepAlive(http, keepAlive);
    return http;
  }

  /**
   * The head of an event-stream response (SubscribeToShard): 200, {@code Content-Type:
   * application/vnd.amazon.eventstream}, chunked on HTTP/1.1 (the HTTP/2 codec drops that header
   * and sends DATA frames), then one chunk per event-stream message.
   */
  HttpResponse eventStreamHead(String requestId, boolean keepAlive) {
    HttpResponse http = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
    HttpHeaders headers = http.headers();
    headers.set(REQUEST_ID, requestId);
    headers.set(ID_2, id2());
    headers.set(HttpHeaderNames.CONTENT_TYPE, EVENT_STREAM);
    headers.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
    headers.set(HttpHeaderNames.DATE, DateFormatter.format(new Date(clock.millis())));
    HttpUtil.setKeepAlive(http, keepAlive);
    return http;
  }

  /** The answer to a body over the limit: 413 in the Kinesis error shape. */
  KinesisResponse tooLarge(WireFormat format, int maxRequestBytes) {
    return KinesisResponse.error(codec, format, WireError.of(ErrorCode.REQUEST_ENTITY_TOO_LARGE,
        "Request body must not exceed " + maxRequestBytes + " bytes."));
  }

  /** The answer when no operation thread can take the request: 503, which SDKs retry. */
  KinesisResponse unavailable(WireFormat format) {
    return KinesisResponse.error(codec, format, WireError.of(ErrorCode.SERVICE_UNAVAILABLE,
        "The server is overloaded or shutting down; retry the request."));
  }

  /** The answer to bytes that are not an HTTP request; the connection is closed after it. */
  KinesisResponse malformed() {
    return KinesisResponse.error(codec, WireFormat.JSON,
        WireError.of(ErrorCode.SERIALIZATION, "The request is not a well-formed HTTP/1.1 request."));
  }

  /** The answer to anything that escaped the protocol: 500, already logged by the caller. */
  KinesisResponse internalFailure(WireFormat format) {
    return KinesisResponse.error(codec, format, WireError.of(ErrorCode.INTERNAL_FAILURE, "Internal service failure."));
  }

  private static String id2() {
    byte[] bytes = new byte[ID_2_BYTES];
    ThreadLocalRandom.current().nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }
}
