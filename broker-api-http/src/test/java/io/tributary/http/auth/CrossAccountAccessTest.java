package io.tributary.http.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.core.RequestContext;
import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.KinesisException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CrossAccountAccessTest {
  private static final RequestContext BOB = new RequestContext("req-1", "222222222222", "eu-central-1");
  private static final String ALICE_ORDERS = "arn:aws:kinesis:us-west-2:111111111111:stream/orders";

  private static JsonNode body(String json) throws Exception {
    return new ObjectMapper().readTree(json);
  }

  @ParameterizedTest
  @ValueSource(strings = {"StreamARN", "ResourceARN"})
  void anotherAccountsStreamArnIsAccessDenied(String member) throws Exception {
    KinesisException e = assertThrows(KinesisException.class, () -> CrossAccountAccess.check("ListTagsForResource",
        body("{\"" + member + "\":\"" + ALICE_ORDERS + "\"}"), BOB));
    assertEquals(ErrorCode.ACCESS_DENIED, e.code());
    assertEquals("User: arn:aws:iam::222222222222:root is not authorized to perform: kinesis:ListTagsForResource "
        + "on resource: " + ALICE_ORDERS + " because no resource-based policy allows the "
        + "kinesis:ListTagsForResource action", e.getMessage());
  }

  @Test
  void anotherAccountsConsumerArnIsAccessDenied() {
    assertThrows(KinesisException.class, () -> CrossAccountAccess.check("DescribeStreamConsumer",
        body("{\"ConsumerARN\":\"" + ALICE_ORDERS + "/consumer/billing:1\"}"), BOB));
  }

  @Test
  void ownArnsAndNamesPass() throws Exception {
    CrossAccountAccess.check("DescribeStreamSummary",
        body("{\"StreamARN\":\"arn:aws:kinesis:eu-central-1:222222222222:stream/orders\"}"), BOB);
    CrossAccountAccess.check("DescribeStreamSummary", body("{\"StreamName\":\"orders\"}"), BOB);
  }
}
