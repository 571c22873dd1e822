package io.fibonacci.infrastructure.composite;

import io.fibonacci.application.port.out.RateLimiter;
import io.fibonacci.domain.model.ratelimit.RateLimitPolicy;
import io.fibonacci.infrastructure.contract.RateLimiterContract;
import io.fibonacci.infrastructure.inmemory.InMemoryRateLimiter;
import io.fibonacci.infrastructure.redis.RedisRateLimiterFixtures;
import io.fibonacci.infrastructure.testing.RedisTestServer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The limiter port's contract against Redis behind the fallback, as Redis mode wires it. */
class FallbackRateLimiterOnRedisContractIT extends RateLimiterContract {

  @RegisterExtension static final RedisTestServer REDIS = new RedisTestServer();

  @Override
  protected RateLimiter limiter(RateLimitPolicy policy, Clock clock) {
    return new FallbackRateLimiter(
        RedisRateLimiterFixtures.withClock(REDIS.newLink(), policy, REDIS.keyPrefix(), clock),
        new InMemoryRateLimiter(policy, 1_000, clock),
        CircuitBreaker.ofDefaults("fallback-redis-contract"),
        new SimpleMeterRegistry());
  }
}
