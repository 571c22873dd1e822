package io.fibonacci.infrastructure.config.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.fibonacci.application.port.out.FibonacciCache;
import io.fibonacci.application.port.out.RateLimiter;
import io.fibonacci.domain.model.Position;
import io.fibonacci.domain.model.ratelimit.ClientKey;
import io.fibonacci.domain.model.ratelimit.QuotaUsage;
import io.fibonacci.domain.model.ratelimit.RateLimitDecision;
import io.fibonacci.infrastructure.composite.TieredFibonacciCache;
import io.fibonacci.infrastructure.observability.ObservedFibonacciCache;
import io.fibonacci.infrastructure.observability.ObservedRateLimiter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InMemoryAdapterFactoryTest {

  @Test
  void providesTheObservedInMemoryAdaptersByDefault() {
    try (ApplicationContext context = run(Map.of())) {

      RateLimiter limiter = context.getBean(RateLimiter.class);
      FibonacciCache cache = context.getBean(FibonacciCache.class);

      assertThat(limiter).isInstanceOf(ObservedRateLimiter.class);
      assertThat(limiter.maxCost()).isEqualTo(1_000);
      assertThat(cache).isInstanceOf(ObservedFibonacciCache.class);
    }
  }

  @Test
  void appliesTheBucketAndWindowSettings() {
    try (ApplicationContext context =
        run(
            Map.of(
                "rate-limit.bucket.capacity", "2",
                "rate-limit.bucket.refill-per-second", "0.5",
                "rate-limit.windows.per-minute", "30",
                "rate-limit.windows.per-hour", "50",
                "rate-limit.windows.per-day", "200"))) {
      RateLimiter limiter = context.getBean(RateLimiter.class);

      RateLimitDecision first = acquire(limiter);
      acquire(limiter);
      RateLimitDecision third = acquire(limiter);

      assertThat(first.quotas())
          .extracting(QuotaUsage::name, QuotaUsage::limit, QuotaUsage::windowSeconds)
          .containsExactly(
              tuple("bucket", 2L, 4L),
              tuple("minute", 30L, 60L),
              tuple("hour", 50L, 3_600L),
              tuple("day", 200L, 86_400L));
      assertThat(third.allowed()).isFalse();
    }
  }

  @Test
  void letsEveryRequestPassWhenRateLimitingIsOff() {
    try (ApplicationContext context =
        run(Map.of("rate-limit.enabled", "false", "rate-limit.bucket.capacity", "0"))) {
      RateLimiter limiter = context.getBean(RateLimiter.class);

      RateLimitDecision decision = acquire(limiter);

      assertThat(decision.allowed()).isTrue();
      assertThat(decision.quotas()).isEmpty();
      assertThat(limiter.maxCost()).isEqualTo(Long.MAX_VALUE);
    }
  }

  @Test
  void refusesToStartWithABucketOfNoTokens() {
    assertThatThrownBy(() -> run(Map.of("rate-limit.bucket.capacity", "0")).close())
        .hasStackTraceContaining("rate-limit.bucket.capacity must be at least 1, got 0");
  }

  @Test
  void refusesToStartWithARefillRateOfZero() {
    assertThatThrownBy(() -> run(Map.of("rate-limit.bucket.refill-per-second", "0")).close())
        .hasStackTraceContaining("rate-limit.bucket.refill-per-second must be greater than 0");
  }

  @Test
  void refusesToStartWithANegativeWindow() {
    assertThatThrownBy(() -> run(Map.of("rate-limit.windows.per-hour", "-1")).close())
        .hasStackTraceContaining("rate-limit.windows.per-hour must be 0 (off) or more, got -1");
  }

  @Test
  void leavesTheLimiterAndTheCacheToTheRedisAdaptersWhenARedisUriIsSet() {
    try (ApplicationContext context = run(Map.of("redis.uri", "redis://127.0.0.1:1"))) {

      RateLimiter limiter = context.getBean(RateLimiter.class);
      FibonacciCache cache = context.getBean(FibonacciCache.class);

      assertThat(context.getBeansOfType(RateLimiter.class)).containsExactly(limiter);
      assertThat(cache).isInstanceOf(TieredFibonacciCache.class);
    }
  }

  @Test
  void keepsTheEmbeddedAdaptersWhenTheRedisUriIsEmpty() {
    try (ApplicationContext context = run(Map.of("redis.uri", " "))) {

      FibonacciCache cache = context.getBean(FibonacciCache.class);

      assertThat(cache).isInstanceOf(ObservedFibonacciCache.class);
      assertThat(context.getBeansOfType(RateLimiter.class)).hasSize(1);
    }
  }

  @Test
  void warmsTheCacheWithTheConfiguredNumberOfValuesAtStartup() {
    try (ApplicationContext context = run(Map.of("fibonacci.cache.warm-up-count", "20"))) {
      FibonacciCache cache = context.getBean(FibonacciCache.class);
      awaitMisses(context.getBean(MeterRegistry.class), 20);

      String nineteen =
          cache
              .get(
                  Position.of(19),
                  position -> CompletableFuture.failedFuture(new AssertionError("not warmed")))
              .join()
              .decimal();

      assertThat(nineteen).isEqualTo("4181");
    }
  }

  /** Waits until the cache has counted {@code expected} misses: the warm-up asked for them all. */
  private static void awaitMisses(MeterRegistry registry, double expected) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (registry.find("fibonacci.cache.requests").tag("result", "miss").counters().stream()
            .mapToDouble(Counter::count)
            .sum()
        < expected) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the warm-up did not ask for " + expected + " values in 10 s");
      }
      Thread.onSpinWait();
    }
  }

  @Test
  void registersTheFibonacciMetersBeforeTheFirstRequest() {
    try (ApplicationContext context = run(Map.of("fibonacci.cache.warm-up-count", "0"))) {
      context.getBean(RateLimiter.class);
      context.getBean(FibonacciCache.class);
      MeterRegistry registry = context.getBean(MeterRegistry.class);

      long decisions = registry.find("fibonacci.rate_limit.decisions").counters().size();
      long cacheRequests = registry.find("fibonacci.cache.requests").counters().size();

      assertThat(decisions).isEqualTo(2);
      assertThat(cacheRequests).isEqualTo(2);
    }
  }

  private static ApplicationContext run(Map<String, Object> properties) {
    Map<String, Object> all = new HashMap<>(properties);
    all.putIfAbsent("fibonacci.cache.warm-up-count", "5");
    return ApplicationContext.run(all);
  }

  private static RateLimitDecision acquire(RateLimiter limiter) {
    return limiter.tryAcquire(ClientKey.of("alice"), 1).toCompletableFuture().join();
  }
}
