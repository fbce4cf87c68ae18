package io.tributary.it;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Records the Content-Type of every request the SDK sends and every response it receives.
 *
 * <p>Thread-safe.
 */
final class ExchangeRecorder implements ExecutionInterceptor {
  private final List<String> requestTypes = new ArrayList<>(); // guarded by this
  private final List<String> responseTypes = new ArrayList<>(); // guarded by this

  @Override
  public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
    String type = context.httpRequest().firstMatchingHeader("Content-Type").orElse("(none)");
    synchronized (this) {
      requestTypes.add(type);
    }
  }

  @Override
  public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
    String type = context.httpResponse().firstMatchingHeader("Content-Type").orElse("(none)");
    synchronized (this) {
      responseTypes.add(type);
    }
  }

  synchronized List<String> requestContentTypes() {
    return List.copyOf(requestTypes);
  }

  synchronized List<String> responseContentTypes() {
    return List.copyOf(responseTypes);
  }
}
