package io.fibonacci.domain.model.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The limits every client is held to: a token bucket, plus any number of fixed windows counting
 * requests. A request passes only if the bucket holds its cost and every window has room for one
 * more request.
 *
 * <p>The bucket refills continuously. Its arithmetic is exact in whole nanoseconds: one token is
 * worth {@link #nanosPerToken()} nanoseconds of refill, so a bucket can be stored as the single
 * instant at which it will be full again (a client whose instant has passed has a full bucket).
 *
 * @param capacity the tokens a full bucket holds, at least 1; also the largest cost ever granted
 * @param refillPerSecond the tokens added per second, greater than 0 and at most 10^9
 * @param windows the enabled fixed windows, in the order they are reported
 */
public record RateLimitPolicy(long capacity, double refillPerSecond, List<FixedWindow> windows) {

  /** Nanoseconds per second. */
  public static final long NANOS = 1_000_000_000L;

  public RateLimitPolicy {
    if (capacity < 1) {
      throw new IllegalArgumentException("the bucket capacity is at least 1, got " + capacity);
    }
    if (!(refillPerSecond > 0) || refillPerSecond > NANOS || Double.isInfinite(refillPerSecond)) {
      throw new IllegalArgumentException(
          "the refill rate is greater than 0 and at most 10^9 tokens per second, got "
              + refillPerSecond);
    }
    windows = List.copyOf(windows);
    long nanosPerToken = Math.max(1, Math.round(NANOS / refillPerSecond));
    if (capacity > Long.MAX_VALUE / 4 / nanosPerToken) {
      throw new IllegalArgumentException(
          "a bucket of "
              + capacity
              + " tokens refilled at "
              + refillPerSecond
              + " per second takes too long to fill");
    }
  }

  /**
   * The usual policy: a bucket, and the minute, hour and day windows whose limit is positive (0 or
   * less turns a window off).
   */
  public static RateLimitPolicy of(
      long capacity, double refillPerSecond, long perMinute, long perHour, long perDay) {
    var windows = new ArrayList<FixedWindow>(3);
    if (perMinute > 0) {
      windows.add(new FixedWindow("minute", FixedWindow.MINUTE, perMinute));
    }
    if (perHour > 0) {
      windows.add(new FixedWindow("hour", FixedWindow.HOUR, perHour));
    }
    if (perDay > 0) {
      windows.add(new FixedWindow("day", FixedWindow.DAY, perDay));
    }
    return new RateLimitPolicy(capacity, refillPerSecond, windows);
  }

  /** The refill time of one token, rounded to the nanosecond (at least 1). */
  public long nanosPerToken() {
    return Math.max(1, Math.round(NANOS / refillPerSecond));
  }

  /** The refill time of {@code tokens} tokens, in nanoseconds. */
  public long refillNanos(long tokens) {
    return Math.multiplyExact(tokens, nanosPerToken());
  }

  /** The time an empty bucket takes to fill up. */
  public Duration timeToFill() {
    return Duration.ofNanos(refillNanos(capacity));
  }

  /**
   * How long a client's state matters after its last request: once a client has been idle this
   * long, its bucket is full and every window it used has ended, so forgetting it changes nothing.
   */
  public Duration idleExpiry() {
    long longestWindow = windows.stream().mapToLong(FixedWindow::seconds).max().orElse(0);
    Duration fill = timeToFill();
    Duration window = Duration.ofSeconds(longestWindow);
    return fill.compareTo(window) >= 0 ? fill : window;
  }

  /**
   * The rule every limiter applies, as a pure function: whether a client in {@code state} may spend
   * {@code cost} tokens at {@code nowNanos} (since the epoch), what it is told, and what is kept
   * for its next request.
   *
   * <p>The request passes only if the bucket holds its cost (a cost above the capacity never
   * passes) and every window has room for one more request. A refused request consumes nothing: its
   * outcome carries the old state. {@code rate-limit.lua} applies the same rule inside Redis; one
   * table of cases runs against both.
   */
  public RateLimitOutcome decide(LimitState state, long nowNanos, long cost) {
    if (cost < 1) {
      throw new IllegalArgumentException("a request costs at least 1 token, got " + cost);
    }
    if (state.windows() != windows.size()) {
      throw new IllegalArgumentException("the state has one entry per window of the policy");
    }
    long capacityNanos = refillNanos(capacity);
    long epochSecond = Math.floorDiv(nowNanos, NANOS);
    long debt = Math.min(Math.max(0, state.fullAtNanos() - nowNanos), capacityNanos);
    long[] indexes = new long[windows.size()];
    long[] counts = new long[windows.size()];

    boolean allowed;
    long retryAfterNanos = 0;
    if (cost > capacity) {
      allowed = false;
      retryAfterNanos = Math.max(debt, 1);
    } else {
      long afterDebt = debt + refillNanos(cost);
      allowed = afterDebt <= capacityNanos;
      if (!allowed) {
        retryAfterNanos = afterDebt - capacityNanos;
      }
    }
    for (int i = 0; i < windows.size(); i++) {
      FixedWindow window = windows.get(i);
      indexes[i] = window.indexAt(epochSecond);
      counts[i] = state.countIn(i, indexes[i]);
      if (counts[i] >= window.limit()) {
        allowed = false;
        retryAfterNanos = Math.max(retryAfterNanos, window.endNanos(indexes[i]) - nowNanos);
      }
    }

    if (!allowed) {
      return new RateLimitOutcome(
          RateLimitDecision.refuse(
              usage(debt, indexes, counts, nowNanos), ceilSeconds(retryAfterNanos)),
          state);
    }
    long newDebt = debt + refillNanos(cost);
    for (int i = 0; i < counts.length; i++) {
      counts[i]++;
    }
    return new RateLimitOutcome(
        RateLimitDecision.allow(usage(newDebt, indexes, counts, nowNanos)),
        LimitState.ofOwned(nowNanos + newDebt, indexes, counts));
  }

  /**
   * The quotas a client sees: the bucket ({@code debtNanos} of refill short of full), then each
   * window with its count, as of {@code nowNanos}.
   */
  private List<QuotaUsage> usage(
      long debtNanos, long[] windowIndexes, long[] windowCounts, long nowNanos) {
    List<QuotaUsage> quotas = new ArrayList<>(1 + windows.size());
    quotas.add(
        new QuotaUsage(
            "bucket",
            capacity,
            ceilSeconds(refillNanos(capacity)),
            capacity - Math.ceilDiv(debtNanos, nanosPerToken()),
            ceilSeconds(debtNanos)));
    for (int i = 0; i < windows.size(); i++) {
      FixedWindow window = windows.get(i);
      quotas.add(
          new QuotaUsage(
              window.name(),
              window.limit(),
              window.seconds(),
              Math.max(0, window.limit() - windowCounts[i]),
              ceilSeconds(window.endNanos(windowIndexes[i]) - nowNanos)));
    }
    return quotas;
  }

  /** The instant as nanoseconds since the epoch: the time base of every limit. */
  public static long epochNanos(Instant instant) {
    return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), NANOS), instant.getNano());
  }

  /** Whole seconds covering {@code nanos} nanoseconds, rounded up. */
  public static long ceilSeconds(long nanos) {
    return nanos <= 0 ? 0 : Math.ceilDiv(nanos, NANOS);
  }
}
