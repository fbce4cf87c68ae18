package io.tributary.core.model;

/** Server-side encryption of a stream's records. The constants are spelled as on the wire. */
public enum EncryptionType {
  NONE, KMS
}
