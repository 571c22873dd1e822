package io.fibonacci.infrastructure.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import io.fibonacci.domain.model.ratelimit.ClientKey;
import io.fibonacci.domain.model.ratelimit.RateLimitDecision;
import org.junit.jupiter.api.Test;

class UnlimitedRateLimiterTest {

  @Test
  void allowsEveryRequestWithoutQuotas() {
    UnlimitedRateLimiter limiter = new UnlimitedRateLimiter();

    RateLimitDecision decision =
        limiter.tryAcquire(ClientKey.of("alice"), 1_000_000).toCompletableFuture().join();

    assertThat(decision.allowed()).isTrue();
    assertThat(decision.quotas()).isEmpty();
    assertThat(limiter.maxCost()).isEqualTo(Long.MAX_VALUE);
  }
}
