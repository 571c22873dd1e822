package io.fibonacci.presentation.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The service against a Redis that crashes, comes back, and freezes, while clients keep sending
 * requests: no request fails because of Redis, none waits long, readiness stays up and says
 * "degraded", and the rate limits become global again by themselves.
 */
class RedisOutageIT {

  private static final String FALLBACK_GAUGE = "fibonacci_rate_limit_fallback_active";
  private static final String CACHE_SKIPPED_GAUGE = "fibonacci_cache_redis_skipped";
  private static final String READINESS = "/health/readiness";
  private static final Duration RECOVERY_DEADLINE = Duration.ofSeconds(20);
  private static final List<Integer> ACCEPTABLE = List.of(200, 304, 429);

  private LocalRedis redis;
  private ServiceInstance service;

  @BeforeEach
  void startRedisAndService() {
    redis = LocalRedis.start();
    service =
        ServiceInstance.start(
            redis.uri(),
            Map.of(
                "rate-limit.bucket.capacity", 100_000,
                "rate-limit.bucket.refill-per-second", 10_000,
                // A window long enough that its counter is still in Redis when the test looks.
                "rate-limit.windows.per-hour", 1_000_000,
                "rate-limit.trusted-proxies", "127.0.0.1",
                "fibonacci.redis.breaker.window-size", 10,
                "fibonacci.redis.breaker.minimum-calls", 5,
                "fibonacci.redis.breaker.open-for", "1s",
                "fibonacci.redis.breaker.half-open-calls", 2));
  }

  @AfterEach
  void stopServiceAndRedis() {
    try {
      if (service != null) {
        service.close();
      }
    } finally {
      if (redis != null) {
        redis.close();
      }
    }
  }

  @Test
  void keepsAnsweringQuicklyWhileRedisIsDownAndSharesLimitsAgainOnceItIsBack() {
    var readyBefore = service.awaitAnswer(READINESS, RedisOutageIT::redisUp, RECOVERY_DEADLINE);
    var traffic = BackgroundTraffic.start(service, 4, 20_000);
    LocalRedis.pause(Duration.ofMillis(500));

    long outageStarted = System.nanoTime();
    redis.stop();
    Optional<Double> gaugeDuringOutage =
        service.awaitGauge(FALLBACK_GAUGE, 1, Duration.ofSeconds(5));
    Optional<Double> cacheGaugeDuringOutage =
        service.awaitGauge(CACHE_SKIPPED_GAUGE, 1, Duration.ofSeconds(5));
    var readyDuringOutage =
        service.awaitAnswer(READINESS, RedisOutageIT::redisDegraded, Duration.ofSeconds(5));
    LocalRedis.pause(remainingOf(Duration.ofSeconds(3), outageStarted));
    long outageEnded = System.nanoTime();
    redis.restart();
    Optional<Double> gaugeAfterRecovery = service.awaitGauge(FALLBACK_GAUGE, 0, RECOVERY_DEADLINE);
    Optional<Double> cacheGaugeAfterRecovery =
        service.awaitGauge(CACHE_SKIPPED_GAUGE, 0, RECOVERY_DEADLINE);
    var readyAfterRecovery =
        service.awaitAnswer(READINESS, RedisOutageIT::redisUp, RECOVERY_DEADLINE);
    traffic.close();
    var freshClient = service.get("/api/v1/fibonacci/12", "X-Forwarded-For", "203.0.113.77");

    assertThat(readyBefore.status()).isEqualTo(200);
    assertThat(traffic.sent())
        .extracting(sent -> sent.answer().status())
        .isNotEmpty()
        .allMatch(ACCEPTABLE::contains);
    assertBoundedLatency(traffic.startedBetween(outageStarted, outageEnded));
    assertThat(gaugeDuringOutage).contains(1.0);
    assertThat(cacheGaugeDuringOutage).contains(1.0);
    assertThat(cacheGaugeAfterRecovery).contains(0.0);
    assertThat(readyDuringOutage.status()).isEqualTo(200);
    assertThat(readyDuringOutage.body()).contains("\"redis\":\"degraded\"");
    assertThat(gaugeAfterRecovery).contains(0.0);
    assertThat(readyAfterRecovery.status()).isEqualTo(200);
    assertThat(readyAfterRecovery.body()).contains("\"redis\":\"up\"");
    assertThat(freshClient.status()).isEqualTo(200);
    assertThat(redis.keys("rl:v1:*")).anySatisfy(key -> assertThat(key).contains("203.0.113.77"));
  }

  @Test
  void keepsAnsweringQuicklyWhileRedisIsFrozenAndReturnsToItAfterwards() {
    var traffic = BackgroundTraffic.start(service, 4, 20_000);
    LocalRedis.pause(Duration.ofMillis(500));

    long freezeStarted = System.nanoTime();
    assertThat(redis.command("CLIENT", "PAUSE", "2000", "ALL")).isEqualTo("OK");
    Optional<Double> gaugeDuringFreeze =
        service.awaitGauge(FALLBACK_GAUGE, 1, Duration.ofMillis(1_500));
    var readyDuringFreeze =
        service.awaitAnswer(READINESS, RedisOutageIT::redisDegraded, Duration.ofMillis(1_500));
    LocalRedis.pause(remainingOf(Duration.ofMillis(2_000), freezeStarted));
    long freezeEnded = System.nanoTime();
    Optional<Double> gaugeAfterFreeze = service.awaitGauge(FALLBACK_GAUGE, 0, RECOVERY_DEADLINE);
    var readyAfterFreeze =
        service.awaitAnswer(READINESS, RedisOutageIT::redisUp, RECOVERY_DEADLINE);
    traffic.close();
    var freshClient = service.get("/api/v1/fibonacci/12", "X-Forwarded-For", "203.0.113.78");

    assertThat(traffic.sent())
        .extracting(sent -> sent.answer().status())
        .isNotEmpty()
        .allMatch(ACCEPTABLE::contains);
    assertBoundedLatency(traffic.startedBetween(freezeStarted, freezeEnded));
    assertThat(gaugeDuringFreeze).contains(1.0);
    assertThat(readyDuringFreeze.status()).isEqualTo(200);
    assertThat(readyDuringFreeze.body()).contains("\"redis\":\"degraded\"");
    assertThat(gaugeAfterFreeze).contains(0.0);
    assertThat(readyAfterFreeze.status()).isEqualTo(200);
    assertThat(readyAfterFreeze.body()).contains("\"redis\":\"up\"");
    assertThat(freshClient.status()).isEqualTo(200);
    assertThat(redis.keys("rl:v1:*")).anySatisfy(key -> assertThat(key).contains("203.0.113.78"));
  }

  /**
   * Each request of the fault took less than a second (a 250 ms timeout per Redis command), and
   * once the breakers had opened most paid no Redis wait: the median of the later half is below one
   * command timeout, which every request would pay with the breakers closed.
   */
  private static final long COMMAND_TIMEOUT_MILLIS = 250;

  private static void assertBoundedLatency(List<BackgroundTraffic.Sent> duringFault) {
    assertThat(duringFault).hasSizeGreaterThan(10);
    assertThat(duringFault)
        .allSatisfy(sent -> assertThat(sent.answer().millis()).isLessThan(1_000));
    List<Long> laterHalf =
        duringFault.subList(duringFault.size() / 2, duringFault.size()).stream()
            .map(sent -> sent.answer().millis())
            .sorted()
            .toList();
    assertThat(laterHalf.get(laterHalf.size() / 2)).isLessThan(COMMAND_TIMEOUT_MILLIS);
  }

  private static boolean redisUp(ServiceInstance.Answer answer) {
    return answer.status() == 200 && answer.body().contains("\"redis\":\"up\"");
  }

  private static boolean redisDegraded(ServiceInstance.Answer answer) {
    return answer.status() == 200 && answer.body().contains("\"redis\":\"degraded\"");
  }

  private static Duration remainingOf(Duration total, long startedNanos) {
    Duration elapsed = Duration.ofNanos(System.nanoTime() - startedNanos);
    return total.minus(elapsed).isNegative() ? Duration.ZERO : total.minus(elapsed);
  }
}
