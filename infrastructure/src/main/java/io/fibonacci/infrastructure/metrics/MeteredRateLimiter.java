package io.fibonacci.infrastructure.metrics;

import io.fibonacci.application.port.out.RateLimiter;
import io.fibonacci.domain.model.ratelimit.ClientKey;
import io.fibonacci.domain.model.ratelimit.RateLimitDecision;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * Counts rate-limit decisions by outcome ({@code fibonacci_rate_limit_decisions_total} in
 * Prometheus). A check that fails (an unreachable store) is not a decision and is not counted.
 */
public final class MeteredRateLimiter implements RateLimiter {

  static final String DECISIONS = "fibonacci.rate_limit.decisions";

  private final RateLimiter delegate;
  private final Counter allowed;
  private final Counter rejected;

  public MeteredRateLimiter(RateLimiter delegate, MeterRegistry registry) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.allowed = counter(registry, "allowed");
    this.rejected = counter(registry, "rejected");
  }

  @Override
  public CompletionStage<RateLimitDecision> tryAcquire(ClientKey client, long cost) {
    return delegate
        .tryAcquire(client, cost)
        .whenComplete(
            (decision, failure) -> {
              if (decision != null) {
                (decision.allowed() ? allowed : rejected).increment();
              }
            });
  }

  @Override
  public long maxCost() {
    return delegate.maxCost();
  }

  private static Counter counter(MeterRegistry registry, String outcome) {
    return Counter.builder(DECISIONS)
        .description("Rate-limit decisions, by outcome")
        .tag("outcome", outcome)
        .register(registry);
  }
}
