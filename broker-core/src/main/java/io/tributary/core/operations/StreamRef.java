package io.tributary.core.operations;

import io.tributary.core.RequestContext;
import io.tributary.core.error.KinesisException;
import io.tributary.core.model.StreamArn;
import io.tributary.core.model.StreamName;
import io.tributary.core.streams.StreamKey;
import java.util.Optional;

/**
 * How a request names its stream: by {@code StreamName} (in the caller's account and region),
 * by {@code StreamARN}, or by both, which must then agree.
 */
public record StreamRef(Optional<StreamName> name, Optional<StreamArn> arn) {

  public static StreamRef ofName(StreamName name) {
    return new StreamRef(Optional.of(name), Optional.empty());
  }

  public static StreamRef ofArn(StreamArn arn) {
    return new StreamRef(Optional.empty(), Optional.of(arn));
  }

  /** The stream meant, or InvalidArgumentException when neither member is given or they differ. */
  public StreamKey resolve(RequestContext context) {
    if (arn.isPresent()) {
      if (name.isPresent() && !name.get().equals(arn.get().streamName())) {
        throw KinesisException.invalidArgument(
            "StreamARN " + arn.get() + " and StreamName " + name.get() + " do not refer to the same stream.");
      }
      return StreamKey.of(arn.get());
    }
    return StreamKey.of(context, name.orElseThrow(
        () -> KinesisException.invalidArgument("Either StreamName or StreamARN should be provided.")));
  }
}
