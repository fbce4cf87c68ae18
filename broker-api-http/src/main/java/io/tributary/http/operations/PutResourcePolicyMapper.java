package io.tributary.http.operations;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.core.error.KinesisException;
import io.tributary.core.model.ResourceArn;
import io.tributary.core.operations.PutResourcePolicy;
import io.tributary.http.wire.TimestampEncoding;
import io.tributary.http.wire.WireObject;

/**
 * PutResourcePolicy: {@code ResourceARN} and {@code Policy}; an empty answer.
 *
 * <p>The model types {@code Policy} as a bare string, "formatted as a JSON string". Tributary does
 * not evaluate policies, but it refuses one that is not a single JSON object, as any IAM policy
 * document is, so that GetResourcePolicy never hands back text no IAM parser could read. AWS's
 * wording for this refusal is not published; the message is Tributary's own, in
 * InvalidArgumentException, the error the operation documents for "a specified parameter [that]
 * exceeds its restrictions, is not supported, or can't be used".
 */
final class PutResourcePolicyMapper implements OperationMapper<PutResourcePolicy.Request, PutResourcePolicy.Response> {
  static final String NOT_A_POLICY_DOCUMENT = "Policy is not a valid JSON policy document: it must be one JSON object.";

  private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  @Override
  public PutResourcePolicy.Request readRequest(WireObject body) {
    ResourceArn resource = CommonShapes.requiredResourceArn(body);
    String policy = body.requiredString("Policy");
    checkPolicyDocument(policy);
    return new PutResourcePolicy.Request(resource, policy);
  }

  private void checkPolicyDocument(String policy) {
    JsonNode document;
    try {
      document = json.readTree(policy);
    } catch (JsonProcessingException e) {
      throw KinesisException.invalidArgument(NOT_A_POLICY_DOCUMENT);
    }
    if (document == null || !document.isObject()) {
      throw KinesisException.invalidArgument(NOT_A_POLICY_DOCUMENT);
    }
  }

  @Override
  public void writeResponse(PutResourcePolicy.Response response, JsonGenerator out, TimestampEncoding timestamps) {
    // PutResourcePolicy has no output members: AWS answers with an empty body.
  }
}
