package io.fibonacci.infrastructure.config.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fibonacci.application.port.out.FibonacciCache;
import io.fibonacci.application.port.out.RateLimiter;
import io.fibonacci.domain.calculator.IterativeFibonacciCalculator;
import io.fibonacci.domain.model.FibonacciNumber;
import io.fibonacci.domain.model.Position;
import io.fibonacci.domain.model.ratelimit.ClientKey;
import io.fibonacci.domain.model.ratelimit.RateLimitDecision;
import io.fibonacci.infrastructure.redis.RedisWarmUp;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * The Redis wiring against a Redis that is not there (nothing listens on port 1): every request
 * must still be answered, which is what an outage looks like to the service.
 */
class RedisAdapterFactoryTest {

  private static final String UNREACHABLE = "redis://127.0.0.1:1";

  @Test
  void answersRateLimitChecksFromThisInstanceWhileRedisIsUnreachable() {
    try (ApplicationContext context =
        run(
            Map.of(
                "rate-limit.bucket.capacity", "2",
                "rate-limit.bucket.refill-per-second", "0.001"))) {
      RateLimiter limiter = context.getBean(RateLimiter.class);

      RateLimitDecision first = acquire(limiter);
      RateLimitDecision second = acquire(limiter);
      RateLimitDecision third = acquire(limiter);

      assertThat(first.allowed()).isTrue();
      assertThat(second.allowed()).isTrue();
      assertThat(third.allowed()).isFalse();
      assertThat(limiter.maxCost()).isEqualTo(2);
    }
  }

  @Test
  void computesCacheMissesWhileRedisIsUnreachable() {
    try (ApplicationContext context = run(Map.of())) {
      FibonacciCache cache = context.getBean(FibonacciCache.class);

      FibonacciNumber value =
          cache
              .get(
                  Position.of(20_000),
                  position ->
                      CompletableFuture.completedFuture(
                          new IterativeFibonacciCalculator().compute(position)))
              .join();

      assertThat(value.digitCount()).isEqualTo(4_180);
    }
  }

  @Test
  void reportsRedisAsDegradedButIsReadyOnceTheWarmUpFindsNoRedis() throws InterruptedException {
    try (ApplicationContext context = run(Map.of())) {
      RedisWarmUp warmUp = context.getBean(RedisWarmUp.class);
      long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (!warmUp.isWarm() && System.nanoTime() < end) {
        Thread.sleep(20);
      }
      HealthIndicator indicator =
          context.getBeansOfType(HealthIndicator.class).stream()
              .filter(candidate -> candidate.getClass().getSimpleName().startsWith("Redis"))
              .findFirst()
              .orElseThrow();

      HealthResult result = Mono.from(indicator.getResult()).block();

      // the first round of warm-up calls failed whole: no waiting for the 10 s limit
      assertThat(warmUp.isWarm()).isTrue();
      assertThat(result.getStatus()).isEqualTo(HealthStatus.UP);
      assertThat(result.getDetails())
          .asInstanceOf(InstanceOfAssertFactories.MAP)
          .containsEntry("redis", "degraded");
    }
  }

  @Test
  void registersTheFallbackGaugeAndBothCacheTiers() {
    try (ApplicationContext context = run(Map.of())) {
      context.getBean(RateLimiter.class);
      context.getBean(FibonacciCache.class);
      MeterRegistry registry = context.getBean(MeterRegistry.class);

      double fallbackActive = registry.get("fibonacci.rate_limit.fallback.active").gauge().value();
      long tiers =
          registry.find("fibonacci.cache.requests").counters().stream()
              .map(counter -> counter.getId().getTag("tier"))
              .distinct()
              .count();

      assertThat(fallbackActive).isZero();
      assertThat(tiers).isEqualTo(2);
    }
  }

  @Test
  void refusesToStartWithANegativeRedisThreshold() {
    assertThatThrownBy(
            () -> {
              try (ApplicationContext context = run(Map.of("fibonacci.cache.redis.min-n", "-1"))) {
                context.getBean(FibonacciCache.class);
              }
            })
        .hasStackTraceContaining("fibonacci.cache.redis.min-n must be 0 or more, got -1");
  }

  @Test
  void answersFromThisInstanceWhenNoSeedOfTheRedisClusterAnswers() {
    Map<String, Object> cluster = new HashMap<>();
    cluster.put("redis.cluster-uris", UNREACHABLE + ", redis://127.0.0.1:2");
    cluster.put("fibonacci.cache.warm-up-count", "5");
    try (ApplicationContext context = ApplicationContext.run(cluster)) {
      RateLimiter limiter = context.getBean(RateLimiter.class);
      FibonacciCache cache = context.getBean(FibonacciCache.class);

      assertThat(acquire(limiter).allowed()).isTrue();
      assertThat(
              cache
                  .get(
                      Position.of(20_000),
                      p ->
                          CompletableFuture.completedFuture(
                              new IterativeFibonacciCalculator().compute(p)))
                  .join()
                  .decimal())
          .hasSize(4_180);
      assertThat(context.getBean(io.fibonacci.infrastructure.redis.RedisLinks.class).isCluster())
          .isTrue();
    }
  }

  @Test
  void refusesToStartWithBothASingleRedisAndARedisCluster() {
    assertThatThrownBy(
            () -> {
              try (ApplicationContext context =
                  run(Map.of("redis.cluster-uris", "redis://127.0.0.1:7000"))) {
                context.getBean(RateLimiter.class);
              }
            })
        .hasStackTraceContaining("REDIS_URI and REDIS_CLUSTER_URIS are both set");
  }

  @Test
  void refusesToStartWithAClusterOfNoSeedNodes() {
    assertThatThrownBy(
            () -> {
              try (ApplicationContext context =
                  ApplicationContext.run(Map.of("redis.cluster-uris", " , ,"))) {
                context.getBean(RateLimiter.class);
              }
            })
        .hasStackTraceContaining("REDIS_CLUSTER_URIS is a comma-separated list");
  }

  private static ApplicationContext run(Map<String, Object> properties) {
    Map<String, Object> all = new HashMap<>(properties);
    all.put("redis.uri", UNREACHABLE);
    all.putIfAbsent("fibonacci.cache.warm-up-count", "5");
    return ApplicationContext.run(all);
  }

  private static RateLimitDecision acquire(RateLimiter limiter) {
    return limiter.tryAcquire(ClientKey.of("alice"), 1).toCompletableFuture().join();
  }
}
