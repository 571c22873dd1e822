package io.fibonacci.infrastructure.composite;

import io.fibonacci.application.port.out.FibonacciCache;
import io.fibonacci.infrastructure.contract.FibonacciCacheContract;
import io.fibonacci.infrastructure.inmemory.CaffeineFibonacciCache;
import io.fibonacci.infrastructure.redis.RedisFibonacciCache;
import io.fibonacci.infrastructure.testing.RedisTestServer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The cache port's contract against the tiers as production composes them: Caffeine over Redis. */
class TieredFibonacciCacheContractIT extends FibonacciCacheContract {

  @RegisterExtension static final RedisTestServer REDIS = new RedisTestServer();

  @Override
  protected FibonacciCache newCache() {
    var remote =
        new RedisFibonacciCache(
            REDIS.newLink(),
            REDIS.keyPrefix() + UUID.randomUUID() + ":",
            Duration.ofHours(1),
            4L * 1024 * 1024,
            CircuitBreaker.ofDefaults("tiered-contract"));
    return new TieredFibonacciCache(
        new CaffeineFibonacciCache(CaffeineFibonacciCache.DEFAULT_MAX_BYTES), remote, 0);
  }
}
