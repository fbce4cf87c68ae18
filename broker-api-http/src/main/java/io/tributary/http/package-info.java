/**
 * The Kinesis HTTP endpoint: Amazon Kinesis's JSON 1.1 and CBOR wire protocols over HTTP/1.1 and
 * HTTP/2, on a plain port and optionally a TLS port, on Netty, in front of a
 * {@link io.tributary.core.Broker}.
 *
 * <h2>Request flow</h2>
 *
 * <pre>
 *   socket ─▶ HttpServerCodec ─▶ HttpServerKeepAliveHandler ─▶ KinesisObjectAggregator ─▶ KinesisRequestHandler
 *                                                                  │ 100-continue, 413        │ copies the body, releases the request
 *                                                                  ▼                          ▼
 *                                                                                  tributary-op-N thread:
 *                                                                                  protocol.RequestProcessor
 *      1. framework checks in AWS's order: method, empty body, content type, body decodes to an object,
 *         X-Amz-Target, SigV4 credentials (auth.SigV4Credentials; region and access key from the scope)
 *      2. validation.ModelValidator: member types, then the model's constraints
 *      3. operations.OperationTable: the operation's mapper reads the tree into the core Request record
 *         (wire.WireObject: base64 and CBOR byte strings → byte[], wire timestamps → Instant)
 *      4. the core operation runs (it may block on storage)
 *      5. the mapper streams the Response through a Jackson JsonGenerator (JSON or CBOR; only
 *         wire.TimestampEncoding differs), or the error becomes {"__type", "message"} (wire.WireCodec)
 *                                                                                             │
 *   socket ◀─ ... ◀─ KinesisRequestHandler.finish, on the channel's event loop ◀──────────────┘
 *                    adds x-amzn-RequestId, x-amz-id-2, Content-Type, Content-Length, Date,
 *                    x-amzn-ErrorType, Connection (ResponseFactory)
 * </pre>
 *
 * <p>Every response, success or error, carries a fresh UUID in {@code x-amzn-RequestId}; errors are
 * always in the Kinesis error shape of the request's encoding (JSON unless the request was CBOR),
 * including those the framework makes itself: 413 for a body over {@code maxRequestBytes}, 503 when
 * no operation thread can take a request, 400 for bytes that are not HTTP. Anything unexpected
 * becomes InternalFailure (500) and is logged once, with the request id, where it is caught.
 *
 * <h2>Threading</h2>
 *
 * <ul>
 *   <li>Event loops ({@code tributary-io-N}) decode, aggregate and write, and never wait. They run
 *       no operation, with one exception: under {@code --durability wal} a PutRecord is answered
 *       on the event loop when nothing has to be waited for ({@code
 *       RequestProcessor.processIfNonBlocking}): one request parsed and one unsynced
 *       write-ahead-log write, with RocksDB's {@code no_slowdown}; otherwise it goes to the pool.
 *   <li>Operations, and the decoding, validation and encoding around them, run on a fixed pool of
 *       {@code operationThreads} threads named {@code tributary-op-N}, with a bounded queue; a
 *       request that finds it full is answered 503 ServiceUnavailable, which the SDKs retry.
 *   <li>The answer is handed back to the connection's event loop, which writes and flushes it.
 *   <li>A connection has one request in progress at a time; pipelined requests wait in order, with
 *       reading paused, so responses leave in request order.
 * </ul>
 *
 * <h2>HTTP/2 and TLS</h2>
 *
 * The first bytes of a plain connection pick HTTP/1.1 or HTTP/2 with prior knowledge
 * ({@code Http2PrefaceDetector}); on the TLS port ALPN picks, and without ALPN the first bytes
 * again. Each HTTP/2 stream is a child channel running {@code Http2StreamFrameToHttpObjectCodec}
 * in front of the same {@code KinesisObjectAggregator} and {@code KinesisRequestHandler}
 * ({@code KinesisChannelInitializer}), so every operation behaves the same over either version.
 *
 * <h2>SubscribeToShard</h2>
 *
 * Its errors before the stream starts are ordinary responses. Its success is a 200 with an
 * {@code application/vnd.amazon.eventstream} body ({@code eventstream.EventStreamCodec}): an
 * {@code initial-response} message, then {@code SubscribeToShardEvent} messages pushed by {@code
 * SubscriptionStreamer} as records are appended (heartbeats when idle, backpressure by channel
 * writability), each one HTTP/1.1 chunk or HTTP/2 DATA frame; errors after the start are {@code
 * exception} messages. The subscription is closed when the stream ends or the client goes away.
 *
 * <h2>What is not checked</h2>
 *
 * SigV4 signatures are not verified: the credential scope is read for its access key (mapped to an
 * account by {@link io.tributary.http.auth.AccountResolver}, such as a fixed
 * {@link io.tributary.http.auth.AccessKeyAccounts} map; unmapped keys use the broker's default
 * account) and its region. Any secret key is accepted.
 */
package io.tributary.http;
