package io.fibonacci.infrastructure.composite;

import io.fibonacci.application.port.out.RateLimiter;
import io.fibonacci.domain.model.ratelimit.ClientKey;
import io.fibonacci.domain.model.ratelimit.RateLimitDecision;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * Holds each client to its plan's quotas: an identified client goes to the limiter of its plan, an
 * anonymous one (or one of a plan no longer configured) to the anonymous limiter. Each plan's
 * clients have their own buckets and windows, since their keys differ.
 */
public final class PlanRateLimiter implements RateLimiter {

  private final RateLimiter anonymous;
  private final Map<String, RateLimiter> plans;

  public PlanRateLimiter(RateLimiter anonymous, Map<String, RateLimiter> plans) {
    this.anonymous = Objects.requireNonNull(anonymous, "anonymous");
    this.plans = Map.copyOf(plans);
  }

  @Override
  public CompletionStage<RateLimitDecision> tryAcquire(ClientKey client, long cost) {
    return limiterOf(client).tryAcquire(client, cost);
  }

  @Override
  public long maxCost() {
    return anonymous.maxCost();
  }

  @Override
  public long maxCost(ClientKey client) {
    return limiterOf(client).maxCost();
  }

  private RateLimiter limiterOf(ClientKey client) {
    return client.plan().map(plans::get).orElse(anonymous);
  }
}
