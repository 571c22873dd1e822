package io.fibonacci.application.port.out;

import io.fibonacci.application.port.in.RateLimitStatus;

/**
 * The outcome of one rate-limit check.
 *
 * @param allowed whether the request may proceed (its cost has then been consumed)
 * @param status the client's quotas after the decision
 * @param retryAfterSeconds when rejected, whole seconds until every limit would allow it; else 0
 */
public record RateLimitDecision(boolean allowed, RateLimitStatus status, long retryAfterSeconds) {

  public static RateLimitDecision allow(RateLimitStatus status) {
    return new RateLimitDecision(true, status, 0);
  }

  public static RateLimitDecision reject(RateLimitStatus status, long retryAfterSeconds) {
    return new RateLimitDecision(false, status, Math.max(1, retryAfterSeconds));
  }
}
