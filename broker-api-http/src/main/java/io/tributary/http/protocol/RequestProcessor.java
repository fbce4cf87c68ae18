package io.tributary.http.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.core.BrokerConfig;
import io.tributary.core.RequestContext;
import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.KinesisException;
import io.tributary.core.operations.ShardSubscription;
import io.tributary.core.operations.SubscribeToShard;
import io.tributary.http.auth.AccountResolver;
import io.tributary.http.auth.Caller;
import io.tributary.http.auth.CrossAccountAccess;
import io.tributary.http.auth.SigV4Credentials;
import io.tributary.http.operations.OperationBinding;
import io.tributary.http.operations.OperationTable;
import io.tributary.http.operations.SubscriptionBinding;
import io.tributary.http.wire.BlobPaths;
import io.tributary.http.wire.WireCodec;
import io.tributary.http.wire.WireError;
import io.tributary.http.wire.WireFormat;
import io.tributary.http.wire.WireObject;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kinesis protocol from request bytes to response bytes: checks the request in the order
 * AWS's front end does, decodes, validates and maps the body, runs the operation and encodes
 * its answer or error.
 *
 * <p>The checks, their order and their answers follow AWS as kinesalite records it (index.js,
 * {@code httpHandler}):
 *
 * <ol>
 *   <li>A method other than POST: 403 AccessDeniedException.
 *   <li>An empty body: 400 SerializationException (UnknownOperationException if the target is
 *       not a Kinesis operation), without a message, in JSON if the content type is
 *       {@code application/x-amz-json-1.1} and in CBOR otherwise.
 *   <li>A content type other than JSON 1.1, CBOR 1.1 or {@code application/json}: 403
 *       AccessDeniedException if the target lacks a service or operation part, else 404
 *       UnknownOperationException. (AWS answers these two in XML; Tributary keeps its one error
 *       shape and answers in JSON, with the same status and type.)
 *   <li>A body that is not one JSON object (or CBOR map): 400 SerializationException.
 *   <li>{@code application/json}: AWS accepts the content type but serves no operation under
 *       it, answering in the older Coral shape (400 SerializationException for a bad body, 404
 *       UnknownOperationException otherwise). Tributary answers the same.
 *   <li>A target that is not {@code Kinesis_20131202.<operation of the model>}: 400
 *       UnknownOperationException.
 *   <li>Missing or incomplete SigV4 credentials: see {@link SigV4Credentials}.
 * </ol>
 *
 * <p>Then an operation of the model that Tributary does not implement yet answers 400
 * UnknownOperationException, "Tributary does not implement X yet.": a 4xx so that no SDK
 * retries it, with a type every client maps to a plain service error. The rest is validated,
 * refused if it names another account's resource by ARN ({@link CrossAccountAccess}), mapped
 * and run; a {@link KinesisException} becomes its error, and anything else an
 * InternalFailure (500), logged once, here, with the request id.
 *
 * <p>SubscribeToShard goes through the same checks; its success is not a body but an open
 * subscription ({@link SubscriptionAnswer}) for the transport to stream. Its errors up to that
 * point (unknown consumer, slot taken, bad position) are ordinary error responses, as AWS's are
 * (HTTP 400 before the event stream starts).
 *
 * <p>{@link #process} blocks while the operation runs: call it off the I/O event loop. {@link
 * #processIfNonBlocking} never blocks and may be called on it. Thread-safe.
 */
public final class RequestProcessor {
  private static final Logger log = LoggerFactory.getLogger(RequestProcessor.class);

  /** The content type AWS accepts but answers only with Coral-shaped errors. */
  static final String LEGACY_JSON = "application/json";
  static final String ACCESS_DENIED_MESSAGE = "Unable to determine service/operation name to be authorized";

  private final OperationTable operations;
  private final RequestValidator validator;
  private final AccountResolver accounts;
  private final BrokerConfig config;
  private final WireCodec codec;

  /**
   * @param accounts maps access keys to accounts; unmapped keys use the config's default account
   * @param config gives the default account and the region of requests without a credential scope
   */
  public RequestProcessor(
      OperationTable operations, RequestValidator validator, AccountResolver accounts, BrokerConfig config,
      WireCodec codec) {
    this.operations = Objects.requireNonNull(operations, "operations");
    this.validator = Objects.requireNonNull(validator, "validator");
    this.accounts = Objects.requireNonNull(accounts, "accounts");
    this.config = Objects.requireNonNull(config, "config");
    this.codec = Objects.requireNonNull(codec, "codec");
  }

  /**
   * Answers one request; never throws for anything a client sends. A {@link SubscriptionAnswer}
   * belongs to the caller, who must close it.
   */
  public ProtocolAnswer process(KinesisRequest request) {
    return process(request, false);
  }

  /**
   * Answers the request only if that needs no blocking: for an operation with a non-blocking path
   * (PutRecord under {@code --durability wal}) that found nothing to wait for. Otherwise returns
   * empty, having changed nothing, and the caller calls {@link #process} off the event loop. The
   * work done here is bounded: parsing and validating one request of at most the transport's
   * maximum body size, and at most one unsynced write-ahead-log write. Never throws for anything
   * a client sends.
   */
  public Optional<ProtocolAnswer> processIfNonBlocking(KinesisRequest request) {
    Target target = Target.parse(request.target().orElse(""));
    if (!target.isKinesisOperation()
        || operations.binding(target.operation()).filter(OperationBinding::hasNonBlockingPath).isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(process(request, true));
    } catch (WouldBlock e) {
      return Optional.empty();
    }
  }

  /** Thrown out of {@link #process(KinesisRequest, boolean)} when the operation would block. */
  private static final class WouldBlock extends RuntimeException {
    static final WouldBlock INSTANCE = new WouldBlock();

    private WouldBlock() {
      super("the operation would block", null, false, false);
    }
  }

  private ProtocolAnswer process(KinesisRequest request, boolean nonBlocking) {
    if (!request.method().equals("POST")) {
      return error(WireFormat.JSON, WireError.of(ErrorCode.ACCESS_DENIED, ACCESS_DENIED_MESSAGE).withStatus(403));
    }
    String mediaType = request.contentType().map(RequestProcessor::mediaType).orElse("");
    Target target = Target.parse(request.target().orElse(""));
    if (request.body().length == 0) {
      WireFormat format = mediaType.equals(WireFormat.JSON.contentType()) ? WireFormat.JSON : WireFormat.CBOR;
      return error(format, WireError.withoutMessage(
          target.isKinesisOperation() ? ErrorCode.SERIALIZATION : ErrorCode.UNKNOWN_OPERATION));
    }
    Optional<WireFormat> wireFormat = WireFormat.ofMediaType(mediaType);
    boolean legacyJson = mediaType.equals(LEGACY_JSON);
    if (wireFormat.isEmpty() && !legacyJson) {
      if (!target.hasServiceAndOperation()) {
        return error(WireFormat.JSON, WireError.of(ErrorCode.ACCESS_DENIED, ACCESS_DENIED_MESSAGE).withStatus(403));
      }
      return error(WireFormat.JSON, WireError.withoutMessage(ErrorCode.UNKNOWN_OPERATION).withStatus(404));
    }
    WireFormat format = wireFormat.orElse(WireFormat.JSON);
    Optional<JsonNode> body = decode(request.body(), format, target);
    if (legacyJson) {
      return body.isEmpty() ? coralError(400, ErrorCode.SERIALIZATION) : coralError(404, ErrorCode.UNKNOWN_OPERATION);
    }
    if (body.isEmpty()) {
      return error(format, WireError.withoutMessage(ErrorCode.SERIALIZATION));
    }
    if (!target.isKinesisOperation()) {
      return error(format, WireError.withoutMessage(ErrorCode.UNKNOWN_OPERATION));
    }
    SigV4Credentials.Result credentials =
        SigV4Credentials.read(request.authorization(), queryParameters(request.uri()), request.hasDateHeader());
    if (credentials.error().isPresent()) {
      return error(format, credentials.error().get());
    }
    RequestContext context = context(request, credentials.caller().orElseThrow());
    if (target.operation().equals(SubscriptionBinding.NAME) && operations.subscription().isPresent()) {
      return subscribe(request, operations.subscription().get(), body.get(), format, context);
    }
    Optional<OperationBinding<?, ?>> binding = operations.binding(target.operation());
    if (binding.isEmpty()) {
      return error(format, WireError.of(ErrorCode.UNKNOWN_OPERATION,
          "Tributary does not implement " + target.operation() + " yet."));
    }
    return run(request, binding.get(), body.get(), format, context, nonBlocking);
  }

  private ProtocolAnswer run(
      KinesisRequest request, OperationBinding<?, ?> binding, JsonNode body, WireFormat format,
      RequestContext context, boolean nonBlocking) {
    return guarded(request, binding.name(), format, () -> {
      validator.validate(binding.name(), body, format);
      CrossAccountAccess.check(binding.name(), body, context);
      WireObject root = WireObject.root(body, format);
      WireCodec.BodyWriter response = nonBlocking
          ? binding.invokeIfNonBlocking(context, root).orElseThrow(() -> WouldBlock.INSTANCE)
          : binding.invoke(context, root);
      List<byte[]> answer = codec.writeSegments(format, response);
      return new KinesisResponse(200, format.contentType(), Optional.empty(), answer);
    });
  }

  private ProtocolAnswer subscribe(
      KinesisRequest request, SubscriptionBinding binding, JsonNode body, WireFormat format, RequestContext context) {
    return guarded(request, SubscriptionBinding.NAME, format, () -> {
      validator.validate(SubscriptionBinding.NAME, body, format);
      CrossAccountAccess.check(SubscriptionBinding.NAME, body, context);
      ShardSubscription subscription = binding.open(context, WireObject.root(body, format));
      return new SubscriptionAnswer(subscription, binding, codec, format, SubscribeToShard.LIFETIME,
          SubscribeToShard.HEARTBEAT);
    });
  }

  /** Runs an operation; its errors become error responses, the unexpected ones logged once. */
  private ProtocolAnswer guarded(
      KinesisRequest request, String operation, WireFormat format, Supplier<ProtocolAnswer> work) {
    try {
      return work.get();
    } catch (WouldBlock e) {
      throw e;
    } catch (KinesisException e) {
      if (e.code() == ErrorCode.INTERNAL_FAILURE) {
        log.error("Request {} ({}) failed", request.requestId(), operation, e);
      }
      return error(format, WireError.of(e));
    } catch (RuntimeException e) {
      log.error("Request {} ({}) failed unexpectedly", request.requestId(), operation, e);
      return error(format, WireError.of(ErrorCode.INTERNAL_FAILURE, "Internal service failure."));
    }
  }

  private RequestContext context(KinesisRequest request, Caller caller) {
    String accountId = caller.accessKeyId().flatMap(accounts::accountId).orElse(config.defaultAccountId());
    return new RequestContext(request.requestId(), accountId, caller.region().orElse(config.defaultRegion()));
  }

  /**
   * The body as an object tree, or empty if it is not exactly one JSON object or CBOR map. The
   * blobs of a Kinesis operation's request are decoded as the body is parsed.
   */
  private Optional<JsonNode> decode(byte[] body, WireFormat format, Target target) {
    BlobPaths blobs = target.isKinesisOperation() ? validator.blobPaths(target.operation()) : BlobPaths.NONE;
    try {
      JsonNode tree = codec.readTree(body, format, blobs);
      return tree != null && tree.isObject() ? Optional.of(tree) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private KinesisResponse error(WireFormat format, WireError error) {
    return KinesisResponse.error(codec, format, error);
  }

  private KinesisResponse coralError(int status, ErrorCode code) {
    return new KinesisResponse(status, LEGACY_JSON, Optional.of(code.wireType()), codec.writeCoralError(code.wireType()));
  }

  /**
   * The format of errors the transport makes itself (oversized body, overload): CBOR for a CBOR
   * request, JSON for anything else.
   */
  public static WireFormat errorFormat(Optional<String> contentType) {
    return contentType.map(RequestProcessor::mediaType).flatMap(WireFormat::ofMediaType).orElse(WireFormat.JSON);
  }

  /** {@code application/x-amz-json-1.1; charset=utf-8} → {@code application/x-amz-json-1.1}. */
  static String mediaType(String contentType) {
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
  }

  /** The query's parameters, decoded; the first value of each name wins. */
  static Map<String, String> queryParameters(String uri) {
    Map<String, String> parameters = new HashMap<>();
    int question = uri.indexOf('?');
    if (question < 0) {
      return parameters;
    }
    for (String pair : uri.substring(question + 1).split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = decodeComponent(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decodeComponent(pair.substring(equals + 1));
      parameters.putIfAbsent(name, value);
    }
    return parameters;
  }

  private static String decodeComponent(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return text;
    }
  }

  /**
   * {@code X-Amz-Target} split at its dots as AWS splits it: the first part names the service,
   * the second the operation, and any further part is ignored.
   */
  record Target(String service, String operation) {
    static Target parse(String header) {
      String[] parts = header.split("\\.", -1);
      return new Target(parts[0], parts.length > 1 ? parts[1] : "");
    }

    boolean hasServiceAndOperation() {
      return !service.isEmpty() && !operation.isEmpty();
    }

    boolean isKinesisOperation() {
      return service.equals(OperationTable.TARGET_PREFIX) && OperationTable.isModelOperation(operation);
    }
  }
}
