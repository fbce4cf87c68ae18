package io.tributary.core.accounts;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.OptionalLong;

/**
 * The catalog value of an account's settings: a version byte ({@code 1}), then the billing
 * commitment's three times, each a presence byte and, if present, a big-endian long of epoch
 * millis. For example an account that enabled the commitment at {@code t} is
 * {@code 01 | 01 t | 01 t+86400000 | 00}.
 *
 * <p>A later version appends fields; its reader keeps reading version 1 with defaults.
 *
 * <p>Stateless and thread-safe.
 */
final class AccountSettingsCodec {
  private static final int VERSION = 1;

  private AccountSettingsCodec() {}

  static byte[] encode(AccountSettings settings) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(32);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      BillingCommitment c = settings.minimumThroughputBillingCommitment();
      writeTime(out, c.startedAtMillis());
      writeTime(out, c.earliestAllowedEndMillis());
      writeTime(out, c.endedAtMillis());
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return bytes.toByteArray();
  }

  static AccountSettings decode(byte[] value) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(value))) {
      int version = in.readUnsignedByte();
      if (version != VERSION) {
        throw new IllegalStateException("unknown account settings version " + version);
      }
      return new AccountSettings(new BillingCommitment(readTime(in), readTime(in), readTime(in)));
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalStateException("corrupt account settings", e);
    }
  }

  private static void writeTime(DataOutputStream out, OptionalLong millis) throws IOException {
    out.writeBoolean(millis.isPresent());
    if (millis.isPresent()) {
      out.writeLong(millis.getAsLong());
    }
  }

  private static OptionalLong readTime(DataInputStream in) throws IOException {
    return in.readBoolean() ? OptionalLong.of(in.readLong()) : OptionalLong.empty();
  }
}
