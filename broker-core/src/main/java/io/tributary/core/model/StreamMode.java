package io.tributary.core.model;

/** How a stream's capacity is managed. The constants are spelled as on the wire. */
public enum StreamMode {
  PROVISIONED, ON_DEMAND
}
