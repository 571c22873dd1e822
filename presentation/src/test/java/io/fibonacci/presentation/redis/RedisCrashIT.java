package io.fibonacci.presentation.redis;

import static io.fibonacci.presentation.redis.RedisFaults.ACCEPTABLE;
import static io.fibonacci.presentation.redis.RedisFaults.CACHE_SKIPPED_GAUGE;
import static io.fibonacci.presentation.redis.RedisFaults.FALLBACK_GAUGE;
import static io.fibonacci.presentation.redis.RedisFaults.READINESS;
import static io.fibonacci.presentation.redis.RedisFaults.RECOVERY_DEADLINE;
import static io.fibonacci.presentation.redis.RedisFaults.assertBoundedLatency;
import static io.fibonacci.presentation.redis.RedisFaults.remainingOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The service against a Redis that crashes and comes back, while clients keep sending requests: no
 * request fails because of Redis, none waits long, readiness stays up and says "degraded", and the
 * rate limits become global again by themselves.
 */
class RedisCrashIT extends RedisFaultSetup {

  @Test
  void keepsAnsweringQuicklyWhileRedisIsDownAndSharesLimitsAgainOnceItIsBack() {
    var readyBefore = service.awaitAnswer(READINESS, RedisFaults::redisUp, RECOVERY_DEADLINE);
    var traffic = BackgroundTraffic.start(service, 4, 20_000);
    LocalRedis.pause(Duration.ofMillis(500));

    long outageStarted = System.nanoTime();
    redis.stop();
    Optional<Double> gaugeDuringOutage =
        service.awaitGauge(FALLBACK_GAUGE, 1, Duration.ofSeconds(5));
    Optional<Double> cacheGaugeDuringOutage =
        service.awaitGauge(CACHE_SKIPPED_GAUGE, 1, Duration.ofSeconds(5));
    var readyDuringOutage =
        service.awaitAnswer(READINESS, RedisFaults::redisDegraded, Duration.ofSeconds(5));
    LocalRedis.pause(remainingOf(Duration.ofSeconds(3), outageStarted));
    long outageEnded = System.nanoTime();
    redis.restart();
    Optional<Double> gaugeAfterRecovery = service.awaitGauge(FALLBACK_GAUGE, 0, RECOVERY_DEADLINE);
    Optional<Double> cacheGaugeAfterRecovery =
        service.awaitGauge(CACHE_SKIPPED_GAUGE, 0, RECOVERY_DEADLINE);
    var readyAfterRecovery =
        service.awaitAnswer(READINESS, RedisFaults::redisUp, RECOVERY_DEADLINE);
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
}
