package io.tributary.http;

import io.tributary.core.InMemoryStreamStore;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.tributary.core.Broker;
import io.tributary.core.BrokerConfig;
import io.tributary.http.auth.AccountResolver;
import io.tributary.http.operations.OperationTable;
import io.tributary.http.protocol.RequestProcessor;
import io.tributary.http.validation.ModelValidator;
import io.tributary.http.wire.WireCodec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The whole HTTP/1.1 pipeline on an EmbeddedChannel, fed raw bytes as a client would send them. */
class KinesisPipelineTest {
  private static final String JSON = "application/x-amz-json-1.1";
  private static final String CBOR = "application/x-amz-cbor-1.1";
  private static final String AUTH = "AWS4-HMAC-SHA256 Credential=AKID/20261128/us-east-1/kinesis/aws4_request, "
      + "SignedHeaders=host;x-amz-date;x-amz-target, Signature=00";
  private static final int MAX_REQUEST_BYTES = 1024;
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T08:00:00Z"), ZoneOffset.UTC);

  private final ObjectMapper json = new ObjectMapper();
  private final AtomicInteger ids = new AtomicInteger();
  private final ArrayDeque<Runnable> deferred = new ArrayDeque<>();
  private Executor operations = Runnable::run;
  private final InMemoryStreamStore store = new InMemoryStreamStore(CLOCK);
  private EmbeddedChannel server;
  private EmbeddedChannel client;
  private long budgetBytes = 1L << 30;
  private RequestBudget budget;
  private KinesisChannelInitializer initializer;

  private void open() {
    WireCodec codec = new WireCodec();
    Broker broker = new Broker(store,
        BrokerConfig.defaults().withStreamDelays(Duration.ZERO, Duration.ZERO), CLOCK);
    RequestProcessor processor = new RequestProcessor(OperationTable.of(broker), ModelValidator.load()::validate,
        AccountResolver.defaultAccountOnly(), BrokerConfig.defaults(), codec);
    ResponseFactory responses = new ResponseFactory(codec, CLOCK, () -> "req-" + ids.incrementAndGet());
    budget = new RequestBudget(budgetBytes);
    initializer = new KinesisChannelInitializer(processor, task -> operations.execute(task), responses,
        MAX_REQUEST_BYTES, budget, new DefaultChannelGroup(GlobalEventExecutor.INSTANCE));
    server = new EmbeddedChannel(initializer);
    client = new EmbeddedChannel(new HttpClientCodec(), new HttpObjectAggregator(1 << 20));
  }

  @AfterEach
  void close() {
    if (server != null) {
      server.finishAndReleaseAll();
      client.finishAndReleaseAll();
    }
  }

  private static FullHttpRequest request(String contentType, String target, byte[] body) {
    FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/",
        Unpooled.wrappedBuffer(body));
    request.headers().set(HttpHeaderNames.HOST, "localhost");
    if (contentType != null) {
      request.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
    }
    if (target != null) {
      request.headers().set("X-Amz-Target", target);
    }
    request.headers().set(HttpHeaderNames.AUTHORIZATION, AUTH);
    request.headers().set("X-Amz-Date", "20261128T080000Z");
    request.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
    return request;
  }

  private static FullHttpRequest jsonRequest(String operation, String body) {
    return request(JSON, "Kinesis_20131202." + operation, body.getBytes(StandardCharsets.UTF_8));
  }

  /** The bytes a client would put on the wire for these requests. */
  private ByteBuf encode(FullHttpRequest... requests) {
    for (FullHttpRequest request : requests) {
      client.writeOutbound(request);
    }
    ByteBuf bytes = Unpooled.buffer();
    ByteBuf chunk;
    while ((chunk = client.readOutbound()) != null) {
      bytes.writeBytes(chunk);
      chunk.release();
    }
    return bytes;
  }

  /** Delivers bytes to the server, lets it finish its work, and decodes what it sent back. */
  private List<FullHttpResponse> deliver(ByteBuf bytes) {
    server.writeInbound(bytes);
    return drain();
  }

  private List<FullHttpResponse> drain() {
    server.runPendingTasks();
    Object out;
    while ((out = server.readOutbound()) != null) {
      client.writeInbound(out);
    }
    List<FullHttpResponse> responses = new ArrayList<>();
    FullHttpResponse response;
    while ((response = client.readInbound()) != null) {
      responses.add(response);
    }
    return responses;
  }

  private FullHttpResponse exchange(FullHttpRequest request) {
    List<FullHttpResponse> responses = deliver(encode(request));
    assertEquals(1, responses.size());
    return responses.get(0);
  }

  private JsonNode jsonBody(FullHttpResponse response) throws Exception {
    return json.readTree(ByteBufUtil.getBytes(response.content()));
  }

  private static void assertKinesisHeaders(String requestId, FullHttpResponse response) {
    assertEquals(requestId, response.headers().get("x-amzn-RequestId"));
    assertEquals(72, Base64.getDecoder().decode(response.headers().get("x-amz-id-2")).length);
    assertEquals("Sat, 28 Nov 2026 08:00:00 GMT", response.headers().get(HttpHeaderNames.DATE));
    assertEquals(String.valueOf(response.content().readableBytes()),
        response.headers().get(HttpHeaderNames.CONTENT_LENGTH));
  }

  private void assertError(int status, String type, String requestId, FullHttpResponse response) throws Exception {
    assertEquals(status, response.status().code(), () -> response.content().toString(StandardCharsets.UTF_8));
    assertKinesisHeaders(requestId, response);
    assertEquals(type + ":", response.headers().get("x-amzn-ErrorType"));
    assertEquals(type, jsonBody(response).get("__type").textValue());
  }

  @Test
  void successfulResponseCarriesEveryKinesisHeader() throws Exception {
    open();
    FullHttpResponse response = exchange(jsonRequest("ListStreams", "{}"));
    assertEquals(200, response.status().code());
    assertKinesisHeaders("req-1", response);
    assertEquals(JSON, response.headers().get(HttpHeaderNames.CONTENT_TYPE));
    assertNull(response.headers().get("x-amzn-ErrorType"));
    assertEquals("{\"StreamNames\":[],\"HasMoreStreams\":false,\"StreamSummaries\":[]}",
        response.content().toString(StandardCharsets.UTF_8));
    response.release();
  }

  @Test
  void connectionStaysUsableAfterEveryFrameworkError() throws Exception {
    open();
    assertError(400, "UnknownOperationException", "req-1", exchange(jsonRequest("Frobnicate", "{}")));
    assertError(400, "UnknownOperationException", "req-2",
        exchange(request(JSON, null, "{}".getBytes(StandardCharsets.UTF_8))));
    assertError(404, "UnknownOperationException", "req-3",
        exchange(request("text/plain", "Kinesis_20131202.ListStreams", "{}".getBytes(StandardCharsets.UTF_8))));
    assertError(400, "SerializationException", "req-4", exchange(jsonRequest("ListStreams", "{\"Limit\":")));
    FullHttpResponse badCbor = exchange(request(CBOR, "Kinesis_20131202.ListStreams", Hex.bytes("bf 64 44")));
    assertEquals(400, badCbor.status().code());
    assertEquals(CBOR, badCbor.headers().get(HttpHeaderNames.CONTENT_TYPE));
    assertEquals("SerializationException", new CBORMapper().readTree(ByteBufUtil.getBytes(badCbor.content()))
        .get("__type").textValue());
    FullHttpResponse wrongType = exchange(jsonRequest("ListStreams", "{\"Limit\":\"ten\"}"));
    assertError(400, "SerializationException", "req-6", wrongType);
    assertEquals("class java.lang.String can not be converted to an Integer",
        jsonBody(wrongType).get("Message").textValue());
    FullHttpRequest unsigned = jsonRequest("ListStreams", "{}");
    unsigned.headers().remove(HttpHeaderNames.AUTHORIZATION);
    assertError(400, "MissingAuthenticationTokenException", "req-7", exchange(unsigned));
    assertError(400, "ValidationException", "req-8", exchange(jsonRequest("ListStreams", "{\"Limit\":0}")));
    assertError(400, "ValidationException", "req-9", exchange(jsonRequest("SubscribeToShard", "{}")));
    assertEquals(200, exchange(jsonRequest("ListStreams", "{}")).status().code());
    assertTrue(server.isOpen());
  }

  @Test
  void oversizedJsonBodyGets413InTheKinesisShapeAndTheConnectionStaysUsable() throws Exception {
    open();
    byte[] big = ("{\"StreamName\":\"" + "a".repeat(MAX_REQUEST_BYTES) + "\"}").getBytes(StandardCharsets.UTF_8);
    FullHttpResponse response = exchange(request(JSON, "Kinesis_20131202.CreateStream", big));
    assertError(413, "RequestEntityTooLargeException", "req-1", response);
    assertEquals("Request body must not exceed 1024 bytes.", jsonBody(response).get("message").textValue());
    assertTrue(server.isOpen());
    assertEquals(200, exchange(jsonRequest("ListStreams", "{}")).status().code());
  }

  @Test
  void oversizedCborBodyGets413InCbor() throws Exception {
    open();
    FullHttpResponse response = exchange(request(CBOR, "Kinesis_20131202.PutRecord", new byte[MAX_REQUEST_BYTES + 1]));
    assertEquals(413, response.status().code());
    assertEquals(CBOR, response.headers().get(HttpHeaderNames.CONTENT_TYPE));
    assertEquals("RequestEntityTooLargeException",
        new CBORMapper().readTree(ByteBufUtil.getBytes(response.content())).get("__type").textValue());
  }

  @Test
  void oversizedRequestExpectingContinueGets413InsteadOf100() throws Exception {
    open();
    ByteBuf head = Unpooled.copiedBuffer("POST / HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + JSON
        + "\r\nX-Amz-Target: Kinesis_20131202.PutRecord\r\nExpect: 100-continue\r\nContent-Length: 5000\r\n\r\n",
        StandardCharsets.US_ASCII);
    client.writeOutbound(jsonRequest("ListStreams", "{}")); // primes the client codec to expect a response
    client.readOutbound();
    List<FullHttpResponse> responses = deliver(head);
    assertEquals(1, responses.size());
    assertError(413, "RequestEntityTooLargeException", "req-1", responses.get(0));
    assertTrue(server.isOpen());
    assertEquals(200, exchange(jsonRequest("ListStreams", "{}")).status().code());
  }

  @Test
  void requestExpectingContinueWithinTheLimitGetsContinueThenItsAnswer() {
    open();
    ByteBuf head = Unpooled.copiedBuffer("POST / HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + JSON
        + "\r\nX-Amz-Target: Kinesis_20131202.ListStreams\r\nAuthorization: " + AUTH
        + "\r\nX-Amz-Date: 20261128T080000Z\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n",
        StandardCharsets.US_ASCII);
    server.writeInbound(head);
    ByteBuf continued = server.readOutbound();
    assertEquals("HTTP/1.1 100 Continue\r\n\r\n", continued.toString(StandardCharsets.US_ASCII));
    continued.release();
    server.writeInbound(Unpooled.copiedBuffer("{}", StandardCharsets.US_ASCII));
    server.runPendingTasks();
    ByteBuf answer = server.readOutbound();
    assertTrue(answer.toString(StandardCharsets.US_ASCII).startsWith("HTTP/1.1 200 OK\r\n"));
    answer.release();
  }

  @Test
  void chunkedBodyOverTheLimitGets413AndTheConnectionCloses() throws Exception {
    open();
    String chunk = "a".repeat(600);
    ByteBuf bytes = Unpooled.copiedBuffer("POST / HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + JSON
        + "\r\nX-Amz-Target: Kinesis_20131202.PutRecord\r\nTransfer-Encoding: chunked\r\n\r\n"
        + "258\r\n" + chunk + "\r\n258\r\n" + chunk + "\r\n0\r\n\r\n", StandardCharsets.US_ASCII);
    client.writeOutbound(jsonRequest("ListStreams", "{}"));
    client.readOutbound();
    List<FullHttpResponse> responses = deliver(bytes);
    assertEquals(1, responses.size());
    assertError(413, "RequestEntityTooLargeException", "req-1", responses.get(0));
    assertEquals("close", responses.get(0).headers().get(HttpHeaderNames.CONNECTION));
    assertFalse(server.isOpen());
  }

  @Test
  void connectionCloseRequestIsAnsweredThenClosed() {
    open();
    FullHttpRequest request = jsonRequest("ListStreams", "{}");
    request.headers().set(HttpHeaderNames.CONNECTION, "close");
    FullHttpResponse response = exchange(request);
    assertEquals(200, response.status().code());
    assertEquals("close", response.headers().get(HttpHeaderNames.CONNECTION));
    assertFalse(server.isOpen());
  }

  @Test
  void malformedHttpGets400AndTheConnectionCloses() {
    open();
    server.writeInbound(Unpooled.copiedBuffer("POST / HTTP/1.1\r\nContent-Length: nope\r\n\r\n",
        StandardCharsets.US_ASCII));
    server.runPendingTasks();
    ByteBuf answer = server.readOutbound();
    assertNotNull(answer);
    String text = answer.toString(StandardCharsets.US_ASCII);
    answer.release();
    assertTrue(text.startsWith("HTTP/1.1 400 Bad Request\r\n"), text);
    assertTrue(text.contains("x-amzn-RequestId: req-1\r\n"), text);
    assertTrue(text.contains("connection: close\r\n"), text);
    assertFalse(server.isOpen());
  }

  @Test
  void pipelinedRequestsAreAnsweredInOrderOneAtATime() throws Exception {
    operations = deferred::add;
    open();
    server.writeInbound(encode(jsonRequest("ListStreams", "{}"), jsonRequest("Frobnicate", "{}"),
        jsonRequest("ListStreams", "{\"Limit\":0}")));
    assertEquals(1, deferred.size(), "only the first request runs");
    assertFalse(server.config().isAutoRead(), "reading pauses while requests wait");
    List<FullHttpResponse> responses = new ArrayList<>();
    while (!deferred.isEmpty()) {
      deferred.poll().run();
      responses.addAll(drain());
    }
    assertEquals(3, responses.size());
    assertEquals(200, responses.get(0).status().code());
    assertError(400, "UnknownOperationException", "req-2", responses.get(1));
    assertError(400, "ValidationException", "req-3", responses.get(2));
    assertTrue(server.config().isAutoRead(), "reading resumes once every request is answered");
  }

  @Test
  void requestThatNoOperationThreadTakesGets503() throws Exception {
    operations = task -> {
      throw new RejectedExecutionException("full");
    };
    open();
    FullHttpResponse response = exchange(jsonRequest("ListStreams", "{}"));
    assertError(503, "ServiceUnavailable", "req-1", response);
    assertTrue(server.isOpen());
  }

  /** A ListStreams request whose JSON body is exactly {@code bytes} long. */
  private static FullHttpRequest listStreamsOf(int bytes) {
    return jsonRequest("ListStreams", "{" + " ".repeat(bytes - 2) + "}");
  }

  @Test
  void requestThatWouldGoOverTheRequestBudgetGets503AndTheConnectionStaysUsable() throws Exception {
    budgetBytes = 100;
    operations = deferred::add;
    open();
    // Connection 1: 60 bytes admitted; its operation has not run, so they stay held.
    EmbeddedChannel first = server;
    assertEquals(List.of(), deliver(encode(listStreamsOf(60))));
    assertEquals(60, budget.held());

    // Connection 2: 60 more would go over. The body arrives in two pieces and is discarded; the
    // answer comes once all of it has been read.
    server = new EmbeddedChannel(initializer);
    ByteBuf refused = encode(listStreamsOf(60));
    assertEquals(List.of(), deliver(refused.readRetainedSlice(refused.readableBytes() - 20)));
    assertEquals(List.of(), deliver(refused));
    assertEquals(2, deferred.size());
    deferred.pollLast().run(); // the 503, made on an operation thread like every answer
    List<FullHttpResponse> responses = drain();
    assertEquals(1, responses.size());
    assertError(503, "ServiceUnavailable", "req-2", responses.get(0));
    assertEquals("The server is overloaded or shutting down; retry the request.",
        jsonBody(responses.get(0)).get("message").textValue());
    assertEquals(60, budget.held(), "a refused request takes nothing");
    assertTrue(server.isOpen());

    // Once the first request is answered its bytes are back, and the same request is admitted.
    deferred.poll().run();
    first.runPendingTasks();
    assertEquals(0, budget.held());
    operations = Runnable::run;
    FullHttpResponse admitted = exchange(listStreamsOf(60));
    assertEquals(200, admitted.status().code(), () -> admitted.content().toString(StandardCharsets.UTF_8));
    assertEquals(0, budget.held());
    first.finishAndReleaseAll();
  }

  @Test
  void requestOverTheSizeLimitGets413EvenWhenTheBudgetIsSpent() throws Exception {
    budgetBytes = 100;
    operations = deferred::add;
    open();
    EmbeddedChannel first = server;
    assertEquals(List.of(), deliver(encode(listStreamsOf(60))));
    server = new EmbeddedChannel(initializer);
    FullHttpRequest oversized = request(JSON, "Kinesis_20131202.PutRecord", new byte[MAX_REQUEST_BYTES + 1]);
    assertEquals(List.of(), deliver(encode(oversized)));
    deferred.pollLast().run();
    List<FullHttpResponse> responses = drain();
    assertEquals(1, responses.size());
    assertEquals(413, responses.get(0).status().code());
    assertEquals(60, budget.held(), "the oversized request took nothing");
    first.finishAndReleaseAll();
  }

  @Test
  void requestLargerThanTheWholeBudgetIsAdmittedWhenNothingElseIsHeld() {
    budgetBytes = 10;
    open();
    FullHttpResponse response = exchange(listStreamsOf(60));
    assertEquals(200, response.status().code());
    assertEquals(0, budget.held());
  }

  @Test
  void bytesOfARequestCutOffMidBodyGoBackWhenTheConnectionCloses() {
    budgetBytes = 100;
    open();
    ByteBuf bytes = encode(listStreamsOf(80));
    assertEquals(List.of(), deliver(bytes.readRetainedSlice(bytes.readableBytes() - 30)));
    bytes.release();
    assertEquals(80, budget.held());
    server.close();
    assertEquals(0, budget.held());
  }

  @Test
  void bytesOfPipelinedRequestsDroppedByAClosingConnectionGoBack() {
    budgetBytes = 1000;
    operations = deferred::add;
    open();
    FullHttpRequest closing = listStreamsOf(50);
    closing.headers().set(HttpHeaderNames.CONNECTION, "close");
    assertEquals(List.of(), deliver(encode(closing, listStreamsOf(70))));
    assertEquals(120, budget.held());
    deferred.poll().run();
    List<FullHttpResponse> responses = drain();
    assertEquals(1, responses.size());
    assertEquals(0, budget.held(), "the answered request's bytes and the dropped one's are back");
  }

  @Test
  void createPutAndGetRoundTripThroughThePipeline() throws Exception {
    open();
    assertEquals(200, exchange(jsonRequest("CreateStream", "{\"StreamName\":\"orders\",\"ShardCount\":1}")).status().code());
    FullHttpResponse put = exchange(jsonRequest("PutRecord",
        "{\"StreamName\":\"orders\",\"Data\":\"aGVsbG8=\",\"PartitionKey\":\"pk\"}"));
    assertEquals(200, put.status().code(), () -> put.content().toString(StandardCharsets.UTF_8));
    assertEquals("shardId-000000000000", jsonBody(put).get("ShardId").textValue());
    String iterator = jsonBody(exchange(jsonRequest("GetShardIterator",
        "{\"StreamName\":\"orders\",\"ShardId\":\"shardId-000000000000\",\"ShardIteratorType\":\"TRIM_HORIZON\"}")))
        .get("ShardIterator").textValue();
    JsonNode records = jsonBody(exchange(jsonRequest("GetRecords", "{\"ShardIterator\":\"" + iterator + "\"}")));
    assertEquals(1, records.get("Records").size());
    JsonNode record = records.get("Records").get(0);
    assertArrayEquals("hello".getBytes(StandardCharsets.US_ASCII), Base64.getDecoder().decode(record.get("Data").textValue()));
    assertEquals(jsonBody(put).get("SequenceNumber"), record.get("SequenceNumber"));
    assertEquals("1.7958528E9", record.get("ApproximateArrivalTimestamp").toString());
  }

  @Test
  void putRecordIsAnsweredOnTheEventLoopWhenTheStoreCanAppendWithoutBlocking() throws Exception {
    store.appendsWithoutBlocking(true);
    open();
    exchange(jsonRequest("CreateStream", "{\"StreamName\":\"orders\",\"ShardCount\":1}"));
    operations = deferred::add;

    List<FullHttpResponse> put = deliver(encode(jsonRequest("PutRecord",
        "{\"StreamName\":\"orders\",\"Data\":\"aGVsbG8=\",\"PartitionKey\":\"pk\"}")));

    assertTrue(deferred.isEmpty(), "no operation thread was used");
    assertEquals(1, put.size());
    assertEquals(200, put.get(0).status().code());
    assertEquals("shardId-000000000000", jsonBody(put.get(0)).get("ShardId").textValue());
    assertTrue(server.config().isAutoRead());
  }

  @Test
  void putRecordGoesToAnOperationThreadWhenTheStoreMayBlock() throws Exception {
    open();
    exchange(jsonRequest("CreateStream", "{\"StreamName\":\"orders\",\"ShardCount\":1}"));
    operations = deferred::add;

    List<FullHttpResponse> before = deliver(encode(jsonRequest("PutRecord",
        "{\"StreamName\":\"orders\",\"Data\":\"aGVsbG8=\",\"PartitionKey\":\"pk\"}")));
    assertTrue(before.isEmpty());
    assertEquals(1, deferred.size());
    deferred.poll().run();

    List<FullHttpResponse> after = drain();
    assertEquals(1, after.size());
    assertEquals(200, after.get(0).status().code());
  }

  @Test
  void pipelinedRequestsMixingEventLoopAndOperationThreadAnswersStayInOrder() throws Exception {
    store.appendsWithoutBlocking(true);
    open();
    exchange(jsonRequest("CreateStream", "{\"StreamName\":\"orders\",\"ShardCount\":1}"));
    operations = deferred::add;
    String put = "{\"StreamName\":\"orders\",\"Data\":\"aGVsbG8=\",\"PartitionKey\":\"pk\"}";

    List<FullHttpResponse> responses = new ArrayList<>(deliver(encode(jsonRequest("PutRecord", put),
        jsonRequest("ListStreams", "{}"), jsonRequest("PutRecord", put), jsonRequest("PutRecord", "{}"))));
    assertEquals(1, responses.size(), "the first PutRecord at once; ListStreams waits for a thread");
    while (!deferred.isEmpty()) {
      deferred.poll().run();
      responses.addAll(drain());
    }

    assertEquals(4, responses.size());
    assertEquals(List.of("req-2", "req-3", "req-4", "req-5"),
        responses.stream().map(r -> r.headers().get("x-amzn-RequestId")).toList());
    assertTrue(jsonBody(responses.get(1)).has("StreamNames"));
    assertTrue(jsonBody(responses.get(0)).get("SequenceNumber").textValue()
        .compareTo(jsonBody(responses.get(2)).get("SequenceNumber").textValue()) < 0);
    assertError(400, "ValidationException", "req-5", responses.get(3));
  }

  @Test
  void updateShardCountThroughThePipelineReshapesTheStream() throws Exception {
    open();
    exchange(jsonRequest("CreateStream", "{\"StreamName\":\"orders\",\"ShardCount\":1}"));
    FullHttpResponse update = exchange(jsonRequest("UpdateShardCount",
        "{\"StreamName\":\"orders\",\"TargetShardCount\":2,\"ScalingType\":\"UNIFORM_SCALING\"}"));
    assertEquals(200, update.status().code(), () -> update.content().toString(StandardCharsets.UTF_8));
    assertEquals(2, jsonBody(update).get("TargetShardCount").intValue());
    JsonNode shards = jsonBody(exchange(jsonRequest("ListShards", "{\"StreamName\":\"orders\"}"))).get("Shards");
    assertEquals(3, shards.size(), shards::toString);
    assertTrue(shards.get(0).get("SequenceNumberRange").has("EndingSequenceNumber"), "the parent is closed");
  }

  @Test
  void closeWhenIdleClosesAnIdleConnectionAfterItsLastResponse() {
    open();
    exchange(jsonRequest("ListStreams", "{}"));
    server.pipeline().fireUserEventTriggered(KinesisRequestHandler.CloseWhenIdle.INSTANCE);
    server.runPendingTasks();
    assertFalse(server.isOpen());
  }
}
