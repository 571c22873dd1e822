package io.fibonacci.domain.model.ratelimit;

/**
 * A quota of requests (not tokens) per fixed window of time. Windows are aligned to the epoch: the
 * window containing instant t has the index {@code floor(epochSeconds(t) / seconds)}, so every
 * instance and every store (memory, Redis) agrees on where a window starts and ends.
 *
 * @param name the quota name reported to clients, e.g. {@code minute}
 * @param seconds the window length
 * @param limit the requests allowed per window, at least 1
 */
public record FixedWindow(String name, long seconds, long limit) {

  public static final long MINUTE = 60;
  public static final long HOUR = 3_600;
  public static final long DAY = 86_400;

  public FixedWindow {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("a window has a name");
    }
    if (seconds < 1) {
      throw new IllegalArgumentException("a window lasts at least one second, got " + seconds);
    }
    if (limit < 1) {
      throw new IllegalArgumentException("a window allows at least one request, got " + limit);
    }
  }

  /** The index of the window that contains the given second since the epoch. */
  public long indexAt(long epochSecond) {
    return Math.floorDiv(epochSecond, seconds);
  }

  /** The instant, in nanoseconds since the epoch, at which the window with this index ends. */
  public long endNanos(long index) {
    return Math.multiplyExact(Math.multiplyExact(index + 1, seconds), RateLimitPolicy.NANOS);
  }
}
