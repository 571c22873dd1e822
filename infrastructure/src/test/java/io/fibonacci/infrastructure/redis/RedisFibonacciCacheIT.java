package io.fibonacci.infrastructure.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.fibonacci.application.port.out.FibonacciCache;
import io.fibonacci.domain.model.FibonacciNumber;
import io.fibonacci.domain.model.FibonacciNumbers;
import io.fibonacci.domain.model.Position;
import io.fibonacci.infrastructure.contract.FibonacciCacheContract;
import io.fibonacci.infrastructure.testing.RedisTestServer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisFibonacciCacheIT extends FibonacciCacheContract {

  @RegisterExtension static final RedisTestServer REDIS = new RedisTestServer();

  @Override
  protected FibonacciCache newCache() {
    return cache(freshPrefix(), 4L * 1024 * 1024);
  }

  @Test
  void storesTheDecimalDigitsOnceUnderAVersionedKeyWithATimeToLive() {
    String prefix = freshPrefix();
    FibonacciCache cache = cache(prefix, 4L * 1024 * 1024);

    cache.get(Position.of(100), computing(new AtomicInteger())).join();

    assertThat(REDIS.inspect().get(prefix + "100")).isEqualTo("354224848179261915075");
    assertThat(REDIS.inspect().pttl(prefix + "100"))
        .isPositive()
        .isLessThanOrEqualTo(Duration.ofHours(1).toMillis());
  }

  @Test
  void findsAValueStoredByAnotherInstance() {
    String prefix = freshPrefix();
    cache(prefix, 4L * 1024 * 1024).get(Position.of(5_000), computing(new AtomicInteger())).join();
    AtomicInteger loads = new AtomicInteger();

    FibonacciNumber found =
        cache(prefix, 4L * 1024 * 1024).get(Position.of(5_000), computing(loads)).join();

    assertThat(found).isEqualTo(FibonacciNumbers.of(5_000));
    assertThat(loads).hasValue(0);
  }

  @Test
  void keepsValuesLargerThanTheLimitOutOfRedis() {
    String prefix = freshPrefix();
    FibonacciCache cache = cache(prefix, 20);

    FibonacciNumber large = cache.get(Position.of(200), computing(new AtomicInteger())).join();
    cache.get(Position.of(90), computing(new AtomicInteger())).join();

    assertThat(large.digitCount()).isGreaterThan(20);
    assertThat(REDIS.inspect().exists(prefix + "200")).isZero();
    assertThat(REDIS.inspect().exists(prefix + "90")).isOne();
  }

  @Test
  void treatsAMalformedStoredValueAsAMiss() {
    String prefix = freshPrefix();
    REDIS.inspect().set(prefix + "10", "not digits");
    AtomicInteger loads = new AtomicInteger();

    FibonacciNumber value = cache(prefix, 1_000).get(Position.of(10), computing(loads)).join();

    assertThat(value.decimal()).isEqualTo("55");
    assertThat(loads).hasValue(1);
  }

  private static FibonacciCache cache(String prefix, long maxValueBytes) {
    return new RedisFibonacciCache(
        REDIS.newLink(),
        prefix,
        Duration.ofHours(1),
        maxValueBytes,
        CircuitBreaker.ofDefaults("redis-cache-it"));
  }

  private static String freshPrefix() {
    return REDIS.keyPrefix() + UUID.randomUUID() + ":" + RedisFibonacciCache.KEY_PREFIX;
  }

  private static Function<Position, CompletableFuture<FibonacciNumber>> computing(
      AtomicInteger loads) {
    return position -> {
      loads.incrementAndGet();
      return FibonacciNumbers.computed(position);
    };
  }
}
