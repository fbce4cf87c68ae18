/**
 * The Kinesis HTTP endpoint: Amazon Kinesis's JSON 1.1 and CBOR wire protocols over HTTP/1.1, on
 * Netty, in front of a {@link io.tributary.core.Broker}.
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
 *   <li>Event loops ({@code tributary-io-N}) only decode, aggregate and write; they never run an
 *       operation, decode a body or wait.
 *   <li>Operations, and the decoding, validation and encoding around them, run on a fixed pool of
 *       {@code operationThreads} threads named {@code tributary-op-N}, with a bounded queue; a
 *       request that finds it full is answered 503 ServiceUnavailable, which the SDKs retry.
 *   <li>The answer is handed back to the connection's event loop, which writes and flushes it.
 *   <li>A connection has one request in progress at a time; pipelined requests wait in order, with
 *       reading paused, so responses leave in request order.
 * </ul>
 *
 * <h2>HTTP/2</h2>
 *
 * {@code KinesisObjectAggregator} and {@code KinesisRequestHandler} see only full requests and
 * responses; an HTTP/2 stream channel can reuse them behind {@code Http2StreamFrameToHttpObjectCodec}
 * ({@code KinesisChannelInitializer#addExchangeStages}).
 *
 * <h2>What is not checked</h2>
 *
 * SigV4 signatures are not verified: the credential scope is read for its access key (mapped to an
 * account by {@link io.tributary.http.auth.AccountResolver}, such as a fixed
 * {@link io.tributary.http.auth.AccessKeyAccounts} map; unmapped keys use the broker's default
 * account) and its region. Any secret key is accepted.
 */
package io.tributary.http;
