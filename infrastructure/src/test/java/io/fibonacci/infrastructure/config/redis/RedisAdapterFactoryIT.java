package io.fibonacci.infrastructure.config.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.fibonacci.application.port.out.RateLimiter;
import io.fibonacci.domain.model.ratelimit.ClientKey;
import io.fibonacci.domain.model.ratelimit.RateLimitDecision;
import io.fibonacci.infrastructure.redis.RedisWarmUp;
import io.fibonacci.infrastructure.testing.RedisTestServer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;

/** The wiring against a real Redis: limits are kept there, and readiness says so. */
class RedisAdapterFactoryIT {

  @RegisterExtension static final RedisTestServer REDIS = new RedisTestServer();

  @Test
  void keepsTheLimitsInRedisAndReportsItUp() throws InterruptedException {
    ClientKey client = ClientKey.of("wiring-" + UUID.randomUUID());
    REDIS.keys("rl:v1:warm-up:*").forEach(key -> REDIS.inspect().del(key));
    try (ApplicationContext context =
        ApplicationContext.run(
            Map.of(
                "redis.uri", RedisTestServer.uri(),
                "fibonacci.cache.warm-up-count", "0",
                "rate-limit.bucket.capacity", "2",
                "rate-limit.bucket.refill-per-second", "0.001"))) {
      RateLimiter limiter = context.getBean(RateLimiter.class);
      RedisWarmUp warmUp = context.getBean(RedisWarmUp.class);
      long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
      while (!warmUp.isWarm() && System.nanoTime() < end) {
        Thread.sleep(20);
      }

      acquire(limiter, client);
      RateLimitDecision second = acquire(limiter, client);
      RateLimitDecision third = acquire(limiter, client);
      long keys = REDIS.keys("rl:v1:{" + client.value() + "}:*").size();
      HealthResult health = Mono.from(redisIndicator(context).getResult()).block();

      // the warm-up ran the limiter's script on keys of its own before readiness turned UP, in
      // turn on 32 clients (slots spread over every master of a cluster)
      assertThat(warmUp.isWarm()).isTrue();
      assertThat(REDIS.keys("rl:v1:warm-up:{warm-up-*}:bucket")).hasSize(32);
      assertThat(second.allowed()).isTrue();
      assertThat(third.allowed()).isFalse();
      assertThat(keys).isOne();
      assertThat(health.getStatus()).isEqualTo(HealthStatus.UP);
      assertThat(health.getDetails())
          .asInstanceOf(InstanceOfAssertFactories.MAP)
          .containsEntry("redis", "up");
    } finally {
      REDIS.inspect().del("rl:v1:{" + client.value() + "}:bucket");
    }
  }

  private static HealthIndicator redisIndicator(ApplicationContext context) {
    return context.getBeansOfType(HealthIndicator.class).stream()
        .filter(candidate -> candidate.getClass().getSimpleName().startsWith("Redis"))
        .findFirst()
        .orElseThrow();
  }

  private static RateLimitDecision acquire(RateLimiter limiter, ClientKey client) {
    return limiter.tryAcquire(client, 1).toCompletableFuture().join();
  }
}
