package io.tributary.http.auth;

import io.tributary.core.error.ErrorCode;
import io.tributary.http.wire.WireError;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the SigV4 credentials of a request, from its {@code Authorization} header or from
 * presigned query parameters, and refuses requests that carry none, exactly as AWS's front end
 * does (kinesalite, index.js, "THEN check auth"; texts and checks as there).
 *
 * <p><b>Signatures are not verified.</b> Tributary reads the credential scope only to learn the
 * caller's access key and region; any secret key works. Verifying them would need each access
 * key's secret, which Tributary's account mapping ({@link AccessKeyAccounts}) does not hold.
 *
 * <p>Stateless; thread-safe.
 */
public final class SigV4Credentials {
  private static final List<String> HEADER_PARAMETERS = List.of("Credential", "Signature", "SignedHeaders");
  private static final List<String> QUERY_PARAMETERS =
      List.of("X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Signature", "X-Amz-SignedHeaders", "X-Amz-Date");
  private static final Pattern REGION = Pattern.compile("[a-z0-9-]{1,64}");

  /** A request's credentials, or the error that refuses it. Exactly one is present. */
  public record Result(Optional<Caller> caller, Optional<WireError> error) {}

  private SigV4Credentials() {}

  /**
   * @param authorization the {@code Authorization} header, if any
   * @param query the decoded query parameters (first value of each)
   * @param hasDateHeader whether the request has an {@code X-Amz-Date} or {@code Date} header
   */
  public static Result read(Optional<String> authorization, Map<String, String> query, boolean hasDateHeader) {
    boolean presigned = query.containsKey("X-Amz-Algorithm");
    if (authorization.isPresent() && presigned) {
      return refuse(WireError.of(ErrorCode.INVALID_SIGNATURE,
          "Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization' as HTTP header."));
    }
    if (authorization.isEmpty() && !presigned) {
      return refuse(WireError.of(ErrorCode.MISSING_AUTHENTICATION_TOKEN, "Missing Authentication Token"));
    }
    StringBuilder problems = new StringBuilder();
    String credential;
    if (authorization.isPresent()) {
      Map<String, String> parameters = headerParameters(authorization.get());
      for (String name : HEADER_PARAMETERS) {
        if (parameters.getOrDefault(name, "").isEmpty()) {
          problems.append("Authorization header requires '").append(name).append("' parameter. ");
        }
      }
      if (!hasDateHeader) {
        problems.append("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ");
      }
      if (problems.length() > 0) {
        problems.append("Authorization=").append(authorization.get());
      }
      credential = parameters.get("Credential");
    } else {
      for (String name : QUERY_PARAMETERS) {
        if (query.getOrDefault(name, "").isEmpty()) {
          problems.append("AWS query-string parameters must include '").append(name).append("'. ");
        }
      }
      if (problems.length() > 0) {
        problems.append("Re-examine the query-string parameters.");
      }
      credential = query.get("X-Amz-Credential");
    }
    if (problems.length() > 0) {
      return refuse(WireError.of(ErrorCode.INCOMPLETE_SIGNATURE, problems.toString()));
    }
    return new Result(Optional.of(caller(credential)), Optional.empty());
  }

  /**
   * The header's {@code name=value} parameters after the algorithm, split at commas and spaces;
   * a value ends at its next {@code =}, as AWS reads it.
   */
  private static Map<String, String> headerParameters(String header) {
    Map<String, String> parameters = new HashMap<>();
    String[] tokens = header.split("[, ]");
    for (int i = 1; i < tokens.length; i++) {
      String token = tokens[i].trim();
      if (token.isEmpty()) {
        continue;
      }
      String[] nameValue = token.split("=", -1);
      parameters.put(nameValue[0], nameValue.length > 1 ? nameValue[1] : "");
    }
    return parameters;
  }

  /** {@code AKID/20261128/us-west-2/kinesis/aws4_request}: the key and the region. */
  private static Caller caller(String credential) {
    String[] scope = credential.split("/", -1);
    Optional<String> accessKeyId = scope[0].isEmpty() ? Optional.empty() : Optional.of(scope[0]);
    Optional<String> region =
        scope.length > 2 && REGION.matcher(scope[2]).matches() ? Optional.of(scope[2]) : Optional.empty();
    return new Caller(accessKeyId, region);
  }

  private static Result refuse(WireError error) {
    return new Result(Optional.empty(), Optional.of(error));
  }
}
