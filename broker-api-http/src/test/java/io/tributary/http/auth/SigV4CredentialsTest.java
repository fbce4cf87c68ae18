package io.tributary.http.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tributary.http.wire.WireError;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SigV4CredentialsTest {
  private static final String SDK_HEADER = "AWS4-HMAC-SHA256 "
      + "Credential=AKIDEXAMPLE/20261128/us-west-2/kinesis/aws4_request, "
      + "SignedHeaders=content-type;host;x-amz-date;x-amz-target, "
      + "Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7";

  private static WireError refused(SigV4Credentials.Result result) {
    return result.error().orElseThrow();
  }

  @Test
  void signedRequestYieldsAccessKeyAndRegion() {
    SigV4Credentials.Result result = SigV4Credentials.read(Optional.of(SDK_HEADER), Map.of(), true);
    assertEquals(Optional.of(new Caller(Optional.of("AKIDEXAMPLE"), Optional.of("us-west-2"))), result.caller());
  }

  @Test
  void presignedRequestYieldsAccessKeyAndRegion() {
    SigV4Credentials.Result result = SigV4Credentials.read(Optional.empty(), Map.of(
        "X-Amz-Algorithm", "AWS4-HMAC-SHA256",
        "X-Amz-Credential", "AKIDEXAMPLE/20261128/eu-central-1/kinesis/aws4_request",
        "X-Amz-Signature", "abc", "X-Amz-SignedHeaders", "host", "X-Amz-Date", "20261128T080000Z"), false);
    assertEquals(Optional.of(new Caller(Optional.of("AKIDEXAMPLE"), Optional.of("eu-central-1"))), result.caller());
  }

  @Test
  void credentialWithoutScopeYieldsNoRegion() {
    SigV4Credentials.Result result = SigV4Credentials.read(
        Optional.of("AWS4-HMAC-SHA256 Credential=AKID, SignedHeaders=host, Signature=x"), Map.of(), true);
    assertEquals(Optional.of(new Caller(Optional.of("AKID"), Optional.empty())), result.caller());
  }

  @Test
  void requestWithoutCredentialsIsMissingItsToken() {
    assertEquals(new WireError(400, "MissingAuthenticationTokenException", Optional.of("Missing Authentication Token")),
        refused(SigV4Credentials.read(Optional.empty(), Map.of(), true)));
  }

  @Test
  void headerWithoutParametersIsAnIncompleteSignature() {
    assertEquals(new WireError(400, "IncompleteSignatureException", Optional.of(
        "Authorization header requires 'Credential' parameter. "
            + "Authorization header requires 'Signature' parameter. "
            + "Authorization header requires 'SignedHeaders' parameter. "
            + "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. "
            + "Authorization=X")),
        refused(SigV4Credentials.read(Optional.of("X"), Map.of(), false)));
  }

  @Test
  void headerSplitsOnCommasAndSpacesAlike() {
    assertEquals(Optional.of("Authorization header requires 'SignedHeaders' parameter. "
            + "Authorization=AWS4- Signature=b,Credential=a"),
        refused(SigV4Credentials.read(Optional.of("AWS4- Signature=b,Credential=a"), Map.of(), true)).message());
  }

  @Test
  void headerAndPresignedQueryTogetherAreAnInvalidSignature() {
    assertEquals(new WireError(400, "InvalidSignatureException", Optional.of(
        "Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization' as HTTP header.")),
        refused(SigV4Credentials.read(Optional.of("X"), Map.of("X-Amz-Algorithm", ""), true)));
  }

  @Test
  void presignedQueryMissingParametersIsAnIncompleteSignature() {
    assertEquals(Optional.of("AWS query-string parameters must include 'X-Amz-SignedHeaders'. "
            + "Re-examine the query-string parameters."),
        refused(SigV4Credentials.read(Optional.empty(), Map.of("X-Amz-Algorithm", "a", "X-Amz-Credential", "b",
            "X-Amz-Signature", "c", "X-Amz-Date", "d"), false)).message());
  }
}
