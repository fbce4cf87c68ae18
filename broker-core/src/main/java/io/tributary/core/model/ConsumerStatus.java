package io.tributary.core.model;

/** The lifecycle state of a registered stream consumer. The constants are spelled as on the wire. */
public enum ConsumerStatus {
  CREATING, DELETING, ACTIVE
}
