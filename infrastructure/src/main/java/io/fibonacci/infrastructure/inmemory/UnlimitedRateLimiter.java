package io.fibonacci.infrastructure.inmemory;

import io.fibonacci.application.port.out.RateLimiter;
import io.fibonacci.domain.model.ratelimit.ClientKey;
import io.fibonacci.domain.model.ratelimit.RateLimitDecision;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** The limiter used when rate limiting is turned off: every request passes, none is counted. */
public final class UnlimitedRateLimiter implements RateLimiter {

  private static final CompletableFuture<RateLimitDecision> ALLOWED =
      CompletableFuture.completedFuture(RateLimitDecision.UNLIMITED);

  @Override
  public CompletionStage<RateLimitDecision> tryAcquire(ClientKey client, long cost) {
    return ALLOWED.minimalCompletionStage();
  }

  @Override
  public long maxCost() {
    return Long.MAX_VALUE;
  }
}
