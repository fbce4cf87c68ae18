package io.tributary.core.model;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A shard-level metric of enhanced monitoring (the API's {@code MetricsName} enum). The
 * constants are spelled as on the wire and declared in AWS's order, which is the order the
 * broker reports enabled metrics in; {@link #ALL} stands for the seven others.
 */
public enum MetricsName {
  IncomingBytes,
  IncomingRecords,
  OutgoingBytes,
  OutgoingRecords,
  WriteProvisionedThroughputExceeded,
  ReadProvisionedThroughputExceeded,
  IteratorAgeMilliseconds,
  ALL;

  /** The metrics a request names, with {@link #ALL} expanded to every real metric. */
  public static Set<MetricsName> expand(List<MetricsName> requested) {
    EnumSet<MetricsName> metrics = EnumSet.noneOf(MetricsName.class);
    for (MetricsName m : requested) {
      if (m == ALL) {
        metrics.addAll(EnumSet.complementOf(EnumSet.of(ALL)));
      } else {
        metrics.add(m);
      }
    }
    return metrics;
  }
}
