package io.fibonacci.infrastructure.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fibonacci.application.port.out.RateLimiter;
import io.fibonacci.domain.model.ratelimit.ClientKey;
import io.fibonacci.domain.model.ratelimit.RateLimitDecision;
import io.fibonacci.domain.model.ratelimit.RateLimitPolicy;
import io.fibonacci.infrastructure.contract.RateLimiterContract;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class InMemoryRateLimiterTest extends RateLimiterContract {

  @Override
  protected RateLimiter limiter(RateLimitPolicy policy, Clock clock) {
    return new InMemoryRateLimiter(policy, InMemoryRateLimiter.DEFAULT_MAX_CLIENTS, clock);
  }

  @Test
  void forgetsAClientIdleForLongerThanItsStateMatters() {
    InMemoryRateLimiter limiter =
        new InMemoryRateLimiter(RateLimitPolicy.of(10, 1, 5, 0, 0), 100, clock);
    acquire(limiter, "alice", 10);

    clock.advanceSeconds(59);
    long trackedBeforeExpiry = limiter.trackedClients();
    clock.advanceSeconds(1);
    long trackedAfterExpiry = limiter.trackedClients();

    assertThat(trackedBeforeExpiry).isOne();
    assertThat(trackedAfterExpiry).isZero();
  }

  @Test
  void forgottenClientStartsWithAFullBucketAndEmptyWindows() {
    InMemoryRateLimiter limiter =
        new InMemoryRateLimiter(RateLimitPolicy.of(10, 1, 5, 0, 0), 100, clock);
    acquire(limiter, "alice", 10);

    clock.advance(Duration.ofMinutes(5));
    limiter.trackedClients();
    RateLimitDecision decision = acquire(limiter, "alice", 10);

    assertThat(decision.allowed()).isTrue();
    assertThat(decision.quotas().get(1).remaining()).isEqualTo(4);
  }

  @Test
  void tracksAtMostTheConfiguredNumberOfClients() {
    InMemoryRateLimiter limiter =
        new InMemoryRateLimiter(RateLimitPolicy.of(10, 1, 0, 0, 0), 10, clock);

    for (int i = 0; i < 100; i++) {
      acquire(limiter, "client-" + i, 1);
    }

    assertThat(limiter.trackedClients()).isLessThanOrEqualTo(10);
  }

  @Test
  void refusesACostBelowOneToken() {
    InMemoryRateLimiter limiter =
        new InMemoryRateLimiter(RateLimitPolicy.of(10, 1, 0, 0, 0), 10, clock);

    assertThatThrownBy(() -> limiter.tryAcquire(ClientKey.of("alice"), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 1 token");
  }

  @Test
  void refusesToTrackNoClientAtAll() {
    RateLimitPolicy policy = RateLimitPolicy.of(10, 1, 0, 0, 0);

    assertThatThrownBy(() -> new InMemoryRateLimiter(policy, 0, clock))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private RateLimitDecision acquire(RateLimiter limiter, String client, long cost) {
    return limiter.tryAcquire(client(client), cost).toCompletableFuture().join();
  }
}
