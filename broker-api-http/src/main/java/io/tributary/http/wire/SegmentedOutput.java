package io.tributary.http.wire;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An in-memory output that keeps what is written as a list of arrays, each filled before the
 * next (twice as large, up to {@value #MAX_SEGMENT_BYTES}) is started, and hands them over
 * without joining them: a 10 MiB GetRecords answer is then never copied whole, where a growing
 * array is copied each time it doubles and once more at the end.
 *
 * <p>Confined to one thread.
 */
final class SegmentedOutput extends OutputStream {
  static final int FIRST_SEGMENT_BYTES = 512;
  static final int MAX_SEGMENT_BYTES = 256 * 1024;

  private final List<byte[]> full = new ArrayList<>();
  private byte[] current = new byte[FIRST_SEGMENT_BYTES];
  private int used;

  @Override
  public void write(int b) {
    if (used == current.length) {
      next();
    }
    current[used++] = (byte) b;
  }

  @Override
  public void write(byte[] bytes, int offset, int length) {
    int from = offset;
    int left = length;
    while (left > 0) {
      if (used == current.length) {
        next();
      }
      int n = Math.min(left, current.length - used);
      System.arraycopy(bytes, from, current, used, n);
      used += n;
      from += n;
      left -= n;
    }
  }

  /** Everything written, in order; the last segment is cut to its length. Ends this output. */
  List<byte[]> segments() {
    List<byte[]> segments = new ArrayList<>(full.size() + 1);
    segments.addAll(full);
    if (used > 0 || segments.isEmpty()) {
      segments.add(used == current.length ? current : Arrays.copyOf(current, used));
    }
    current = new byte[0];
    used = 0;
    full.clear();
    return segments;
  }

  private void next() {
    full.add(current);
    current = new byte[Math.min(current.length * 2, MAX_SEGMENT_BYTES)];
    used = 0;
  }
}
