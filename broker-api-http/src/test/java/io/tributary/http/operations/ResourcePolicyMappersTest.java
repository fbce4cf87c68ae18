package io.tributary.http.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.KinesisException;
import io.tributary.core.model.ConsumerArn;
import io.tributary.core.model.ResourceArn;
import io.tributary.core.model.StreamArn;
import io.tributary.core.operations.DeleteResourcePolicy;
import io.tributary.core.operations.GetResourcePolicy;
import io.tributary.core.operations.PutResourcePolicy;
import io.tributary.http.Hex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** PutResourcePolicy, GetResourcePolicy and DeleteResourcePolicy. */
class ResourcePolicyMappersTest {
  private static final String STREAM = ResourceTagMappersTest.STREAM;
  private static final ResourceArn STREAM_ARN = ResourceArn.of(StreamArn.parse(STREAM).orElseThrow());
  private static final String POLICY = "{\"Version\":\"2012-10-17\"}";

  private static String put(String policyJsonString) {
    return "{\"ResourceARN\":\"" + STREAM + "\",\"Policy\":" + policyJsonString + "}";
  }

  @Test
  void putRequestKeepsThePolicyTextAsSent() {
    String spaced = "{ \"Version\" : \"2012-10-17\" }";
    assertEquals(new PutResourcePolicy.Request(STREAM_ARN, spaced),
        Mapping.readJson(new PutResourcePolicyMapper(), put("\"{ \\\"Version\\\" : \\\"2012-10-17\\\" }\"")));
    assertEquals(new PutResourcePolicy.Request(STREAM_ARN, POLICY),
        Mapping.readCbor(new PutResourcePolicyMapper(), """
            bf
              6b 52 65 73 6f 75 72 63 65 41 52 4e   78 34 61 72 6e 3a 61 77 73 3a 6b 69 6e 65 73 69 73 3a 75 73
                    2d 65 61 73 74 2d 31 3a 31 31 31 31 31 31 31 31 31 31 31 31 3a 73 74 72 65 61 6d 2f 6f 72 64
                    65 72 73
              66 50 6f 6c 69 63 79   78 18 7b 22 56 65 72 73 69 6f 6e 22 3a 22 32 30 31 32 2d 31 30 2d 31 37 22
                    7d
            ff"""));
  }

  @Test
  void putRequestOfAConsumerDecodes() {
    String consumer = ResourceTagMappersTest.CONSUMER;
    assertEquals(new PutResourcePolicy.Request(ResourceArn.of(ConsumerArn.parse(consumer).orElseThrow()), "{}"),
        Mapping.readJson(new PutResourcePolicyMapper(), "{\"ResourceARN\":\"" + consumer + "\",\"Policy\":\"{}\"}"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"\"", "\"not json\"", "\"{\\\"a\\\":\"", "\"[]\"", "\"\\\"text\\\"\"", "\"{} {}\""})
  void policyThatIsNotOneJsonObjectIsAnInvalidArgument(String policy) {
    KinesisException e = assertThrows(KinesisException.class,
        () -> Mapping.readJson(new PutResourcePolicyMapper(), put(policy)));
    assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
    assertEquals("Policy is not a valid JSON policy document: it must be one JSON object.", e.getMessage());
  }

  @Test
  void getRequestDecodesAndResponseCarriesThePolicyText() {
    assertEquals(new GetResourcePolicy.Request(STREAM_ARN),
        Mapping.readJson(new GetResourcePolicyMapper(), "{\"ResourceARN\":\"" + STREAM + "\"}"));
    assertEquals("{\"Policy\":\"{\\\"Version\\\":\\\"2012-10-17\\\"}\"}",
        Mapping.writeJson(new GetResourcePolicyMapper(), new GetResourcePolicy.Response(POLICY)));
    assertEquals(Hex.of(Hex.bytes("""
            bf
              66 50 6f 6c 69 63 79   62 7b 7d
            ff""")),
        Mapping.writeCbor(new GetResourcePolicyMapper(), new GetResourcePolicy.Response("{}")));
  }

  @Test
  void deleteRequestDecodes() {
    assertEquals(new DeleteResourcePolicy.Request(STREAM_ARN),
        Mapping.readJson(new DeleteResourcePolicyMapper(), "{\"ResourceARN\":\"" + STREAM + "\"}"));
  }

  @Test
  void putAndDeleteAnswerWithAnEmptyBody() {
    assertEquals("", Mapping.writeJson(new PutResourcePolicyMapper(), new PutResourcePolicy.Response()));
    assertEquals("", Mapping.writeCbor(new DeleteResourcePolicyMapper(), new DeleteResourcePolicy.Response()));
  }
}
