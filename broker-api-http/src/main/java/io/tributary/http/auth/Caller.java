package io.tributary.http.auth;

import java.util.Objects;
import java.util.Optional;

/**
 * Who signed a request, as far as Tributary reads it: the access key id and the region of the
 * SigV4 credential scope ({@code Credential=AKID/20261128/us-west-2/kinesis/aws4_request}).
 *
 * @param accessKeyId empty when the credential has none
 * @param region empty when the credential scope names no usable region
 */
public record Caller(Optional<String> accessKeyId, Optional<String> region) {
  public Caller {
    Objects.requireNonNull(accessKeyId, "accessKeyId");
    Objects.requireNonNull(region, "region");
  }
}
