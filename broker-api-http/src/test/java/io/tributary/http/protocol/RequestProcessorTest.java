package io.tributary.http.protocol;

import io.tributary.core.InMemoryStreamStore;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.tributary.core.Broker;
import io.tributary.core.BrokerConfig;
import io.tributary.core.RequestContext;
import io.tributary.core.error.KinesisException;
import io.tributary.core.model.StreamName;
import io.tributary.core.operations.ListStreams;
import io.tributary.http.Hex;
import io.tributary.http.auth.AccountResolver;
import io.tributary.http.operations.OperationBinding;
import io.tributary.http.operations.OperationMapper;
import io.tributary.http.operations.OperationTable;
import io.tributary.http.wire.WireCodec;
import io.tributary.http.wire.WireFormat;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class RequestProcessorTest {
  private static final String JSON = "application/x-amz-json-1.1";
  private static final String CBOR = "application/x-amz-cbor-1.1";
  private static final String LIST_STREAMS = "Kinesis_20131202.ListStreams";
  private static final String AUTH = "AWS4-HMAC-SHA256 Credential=AKID/20261128/eu-west-1/kinesis/aws4_request, "
      + "SignedHeaders=host;x-amz-date, Signature=00";

  private final AtomicReference<RequestContext> seen = new AtomicReference<>();
  private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

  /** ListStreams wired to an operation the test controls, with the real ListStreams mapper. */
  private RequestProcessor processor(AccountResolver accounts) {
    OperationMapper<ListStreams.Request, ListStreams.Response> mapper = realListStreamsMapper();
    OperationBinding<ListStreams.Request, ListStreams.Response> binding = new OperationBinding<>("ListStreams", mapper,
        (context, request) -> {
          seen.set(context);
          if (failure.get() != null) {
            throw failure.get();
          }
          return new ListStreams.Response(List.of(new StreamName("orders")), false, Optional.empty(), List.of());
        });
    return new RequestProcessor(OperationTable.of(List.of(binding)), (operation, body, format) -> { }, accounts,
        BrokerConfig.defaults(), new WireCodec());
  }

  /** The real ListStreams mapper, taken from the table a broker over an empty store gets. */
  private static OperationMapper<ListStreams.Request, ListStreams.Response> realListStreamsMapper() {
    Broker broker = new Broker(new InMemoryStreamStore(Clock.systemUTC()), BrokerConfig.defaults(), Clock.systemUTC());
    @SuppressWarnings("unchecked")
    OperationMapper<ListStreams.Request, ListStreams.Response> mapper =
        (OperationMapper<ListStreams.Request, ListStreams.Response>)
            OperationTable.of(broker).binding("ListStreams").orElseThrow().mapper();
    return mapper;
  }

  private KinesisResponse send(String method, String contentType, String target, String authorization, byte[] body) {
    return (KinesisResponse) processor(AccountResolver.defaultAccountOnly()).process(new KinesisRequest("req-1",
        method, "/", Optional.ofNullable(contentType), Optional.ofNullable(target), Optional.ofNullable(authorization),
        true, body));
  }

  private KinesisResponse post(String contentType, String target, String body) {
    return send("POST", contentType, target, AUTH, body.getBytes(StandardCharsets.UTF_8));
  }

  private static void assertJson(int status, String type, String body, KinesisResponse response) {
    assertEquals(status, response.status());
    assertEquals(JSON, response.contentType());
    assertEquals(Optional.of(type), response.errorType());
    assertEquals(body, new String(response.body(), StandardCharsets.UTF_8));
  }

  @Test
  void signedJsonRequestIsAnsweredInJson() {
    KinesisResponse response = post(JSON, LIST_STREAMS, "{}");
    assertEquals(200, response.status());
    assertEquals(JSON, response.contentType());
    assertEquals(Optional.empty(), response.errorType());
    assertEquals("{\"StreamNames\":[\"orders\"],\"HasMoreStreams\":false,\"StreamSummaries\":[]}",
        new String(response.body(), StandardCharsets.UTF_8));
  }

  @Test
  void signedCborRequestIsAnsweredInCbor() {
    KinesisResponse response = send("POST", CBOR, LIST_STREAMS, AUTH, Hex.bytes("bf ff"));
    assertEquals(200, response.status());
    assertEquals(CBOR, response.contentType());
    assertEquals(Hex.of(Hex.bytes("""
        bf
          6b 53 74 72 65 61 6d 4e 61 6d 65 73   9f 66 6f 72 64 65 72 73 ff
          6e 48 61 73 4d 6f 72 65 53 74 72 65 61 6d 73   f4
          6f 53 74 72 65 61 6d 53 75 6d 6d 61 72 69 65 73   9f ff
        ff""")), Hex.of(response.body()));
  }

  @Test
  void contentTypeParametersAreIgnored() {
    assertEquals(200, post(JSON + "; charset=utf-8", LIST_STREAMS, "{}").status());
  }

  @Test
  void regionComesFromTheCredentialScopeAndAccountFromTheKey() {
    processor(key -> key.equals("AKID") ? Optional.of("123456789012") : Optional.empty()).process(new KinesisRequest(
        "req-7", "POST", "/", Optional.of(JSON), Optional.of(LIST_STREAMS), Optional.of(AUTH), true,
        "{}".getBytes(StandardCharsets.UTF_8)));
    assertEquals(new RequestContext("req-7", "123456789012", "eu-west-1"), seen.get());
  }

  @Test
  void unknownKeyAndScopeWithoutRegionUseTheDefaults() {
    send("POST", JSON, LIST_STREAMS, "AWS4-HMAC-SHA256 Credential=AKID, SignedHeaders=host, Signature=0",
        "{}".getBytes(StandardCharsets.UTF_8));
    assertEquals(new RequestContext("req-1", "000000000000", "us-east-1"), seen.get());
  }

  @Test
  void methodOtherThanPostIsAccessDenied() {
    assertJson(403, "AccessDeniedException", "{\"__type\":\"AccessDeniedException\","
        + "\"message\":\"Unable to determine service/operation name to be authorized\"}",
        send("GET", JSON, LIST_STREAMS, AUTH, new byte[0]));
  }

  @Test
  void emptyBodyIsSerializationExceptionWithoutMessage() {
    assertJson(400, "SerializationException", "{\"__type\":\"SerializationException\"}", post(JSON, LIST_STREAMS, ""));
  }

  @Test
  void emptyBodyIsAnsweredInCborUnlessTheContentTypeIsJson() {
    KinesisResponse response = post("text/plain", LIST_STREAMS, "");
    assertEquals(400, response.status());
    assertEquals(CBOR, response.contentType());
    assertEquals(Hex.of(new WireCodec().writeError(WireFormat.CBOR,
        io.tributary.http.wire.WireError.withoutMessage(io.tributary.core.error.ErrorCode.SERIALIZATION))),
        Hex.of(response.body()));
  }

  @Test
  void emptyBodyWithUnknownTargetIsUnknownOperation() {
    assertJson(400, "UnknownOperationException", "{\"__type\":\"UnknownOperationException\"}",
        post(JSON, "Kinesis_20131202.ListStream", ""));
  }

  @Test
  void unsupportedContentTypeWithoutTargetIsAccessDenied() {
    assertJson(403, "AccessDeniedException", "{\"__type\":\"AccessDeniedException\","
        + "\"message\":\"Unable to determine service/operation name to be authorized\"}",
        post("application/x-amz-json-1.0", null, "{}"));
  }

  @Test
  void unsupportedContentTypeWithTargetIsUnknownOperationNotFound() {
    assertJson(404, "UnknownOperationException", "{\"__type\":\"UnknownOperationException\"}",
        post("text/plain", LIST_STREAMS, "{}"));
  }

  @Test
  void malformedJsonIsSerializationException() {
    assertJson(400, "SerializationException", "{\"__type\":\"SerializationException\"}",
        post(JSON, LIST_STREAMS, "{\"StreamName\":"));
    assertJson(400, "SerializationException", "{\"__type\":\"SerializationException\"}", post(JSON, LIST_STREAMS, "[]"));
    assertJson(400, "SerializationException", "{\"__type\":\"SerializationException\"}",
        post(JSON, LIST_STREAMS, "hello"));
  }

  @Test
  void malformedCborIsSerializationExceptionInCbor() {
    KinesisResponse response = send("POST", CBOR, LIST_STREAMS, AUTH, Hex.bytes("bf 64 44 61"));
    assertEquals(400, response.status());
    assertEquals(CBOR, response.contentType());
    assertEquals(Optional.of("SerializationException"), response.errorType());
  }

  @Test
  void plainJsonContentTypeGetsCoralShapedErrors() {
    KinesisResponse badBody = post("application/json", LIST_STREAMS, "hello");
    assertEquals(400, badBody.status());
    assertEquals("application/json", badBody.contentType());
    assertEquals("{\"Output\":{\"__type\":\"com.amazon.coral.service#SerializationException\"},\"Version\":\"1.0\"}",
        new String(badBody.body(), StandardCharsets.UTF_8));
    KinesisResponse goodBody = post("application/json", LIST_STREAMS, "{}");
    assertEquals(404, goodBody.status());
    assertEquals("{\"Output\":{\"__type\":\"com.amazon.coral.service#UnknownOperationException\"},\"Version\":\"1.0\"}",
        new String(goodBody.body(), StandardCharsets.UTF_8));
  }

  @Test
  void missingOrForeignTargetIsUnknownOperation() {
    assertJson(400, "UnknownOperationException", "{\"__type\":\"UnknownOperationException\"}", post(JSON, null, "{}"));
    assertJson(400, "UnknownOperationException", "{\"__type\":\"UnknownOperationException\"}",
        post(JSON, "DynamoDB_20120810.ListTables", "{}"));
    assertJson(400, "UnknownOperationException", "{\"__type\":\"UnknownOperationException\"}",
        post(JSON, "Kinesis_20131202.Frobnicate", "{}"));
  }

  @Test
  void missingAuthorizationIsMissingAuthenticationToken() {
    assertJson(400, "MissingAuthenticationTokenException", "{\"__type\":\"MissingAuthenticationTokenException\","
        + "\"message\":\"Missing Authentication Token\"}",
        send("POST", JSON, LIST_STREAMS, null, "{}".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void modelOperationNotImplementedYetIsUnknownOperationWithAMessage() {
    assertJson(400, "UnknownOperationException", "{\"__type\":\"UnknownOperationException\","
        + "\"message\":\"Tributary does not implement AddTagsToStream yet.\"}",
        post(JSON, "Kinesis_20131202.AddTagsToStream", "{}"));
  }

  @Test
  void memberOfWrongTypeIsSerializationException() {
    assertJson(400, "SerializationException", "{\"__type\":\"SerializationException\","
        + "\"Message\":\"class java.lang.String can not be converted to an Integer\"}",
        post(JSON, LIST_STREAMS, "{\"Limit\":\"ten\"}"));
  }

  @Test
  void validatorsErrorReachesTheClientBeforeTheOperationRuns() {
    RequestProcessor strict = new RequestProcessor(
        OperationTable.of(List.of(new OperationBinding<>("ListStreams", realListStreamsMapper(), (c, r) -> {
          throw new AssertionError("must not run");
        }))),
        (operation, body, format) -> {
          throw KinesisException.validation("1 validation error detected: Value '0' at 'limit' failed to satisfy "
              + "constraint: Member must have value greater than or equal to 1");
        },
        AccountResolver.defaultAccountOnly(), BrokerConfig.defaults(), new WireCodec());
    KinesisResponse response = (KinesisResponse) strict.process(new KinesisRequest("r", "POST", "/", Optional.of(JSON),
        Optional.of(LIST_STREAMS), Optional.of(AUTH), true, "{\"Limit\":0}".getBytes(StandardCharsets.UTF_8)));
    assertJson(400, "ValidationException", "{\"__type\":\"ValidationException\",\"message\":\"1 validation error "
        + "detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or "
        + "equal to 1\"}", response);
  }

  @Test
  void domainErrorIsAnsweredWithItsTypeAndMessage() {
    failure.set(KinesisException.resourceNotFound("Stream orders under account 000000000000 not found."));
    assertJson(400, "ResourceNotFoundException", "{\"__type\":\"ResourceNotFoundException\","
        + "\"message\":\"Stream orders under account 000000000000 not found.\"}", post(JSON, LIST_STREAMS, "{}"));
  }

  @Test
  void unexpectedFailureIsInternalFailureLoggedOnceWithTheRequestId() {
    Logger logger = (Logger) LoggerFactory.getLogger(RequestProcessor.class);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);
    logger.setAdditive(false);
    try {
      failure.set(new IllegalStateException("disk on fire"));
      KinesisResponse response = post(JSON, LIST_STREAMS, "{}");
      assertJson(500, "InternalFailure", "{\"__type\":\"InternalFailure\",\"message\":\"Internal service failure.\"}",
          response);
      assertEquals(1, appender.list.size());
      ILoggingEvent event = appender.list.get(0);
      assertEquals(Level.ERROR, event.getLevel());
      assertTrue(event.getFormattedMessage().contains("req-1"), event.getFormattedMessage());
      assertEquals("disk on fire", event.getThrowableProxy().getMessage());
    } finally {
      logger.setAdditive(true);
      logger.detachAppender(appender);
    }
  }

  @Test
  void targetIsSplitAtItsDotsAsAwsSplitsIt() {
    assertEquals(200, post(JSON, LIST_STREAMS + ".ignored", "{}").status());
  }

  @Test
  void presignedQueryParametersAreDecoded() {
    assertEquals(java.util.Map.of("X-Amz-Credential", "AKID/20261128/us-west-2/kinesis/aws4_request", "a", ""),
        RequestProcessor.queryParameters("/?X-Amz-Credential=AKID%2F20261128%2Fus-west-2%2Fkinesis%2Faws4_request&a"));
  }
}
