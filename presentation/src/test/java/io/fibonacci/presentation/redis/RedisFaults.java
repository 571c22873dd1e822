package io.fibonacci.presentation.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What the Redis fault tests share: one service on its own Redis with breakers that react within a
 * second, and the checks every fault must pass.
 */
final class RedisFaults {

  static final String FALLBACK_GAUGE = "fibonacci_rate_limit_fallback_active";
  static final String CACHE_SKIPPED_GAUGE = "fibonacci_cache_redis_skipped";
  static final String READINESS = "/health/readiness";
  static final Duration RECOVERY_DEADLINE = Duration.ofSeconds(20);
  static final List<Integer> ACCEPTABLE = List.of(200, 304, 429);

  private RedisFaults() {}

  static ServiceInstance serviceOn(LocalRedis redis) {
    return ServiceInstance.start(
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

  static void closeBoth(ServiceInstance service, LocalRedis redis) {
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

  /**
   * Each request of the fault took less than a second (a 250 ms timeout per Redis command), and
   * once the breakers had opened most paid no Redis wait: the median of the later half is below one
   * command timeout, which every request would pay with the breakers closed.
   */
  static final long COMMAND_TIMEOUT_MILLIS = 250;

  static void assertBoundedLatency(List<BackgroundTraffic.Sent> duringFault) {
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

  static boolean redisUp(ServiceInstance.Answer answer) {
    return answer.status() == 200 && answer.body().contains("\"redis\":\"up\"");
  }

  static boolean redisDegraded(ServiceInstance.Answer answer) {
    return answer.status() == 200 && answer.body().contains("\"redis\":\"degraded\"");
  }

  static Duration remainingOf(Duration total, long startedNanos) {
    Duration elapsed = Duration.ofNanos(System.nanoTime() - startedNanos);
    return total.minus(elapsed).isNegative() ? Duration.ZERO : total.minus(elapsed);
  }
}
