package io.fibonacci.infrastructure.composite;

import io.fibonacci.application.port.out.RateLimiter;
import io.fibonacci.domain.model.ratelimit.RateLimitPolicy;
import io.fibonacci.infrastructure.contract.RateLimiterContract;
import io.fibonacci.infrastructure.inmemory.InMemoryRateLimiter;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;

/**
 * The limiter port's contract against the composite as production wires it, with a healthy primary:
 * callers cannot tell the fallback decorator is there.
 */
class FallbackRateLimiterContractTest extends RateLimiterContract {

  @Override
  protected RateLimiter limiter(RateLimitPolicy policy, Clock clock) {
    return new FallbackRateLimiter(
        new InMemoryRateLimiter(policy, 1_000, clock),
        new InMemoryRateLimiter(policy, 1_000, clock),
        CircuitBreaker.ofDefaults("fallback-contract"),
        new SimpleMeterRegistry());
  }
}
