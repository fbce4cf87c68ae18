package io.tributary.http.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.core.RequestContext;
import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.KinesisException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refuses a request that names, by ARN, a stream or consumer of another account.
 *
 * <p>On AWS such a request succeeds only if the resource's policy allows the caller (cross-account
 * access, since November 2023); otherwise it is AccessDeniedException (HTTP 400), "User: &lt;caller&gt;
 * is not authorized to perform: kinesis:&lt;Operation&gt; on resource: &lt;ARN&gt; because no
 * resource-based policy allows the kinesis:&lt;Operation&gt; action", as the SDKs report it
 * (awslabs/amazon-kinesis-connector-flink#65 shows the identity-based variant). Tributary keeps
 * resource policies but evaluates none, so every cross-account ARN is refused. The caller is named
 * as its account's root ({@code arn:aws:iam::<account>:root}): an access key mapped by {@link
 * AccessKeyAccounts} stands for the whole account.
 *
 * <p>Only top-level {@code StreamARN}, {@code ConsumerARN} and {@code ResourceARN} members carry an
 * ARN in the Kinesis model. A request that names its stream by {@code StreamName} is always in the
 * caller's own account, so it needs no check.
 *
 * <p>Stateless; thread-safe.
 */
public final class CrossAccountAccess {
  private static final List<String> ARN_MEMBERS = List.of("StreamARN", "ConsumerARN", "ResourceARN");
  /** The account field of any Kinesis ARN the model's patterns admit. */
  private static final Pattern ACCOUNT = Pattern.compile("arn:[^:]*:kinesis:[^:]*:(\\d{12}):.*");

  private CrossAccountAccess() {}

  /**
   * @param operation the operation, as in {@code X-Amz-Target}
   * @param body the validated request body
   * @throws KinesisException AccessDeniedException if an ARN member names another account
   */
  public static void check(String operation, JsonNode body, RequestContext context) {
    for (String member : ARN_MEMBERS) {
      JsonNode value = body.get(member);
      if (value == null || !value.isTextual()) {
        continue;
      }
      Matcher m = ACCOUNT.matcher(value.textValue());
      if (m.matches() && !m.group(1).equals(context.accountId())) {
        String action = "kinesis:" + operation;
        throw new KinesisException(ErrorCode.ACCESS_DENIED, "User: arn:aws:iam::" + context.accountId()
            + ":root is not authorized to perform: " + action + " on resource: " + value.textValue()
            + " because no resource-based policy allows the " + action + " action");
      }
    }
  }
}
