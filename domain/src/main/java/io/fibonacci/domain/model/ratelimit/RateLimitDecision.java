package io.fibonacci.domain.model.ratelimit;

import java.util.List;

/**
 * The outcome of one rate-limit check.
 *
 * @param allowed whether the request may proceed (its cost has then been consumed)
 * @param quotas where the client stands after the decision: the bucket first, then each window;
 *     empty when rate limiting is off
 * @param retryAfterSeconds when refused, whole seconds until every limit would allow it (at least
 *     1); else 0
 */
public record RateLimitDecision(boolean allowed, List<QuotaUsage> quotas, long retryAfterSeconds) {

  /** The decision of a limiter that is switched off. */
  public static final RateLimitDecision UNLIMITED = new RateLimitDecision(true, List.of(), 0);

  public RateLimitDecision {
    quotas = List.copyOf(quotas);
    if (allowed && retryAfterSeconds != 0) {
      throw new IllegalArgumentException("an allowed request has nothing to wait for");
    }
    if (!allowed && retryAfterSeconds < 1) {
      throw new IllegalArgumentException("a refused request waits at least one second");
    }
  }

  public static RateLimitDecision allow(List<QuotaUsage> quotas) {
    return new RateLimitDecision(true, quotas, 0);
  }

  public static RateLimitDecision refuse(List<QuotaUsage> quotas, long retryAfterSeconds) {
    return new RateLimitDecision(false, quotas, Math.max(1, retryAfterSeconds));
  }
}
