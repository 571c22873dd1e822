package io.fibonacci.application.service;

import io.fibonacci.application.port.out.RateLimiter;
import io.fibonacci.domain.model.ratelimit.ClientKey;
import io.fibonacci.domain.model.ratelimit.QuotaUsage;
import io.fibonacci.domain.model.ratelimit.RateLimitDecision;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A rate limiter that records every charge and allows it with the same quotas, or refuses
 * everything (retry after 7 s) once {@link #allow} is false.
 */
public final class RecordingLimiter implements RateLimiter {

  public final List<Long> charges = new ArrayList<>();
  public boolean allow = true;
  private final long capacity;
  private final List<QuotaUsage> quotas;

  public RecordingLimiter(long capacity, List<QuotaUsage> quotas) {
    this.capacity = capacity;
    this.quotas = List.copyOf(quotas);
  }

  @Override
  public CompletionStage<RateLimitDecision> tryAcquire(ClientKey client, long cost) {
    if (!allow) {
      return CompletableFuture.completedFuture(RateLimitDecision.refuse(quotas, 7));
    }
    charges.add(cost);
    return CompletableFuture.completedFuture(RateLimitDecision.allow(quotas));
  }

  @Override
  public long maxCost() {
    return capacity;
  }
}
