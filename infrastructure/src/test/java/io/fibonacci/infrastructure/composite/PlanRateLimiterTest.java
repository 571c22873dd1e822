package io.fibonacci.infrastructure.composite;

import static org.assertj.core.api.Assertions.assertThat;

import io.fibonacci.domain.model.ratelimit.ClientKey;
import io.fibonacci.domain.model.ratelimit.RateLimitPolicy;
import io.fibonacci.infrastructure.inmemory.InMemoryRateLimiter;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanRateLimiterTest {

  private final Clock clock = Clock.systemUTC();
  private final PlanRateLimiter limiter =
      new PlanRateLimiter(
          new InMemoryRateLimiter(RateLimitPolicy.of(10, 1, 0, 0, 0), 100, clock),
          Map.of("pro", new InMemoryRateLimiter(RateLimitPolicy.of(1000, 1, 0, 0, 0), 100, clock)));

  @Test
  void holdsEachClientToItsPlansBucket() {
    ClientKey pro = ClientKey.identified("pro", "key_0123456789ab");
    ClientKey anonymous = ClientKey.of("192.0.2.1");
    ClientKey retiredPlan = ClientKey.identified("gold", "key_0123456789ab");

    assertThat(limiter.maxCost(pro)).isEqualTo(1000);
    assertThat(limiter.maxCost(anonymous)).isEqualTo(10);
    assertThat(limiter.maxCost(retiredPlan)).isEqualTo(10);
    assertThat(limiter.maxCost()).isEqualTo(10);
    assertThat(limiter.tryAcquire(pro, 500).toCompletableFuture().join().allowed()).isTrue();
    assertThat(limiter.tryAcquire(anonymous, 500).toCompletableFuture().join().allowed()).isFalse();
  }
}
