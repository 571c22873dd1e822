package io.fibonacci.application.service;

import io.fibonacci.application.port.in.RateLimitExceededException;
import io.fibonacci.application.port.in.RateLimitStatus;
import io.fibonacci.application.port.out.RateLimiter;
import io.fibonacci.domain.model.ratelimit.ClientKey;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Charges a client for a request before any work is done: the cost, capped at what the client's
 * bucket can ever hold (so a costly request drains the bucket instead of never passing), or a
 * {@link RateLimitExceededException} when a quota is spent.
 */
public record RequestAdmission(RateLimiter rateLimiter) {

  /** An admitted request: what it was charged and the client's quotas afterwards. */
  public record Admitted(long cost, RateLimitStatus rateLimit) {}

  public RequestAdmission {
    Objects.requireNonNull(rateLimiter, "rateLimiter");
  }

  public CompletableFuture<Admitted> admit(ClientKey client, long cost) {
    long charged = Math.min(Math.max(1, cost), rateLimiter.maxCost(client));
    return rateLimiter
        .tryAcquire(client, charged)
        .toCompletableFuture()
        .thenCompose(
            decision -> {
              RateLimitStatus status = RateLimitStatuses.of(decision.quotas());
              return decision.allowed()
                  ? CompletableFuture.completedFuture(new Admitted(charged, status))
                  : CompletableFuture.failedFuture(
                      new RateLimitExceededException(status, decision.retryAfterSeconds()));
            });
  }
}
