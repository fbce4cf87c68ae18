package io.tributary.http;

import java.util.concurrent.atomic.AtomicLong;

/**
 * How many bytes of request bodies the server holds at once, across every connection: from the
 * moment a request's headers are read until its answer is made. A request that would take the
 * total over the capacity is answered 503 {@code ServiceUnavailable} (which the AWS SDKs retry with
 * back-off) instead of being read into memory, so that many large PutRecords at once slow clients
 * down instead of exhausting the heap or Netty's direct memory.
 *
 * <p>A request is always admitted when nothing else is held, so one request of any size the server
 * accepts ({@code maxRequestBytes}) is never refused for want of budget.
 *
 * <p>Thread-safe.
 */
final class RequestBudget {
  private final long capacity;
  private final AtomicLong held = new AtomicLong();

  RequestBudget(long capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    this.capacity = capacity;
  }

  /**
   * The default for this JVM: a quarter of the largest heap it may have, and at least {@code
   * maxRequestBytes}. A body is held in memory about twice while it is answered (its bytes, then
   * the records decoded from it), plus once more in direct memory while it arrives, whose JVM limit
   * defaults to the heap's.
   */
  static long defaultCapacity(int maxRequestBytes) {
    return Math.max(maxRequestBytes, Runtime.getRuntime().maxMemory() / 4);
  }

  /** Takes {@code bytes} if they fit (or if nothing is held); false, taking nothing, if not. */
  boolean tryTake(long bytes) {
    if (bytes < 0) {
      throw new IllegalArgumentException("bytes must not be negative: " + bytes);
    }
    while (true) {
      long now = held.get();
      if (now > 0 && now + bytes > capacity) {
        return false;
      }
      if (held.compareAndSet(now, now + bytes)) {
        return true;
      }
    }
  }

  /** Gives back {@code bytes} taken by {@link #tryTake}. */
  void give(long bytes) {
    if (bytes > 0) {
      held.addAndGet(-bytes);
    }
  }

  /** The bytes held now. */
  long held() {
    return held.get();
  }

  long capacity() {
    return capacity;
  }
}
