package io.tributary.core.model;

/** The lifecycle state of a stream, as DescribeStream reports it. The constants are spelled as on the wire. */
public enum StreamStatus {
  CREATING, DELETING, ACTIVE, UPDATING
}
