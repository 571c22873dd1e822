package io.fibonacci.infrastructure.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.fibonacci.domain.model.ratelimit.ClientKey;
import io.fibonacci.domain.model.ratelimit.RateLimitPolicy;
import io.fibonacci.infrastructure.inmemory.InMemoryRateLimiter;
import io.fibonacci.infrastructure.testing.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ObservedRateLimiterTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final ObservedRateLimiter limiter =
      new ObservedRateLimiter(
          new InMemoryRateLimiter(
              RateLimitPolicy.of(2, 1, 0, 0, 0),
              10,
              new MutableClock(Instant.parse("2030-01-01T00:00:00Z"))),
          registry,
          null);

  @Test
  void registersBothOutcomesAtZeroBeforeTheFirstDecision() {
    assertThat(count("allowed")).isZero();
    assertThat(count("rejected")).isZero();
  }

  @Test
  void countsEachDecisionByOutcome() {
    for (int i = 0; i < 3; i++) {
      limiter.tryAcquire(ClientKey.of("alice"), 1).toCompletableFuture().join();
    }

    assertThat(count("allowed")).isEqualTo(2);
    assertThat(count("rejected")).isEqualTo(1);
  }

  @Test
  void reportsTheMaxCostOfTheLimiterItMeasures() {
    assertThat(limiter.maxCost()).isEqualTo(2);
  }

  private double count(String outcome) {
    return registry.get("fibonacci.rate_limit.decisions").tag("outcome", outcome).counter().count();
  }
}
