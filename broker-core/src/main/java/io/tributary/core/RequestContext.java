package io.tributary.core;

import java.util.Objects;

/**
 * Who is asking, and where: the caller's account and the request's region decide which streams
 * it sees and what its ARNs say.
 *
 * @param requestId the id sent back in {@code x-amzn-RequestId}, for logs
 * @param accountId 12 digits; from the access key's mapping, or the broker's default account
 * @param region from the SigV4 credential scope, or the broker's default region
 */
public record RequestContext(String requestId, String accountId, String region) {
  public RequestContext {
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(region, "region");
  }
}
