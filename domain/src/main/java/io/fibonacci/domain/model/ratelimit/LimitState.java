package io.fibonacci.domain.model.ratelimit;

import java.util.Arrays;

/**
 * What a store keeps of one client between requests: the instant its bucket is full again, and per
 * window of the policy the index of the window last counted and its count. Immutable: every
 * accepted request yields a new state, and a refused one leaves the old state in place.
 */
public final class LimitState {

  private final long fullAtNanos;
  private final long[] windowIndexes;
  private final long[] windowCounts;

  private LimitState(long fullAtNanos, long[] windowIndexes, long[] windowCounts) {
    this.fullAtNanos = fullAtNanos;
    this.windowIndexes = windowIndexes;
    this.windowCounts = windowCounts;
  }

  /** The state of a client never seen (or forgotten): a full bucket, no window counted. */
  public static LimitState fresh(RateLimitPolicy policy) {
    int windows = policy.windows().size();
    long[] indexes = new long[windows];
    Arrays.fill(indexes, Long.MIN_VALUE);
    return new LimitState(0, indexes, new long[windows]);
  }

  /**
   * A state as a store read it: the bucket full at {@code fullAtNanos} (since the epoch) and, per
   * window, the count of window {@code windowIndexes[i]}.
   */
  public static LimitState of(long fullAtNanos, long[] windowIndexes, long[] windowCounts) {
    if (windowIndexes.length != windowCounts.length) {
      throw new IllegalArgumentException("one index per window count");
    }
    return new LimitState(fullAtNanos, windowIndexes.clone(), windowCounts.clone());
  }

  /** The instant, in nanoseconds since the epoch, at which the bucket is full again. */
  public long fullAtNanos() {
    return fullAtNanos;
  }

  /**
   * The requests counted in window {@code window} of the policy while its index is {@code index}.
   */
  public long countIn(int window, long index) {
    return windowIndexes[window] == index ? windowCounts[window] : 0;
  }

  /** The index of the window last counted, per window of the policy. */
  public long windowIndex(int window) {
    return windowIndexes[window];
  }

  int windows() {
    return windowCounts.length;
  }

  static LimitState ofOwned(long fullAtNanos, long[] windowIndexes, long[] windowCounts) {
    return new LimitState(fullAtNanos, windowIndexes, windowCounts);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof LimitState that
        && fullAtNanos == that.fullAtNanos
        && Arrays.equals(windowIndexes, that.windowIndexes)
        && Arrays.equals(windowCounts, that.windowCounts);
  }

  @Override
  public int hashCode() {
    return 31 * Long.hashCode(fullAtNanos)
        + 17 * Arrays.hashCode(windowIndexes)
        + Arrays.hashCode(windowCounts);
  }

  @Override
  public String toString() {
    return "LimitState[fullAtNanos=%d, windowIndexes=%s, windowCounts=%s]"
        .formatted(fullAtNanos, Arrays.toString(windowIndexes), Arrays.toString(windowCounts));
  }
}
