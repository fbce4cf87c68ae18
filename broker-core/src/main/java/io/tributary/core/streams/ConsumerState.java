package io.tributary.core.streams;

import io.tributary.core.model.ConsumerStatus;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A consumer registered on a stream for enhanced fan-out, as stored with its stream.
 *
 * <p>Like streams, its timed transitions are data: CREATING turns ACTIVE at {@code
 * transitionAtMillis}, and DELETING turns gone then.
 *
 * @param name unique within the stream
 * @param createdMillis registration time; its epoch seconds end the consumer's ARN
 * @param storedStatus the status last written; see {@link #statusAt(long)}
 * @param transitionAtMillis when CREATING turns ACTIVE or DELETING turns gone
 * @param tags the consumer's tags, in key order
 * @param resourcePolicy the consumer's resource policy document, if one was put
 */
public record ConsumerState(
    String name,
    long createdMillis,
    ConsumerStatus storedStatus,
    long transitionAtMillis,
    Map<String, String> tags,
    Optional<String> resourcePolicy) {

  public ConsumerState {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(storedStatus, "storedStatus");
    tags = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(tags));
    Objects.requireNonNull(resourcePolicy, "resourcePolicy");
  }

  /** The status a client sees at {@code nowMillis}; empty once deregistration has completed. */
  public Optional<ConsumerStatus> statusAt(long nowMillis) {
    boolean due = nowMillis >= transitionAtMillis;
    return switch (storedStatus) {
      case CREATING -> Optional.of(due ? ConsumerStatus.ACTIVE : ConsumerStatus.CREATING);
      case DELETING -> due ? Optional.empty() : Optional.of(ConsumerStatus.DELETING);
      case ACTIVE -> Optional.of(ConsumerStatus.ACTIVE);
    };
  }

  /**
   * The consumer's ARN: the stream's ARN, {@code /consumer/<name>:<creation epoch seconds>}, as
   * AWS forms it.
   */
  public String arn(StreamKey stream) {
    return stream.arn() + "/consumer/" + name + ":" + (createdMillis / 1000);
  }

  public ConsumerState withStatus(ConsumerStatus status, long transitionAt) {
    return new ConsumerState(name, createdMillis, status, transitionAt, tags, resourcePolicy);
  }

  public ConsumerState withTags(Map<String, String> newTags) {
    return new ConsumerState(name, createdMillis, storedStatus, transitionAtMillis, new TreeMap<>(newTags),
        resourcePolicy);
  }

  public ConsumerState withResourcePolicy(Optional<String> policy) {
    return new ConsumerState(name, createdMillis, storedStatus, transitionAtMillis, tags, policy);
  }
}
