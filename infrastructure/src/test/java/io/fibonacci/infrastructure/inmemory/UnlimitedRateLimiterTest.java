package io.fibonacci.infrastructure.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import io.fibonacci.application.port.in.ClientKey;
import io.fibonacci.application.port.in.RateLimitStatus;
import io.fibonacci.application.port.out.RateLimitDecision;
import org.junit.jupiter.api.Test;

class UnlimitedRateLimiterTest {

  @Test
  void allowsEveryRequestWithoutQuotas() {
    UnlimitedRateLimiter limiter = new UnlimitedRateLimiter();

    RateLimitDecision decision =
        limiter.tryAcquire(ClientKey.of("alice"), 1_000_000).toCompletableFuture().join();

    assertThat(decision.allowed()).isTrue();
    assertThat(decision.status()).isEqualTo(RateLimitStatus.UNLIMITED);
    assertThat(limiter.maxCost()).isEqualTo(Long.MAX_VALUE);
  }
}
